import { type Library } from '../cel-types.js';
/** The macro names, for the nesting limit of `env.ts`. */
export declare const TWO_VARIABLE_MACROS: readonly string[];
export declare const comprehensionsLibrary: Library;
