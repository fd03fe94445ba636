import type { SchemaProblem } from '../types.js';
/** How {@link runCelValidations} runs the rules. */
export interface CelValidationOptions {
    /** True (the default) when `value` is a whole resource; false for a part of one, such as a schema's default. */
    readonly resourceRoot?: boolean;
    /**
     * Run transition rules as on an update that changes nothing (`oldSelf` is
     * `self`), as the API server does to check a schema's defaults.
     */
    readonly oldIsSame?: boolean;
}
/** The rules that are false or fail, as problems of class `cel`, with paths from `value`. */
export declare function runCelValidations(value: unknown, schema: unknown, options?: CelValidationOptions): SchemaProblem[];
