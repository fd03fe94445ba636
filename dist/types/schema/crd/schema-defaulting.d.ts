/** `value` with the defaults of `schema` filled in. */
export declare function applyDefaults(value: unknown, schema: unknown): unknown;
