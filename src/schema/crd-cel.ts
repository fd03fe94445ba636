/**
 * CRD checks and CEL rules, imported only when the inputs hold a CRD or a
 * custom resource: initialising the CEL engine is a noticeable part of the
 * start-up of a run that needs none.
 */
import type { Resource } from '../model/types.js';
import type * as CelSupport from './crd/cel-support.js';
import { isBuiltinGroup } from './served-kind.js';

export type CrdCel = typeof CelSupport;

let loaded: CrdCel | undefined;

/** Loads the CEL part of CRD validation when `resources` need it; resolves at once otherwise or when loaded. */
export async function prepareCrdValidation(resources: readonly Resource[]): Promise<void> {
  if (loaded === undefined && resources.some(needsCrdValidation)) await loadCrdValidation();
}

/** Loads the CEL part of CRD validation, whatever the inputs (for callers that evaluate rules directly). */
export async function loadCrdValidation(): Promise<void> {
  loaded ??= await import('./crd/cel-support.js');
}

/** The CEL part, for a resource that needs it; an error if the run did not prepare it (a bug, not bad input). */
export function crdCel(): CrdCel {
  if (loaded === undefined) throw new Error('CRD validation was used before prepareCrdValidation() loaded it');
  return loaded;
}

function needsCrdValidation(resource: Resource): boolean {
  return resource.kind === 'CustomResourceDefinition' || !isBuiltinGroup(resource.group);
}
