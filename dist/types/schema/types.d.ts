/**
 * The shapes shared by schema validation: the subset of OpenAPI v3 that
 * Kubernetes publishes for built-in kinds and that CustomResourceDefinitions
 * carry, and the problems a validator reports.
 *
 * Built-in kinds refer to shared definitions with `$ref`; a CRD's structural
 * schema is written inline. One interpreter reads both.
 */
import type { ObjectPath } from '../model/types.js';
/** One node of a schema, as far as the API server's validation reads it. */
export interface SchemaNode {
    /** `#/definitions/<name>` for a built-in definition; resolved through a {@link SchemaResolver}. */
    readonly $ref?: string;
    readonly type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
    /** `int32`, `int64`, `double`, `byte`, `date-time`, `int-or-string`, and CRD formats. */
    readonly format?: string;
    readonly properties?: Readonly<Record<string, SchemaNode>>;
    /** A map's values (`true` allows anything, as in a CRD). */
    readonly additionalProperties?: SchemaNode | boolean;
    readonly items?: SchemaNode;
    readonly required?: readonly string[];
    readonly enum?: readonly unknown[];
    readonly nullable?: boolean;
    readonly default?: unknown;
    readonly pattern?: string;
    readonly minimum?: number;
    readonly maximum?: number;
    readonly exclusiveMinimum?: boolean;
    readonly exclusiveMaximum?: boolean;
    readonly minLength?: number;
    readonly maxLength?: number;
    readonly minItems?: number;
    readonly maxItems?: number;
    readonly minProperties?: number;
    readonly maxProperties?: number;
    readonly multipleOf?: number;
    readonly allOf?: readonly SchemaNode[];
    readonly anyOf?: readonly SchemaNode[];
    readonly oneOf?: readonly SchemaNode[];
    readonly not?: SchemaNode;
    readonly 'x-kubernetes-int-or-string'?: boolean;
    readonly 'x-kubernetes-preserve-unknown-fields'?: boolean;
    readonly 'x-kubernetes-embedded-resource'?: boolean;
    readonly 'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
    readonly 'x-kubernetes-list-map-keys'?: readonly string[];
    readonly 'x-kubernetes-map-type'?: 'atomic' | 'granular';
    readonly 'x-kubernetes-validations'?: readonly CelValidationRule[];
}
/** One `x-kubernetes-validations` entry of a CRD schema. */
export interface CelValidationRule {
    readonly rule: string;
    readonly message?: string;
    readonly messageExpression?: string;
    readonly fieldPath?: string;
    readonly reason?: string;
    readonly optionalOldSelf?: boolean;
}
/** Finds a built-in definition by the name in a `$ref`. */
export type SchemaResolver = (ref: string) => SchemaNode | undefined;
/**
 * What kind of mistake a problem is. The schema rules are split along these
 * lines, so a user can turn one class off.
 */
export type SchemaProblemClass = 
/** A field the schema does not have (strict decoding, CRD pruning). */
'unknown-field'
/** A value of the wrong JSON type: a string where an integer belongs, a map where a list belongs. */
 | 'type'
/** A required field is absent (or null). */
 | 'required'
/** A value of the right type that the API server refuses: enum, pattern, range, length, format, syntax. */
 | 'value'
/** Two entries of a list with the same key (list-map keys, sets, unique names). */
 | 'duplicate'
/** A CRD's `x-kubernetes-validations` rule is false. */
 | 'cel';
/** One thing the API server would refuse (or warn about), at a path of the object. */
export interface SchemaProblem {
    readonly class: SchemaProblemClass;
    /**
     * From the object root to where the finding points: an unknown field's key,
     * a wrong value, or, for a missing field, the map that lacks it.
     */
    readonly path: ObjectPath;
    /**
     * What is wrong, as a sentence fragment naming the field, e.g.
     * `unknown field "resouces" (did you mean "resources"?)` or
     * `"replicas" must be an integer, not the string "3"`.
     */
    readonly message: string;
    /** Set when the API server only warns (duplicate list-map keys of built-in kinds). */
    readonly warningOnly?: boolean;
}
