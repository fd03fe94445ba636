import type { Resource } from '../../src/model/types.js';
import { parseManifests } from '../../src/load/parse.js';

/** The objects of a manifest text, as the loader makes them (problems and skipped documents left out). */
export function resourcesOf(text: string, file: string): Resource[] {
  const resources: Resource[] = [];
  for (const event of parseManifests(text, file)) if (event.type === 'resource') resources.push(event.resource);
  return resources;
}
