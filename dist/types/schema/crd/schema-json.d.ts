/** True when Go would see the field as set: not absent, null, false, zero, empty text, list or map. */
export declare function isNonZero(value: unknown): boolean;
/** The node's `type`, or `''` when it has none (or not a string). */
export declare function nodeType(node: Record<string, unknown>): string;
/** The node's declared properties (empty when it declares none). */
export declare function propertiesOf(node: Record<string, unknown>): Record<string, unknown>;
/** True when `test` holds for the node or any node below it, under any keyword. */
export declare function schemaHas(node: unknown, test: (node: Record<string, unknown>) => boolean): boolean;
/**
 * True when a resource root's schema already declares `apiVersion` and `kind`
 * as strings and `metadata` as an object with string `name` and
 * `generateName`: CEL rules then see its properties as declared. Otherwise the
 * API server puts those four in place of whatever the schema says of them.
 */
export declare function declaresTypeAndObjectMeta(node: Record<string, unknown>): boolean;
