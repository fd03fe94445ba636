/**
 * CRD checks and CEL rules, imported only when the inputs hold a CRD or a
 * custom resource: initialising the CEL engine is a noticeable part of the
 * start-up of a run that needs none.
 */
import type { Resource } from '../model/types.js';
import type * as CelSupport from './crd/cel-support.js';
export type CrdCel = typeof CelSupport;
/** Loads the CEL part of CRD validation when `resources` need it; resolves at once otherwise or when loaded. */
export declare function prepareCrdValidation(resources: readonly Resource[]): Promise<void>;
/** Loads the CEL part of CRD validation, whatever the inputs (for callers that evaluate rules directly). */
export declare function loadCrdValidation(): Promise<void>;
/** The CEL part, for a resource that needs it; an error if the run did not prepare it (a bug, not bad input). */
export declare function crdCel(): CrdCel;
