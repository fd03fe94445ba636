import type { ObjectPath, RelatedFinding, Resource } from '../model/types.js';

/**
 * Related locations for a value that a YAML alias or merge key brought in: a
 * finding points at where the value is written, and these at how it got there.
 */
export function broughtByRelated(resource: Resource, documentPath: ObjectPath): RelatedFinding[] {
  return (resource.locator.broughtBy?.(documentPath) ?? []).map((site) => ({ file: resource.file, ...site }));
}
