import type { ObjectPath } from '../../model/types.js';
/** A field path resolved in a schema, or why it could not be. */
export type FieldPathResult = {
    readonly path: ObjectPath;
    readonly schema: Record<string, unknown> | undefined;
} | {
    readonly error: string;
};
/**
 * Resolves `text` from `schema`: the object path it names (relative to the
 * node) and the schema found there, or why it names nothing.
 * `allowBrackets: false` refuses the `['key']` form (selectable fields).
 */
export declare function resolveFieldPath(text: string, schema: unknown, allowBrackets?: boolean): FieldPathResult;
