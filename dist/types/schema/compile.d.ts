/**
 * A schema node read once into the shape the validator walks: `$ref`s
 * resolved, a built-in field's `allOf: [{$ref}]` wrapper merged into one
 * node, the format's name normalised, property lookups by map. Each view is
 * made on first use and kept for as long as its schema node lives, so
 * validating many objects against one schema compiles nothing after the first.
 */
import type { SchemaNode, SchemaResolver } from './types.js';
/** How the API server reads a schema: decoding into Go types (built-in kinds) or a CRD's structural schema. */
export type SchemaMode = 'builtin' | 'crd';
/** One schema node as the validator walks it. */
export interface CompiledNode {
    readonly type: SchemaNode['type'];
    /** The format as written (`date-time`), for messages. */
    readonly format: string | undefined;
    /** The format without dashes and in lower case, as Kubernetes looks formats up (`datetime`). */
    readonly formatKey: string | undefined;
    /** An integer or a string (`x-kubernetes-int-or-string`, or a built-in `format: int-or-string`). */
    readonly intOrString: boolean;
    readonly nullable: boolean;
    readonly default: unknown;
    readonly properties: ReadonlyMap<string, SchemaNode>;
    /** A map's value schema; `true` allows any value. */
    readonly additional: SchemaNode | true | undefined;
    readonly items: SchemaNode | undefined;
    readonly required: readonly string[];
    readonly enum: readonly unknown[] | undefined;
    readonly preserveUnknown: boolean;
    readonly embedded: boolean;
    readonly listType: 'atomic' | 'set' | 'map' | undefined;
    readonly listMapKeys: readonly string[];
    /** The node's own keywords that only judge a value (pattern, bounds, lengths, counts). */
    readonly limits: Limits;
    /** Whether `limits` bounds numbers (multipleOf, minimum, maximum). */
    readonly hasNumberLimits: boolean;
    /** In CRD mode: value validations; in built-in mode, `allOf` is merged and these stay empty. */
    readonly allOf: readonly SchemaNode[];
    /** Alternatives: value validations for a CRD, a union of types for a built-in kind. */
    readonly anyOf: readonly SchemaNode[];
    readonly oneOf: readonly SchemaNode[];
    readonly not: SchemaNode | undefined;
    /** Properties that have a default (CRD defaulting fills them in). */
    readonly defaulted: readonly (readonly [string, SchemaNode])[];
}
declare const LIMIT_KEYS: readonly ["pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties", "multipleOf"];
/** The keywords that judge a value of the right type. */
export type Limits = Pick<SchemaNode, (typeof LIMIT_KEYS)[number]>;
/** Compiles schema nodes for one resolver and one mode, remembering every view it made. */
export declare class SchemaCompiler {
    readonly mode: SchemaMode;
    private readonly resolve;
    private readonly views;
    constructor(mode: SchemaMode, resolve: SchemaResolver | undefined);
    /** The view of a node, made once. */
    compile(node: SchemaNode): CompiledNode;
    private build;
    /**
     * The node and what it stands for: the definition its `$ref` names and, for
     * a built-in kind, the members of its `allOf` (the published schemas wrap a
     * field's `$ref` in one, next to the field's own `default`).
     */
    private parts;
    /** A property's default, looking through a `$ref` wrapper. */
    defaultOf(node: SchemaNode): unknown;
}
/** The shared compiler for a resolver and a mode, so views survive from one call to the next. */
export declare function compilerFor(mode: SchemaMode, resolve: SchemaResolver | undefined): SchemaCompiler;
export {};
