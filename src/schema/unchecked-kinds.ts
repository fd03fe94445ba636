/**
 * What `--verbose` says about custom resources that could not be validated:
 * kinds with no CustomResourceDefinition in sight, and kinds that two
 * different CRDs define (the first one is used).
 */
import type { Resource } from '../model/types.js';
import { buildCrdCatalog } from './crd/crd-catalog.js';
import { isBuiltinGroup } from './served-kind.js';

/** One note per kind without a CRD, with how many objects it has, and one per conflicting CRD. */
export function uncheckedKindNotes(resources: readonly Resource[], lookup: readonly Resource[]): string[] {
  const crds = lookup.filter(
    (resource) => resource.group === 'apiextensions.k8s.io' && resource.kind === 'CustomResourceDefinition',
  );
  const catalog = buildCrdCatalog(crds.map(({ object, file, documentIndex }) => ({ object, file, documentIndex })));
  const counts = new Map<string, { count: number; note: string }>();
  for (const resource of resources) {
    if (isBuiltinGroup(resource.group)) continue;
    const found = catalog.lookup(resource.object.apiVersion, resource.kind);
    if (found.status !== 'no-crd') continue;
    const key = `${resource.group}/${resource.kind}`;
    const known = counts.get(key);
    if (known) known.count++;
    else counts.set(key, { count: 1, note: found.note });
  }
  const unchecked = [...counts.values()].map(
    ({ count, note }) =>
      `${note} (${count} object${count === 1 ? '' : 's'}; schema-missing-crd makes this an error, and crds: in the config names CRD folders)`,
  );
  return [...unchecked, ...catalog.conflicts.map((conflict) => conflict.message)];
}
