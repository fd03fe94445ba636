/** CEL `==`: heterogeneous numbers by value, lists and maps element by element, other types never equal. */
export declare function celEquals(a: unknown, b: unknown): boolean;
/** A CEL map as a `Map`: the evaluator's map literals are plain objects, manifests' maps are `Map`s. */
export declare function asMap(value: unknown): Map<unknown, unknown> | undefined;
/** CEL ordering of comparable values (numbers, strings, bools, bytes, timestamps); an error otherwise. */
export declare function celCompare(a: unknown, b: unknown): number;
/** The CEL type name of a runtime value, for messages. */
export declare function celTypeName(value: unknown): string;
