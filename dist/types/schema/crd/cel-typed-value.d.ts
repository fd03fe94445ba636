/** `self` for `value` under `schema`; `resourceRoot` for the root of a resource. */
export declare function typedCelValue(value: unknown, schema: unknown, resourceRoot: boolean): unknown;
