import type { SchemaProblem } from '../types.js';
import { type ValueValidator } from './schema-defaults.js';
export type { ValueValidator } from './schema-defaults.js';
/** What {@link checkCrd} may use beyond the CRD itself. */
export interface CheckCrdOptions {
    /**
     * Judges a value against a schema node as custom resources are judged
     * (`validateAgainstSchema` in CRD mode): used for the schemas' defaults,
     * which are not judged without it.
     */
    readonly validateValue?: ValueValidator;
}
/** Checks a CRD object; anything that is not one gives no problem. */
export declare function checkCrd(object: unknown, options?: CheckCrdOptions): SchemaProblem[];
