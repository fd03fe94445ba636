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

const NO_NODES: readonly SchemaNode[] = [];

const LIMIT_KEYS = [
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'multipleOf',
] as const satisfies readonly (keyof SchemaNode)[];

/** The keywords that judge a value of the right type. */
export type Limits = Pick<SchemaNode, (typeof LIMIT_KEYS)[number]>;

function pickLimits(first: <K extends keyof SchemaNode>(key: K) => SchemaNode[K] | undefined): Limits {
  const limits: Record<string, unknown> = {};
  for (const key of LIMIT_KEYS) {
    const value = first(key);
    if (value !== undefined) limits[key] = value;
  }
  return limits as Limits;
}

/** Compiles schema nodes for one resolver and one mode, remembering every view it made. */
export class SchemaCompiler {
  private readonly views = new WeakMap<SchemaNode, CompiledNode>();

  constructor(
    readonly mode: SchemaMode,
    private readonly resolve: SchemaResolver | undefined,
  ) {}

  /** The view of a node, made once. */
  compile(node: SchemaNode): CompiledNode {
    let view = this.views.get(node);
    if (view === undefined) {
      view = this.build(node);
      this.views.set(node, view);
    }
    return view;
  }

  private build(node: SchemaNode): CompiledNode {
    const parts = this.parts(node, [], 0);
    const first = <K extends keyof SchemaNode>(key: K): SchemaNode[K] | undefined =>
      parts.find((part) => part[key] !== undefined)?.[key];
    const properties = new Map<string, SchemaNode>();
    const required = new Set<string>();
    for (const part of parts) {
      for (const [name, child] of Object.entries(part.properties ?? {}))
        if (!properties.has(name)) properties.set(name, child);
      for (const name of part.required ?? []) required.add(name);
    }
    const format = first('format');
    const additional = first('additionalProperties');
    const merged = this.mode === 'builtin';
    const limits = pickLimits(first);
    return {
      type: first('type'),
      format,
      formatKey: format?.replaceAll('-', '').toLowerCase(),
      intOrString: first('x-kubernetes-int-or-string') === true || format === 'int-or-string',
      nullable: first('nullable') === true,
      default: first('default'),
      properties,
      additional: additional === false ? undefined : additional,
      items: first('items'),
      required: [...required],
      enum: first('enum'),
      preserveUnknown: first('x-kubernetes-preserve-unknown-fields') === true,
      embedded: first('x-kubernetes-embedded-resource') === true,
      listType: first('x-kubernetes-list-type'),
      listMapKeys: first('x-kubernetes-list-map-keys') ?? [],
      limits,
      hasNumberLimits: limits.multipleOf !== undefined || limits.minimum !== undefined || limits.maximum !== undefined,
      allOf: merged ? NO_NODES : (node.allOf ?? NO_NODES),
      anyOf: first('anyOf') ?? NO_NODES,
      oneOf: first('oneOf') ?? NO_NODES,
      not: node.not,
      defaulted: [...properties].filter(([, child]) => child.default !== undefined),
    };
  }

  /**
   * The node and what it stands for: the definition its `$ref` names and, for
   * a built-in kind, the members of its `allOf` (the published schemas wrap a
   * field's `$ref` in one, next to the field's own `default`).
   */
  private parts(node: SchemaNode, into: SchemaNode[], depth: number): SchemaNode[] {
    if (depth > 32) return into;
    into.push(node);
    if (node.$ref !== undefined) {
      const target = this.resolve?.(node.$ref);
      if (target !== undefined) this.parts(target, into, depth + 1);
    }
    if (this.mode === 'builtin') for (const member of node.allOf ?? []) this.parts(member, into, depth + 1);
    return into;
  }

  /** A property's default, looking through a `$ref` wrapper. */
  defaultOf(node: SchemaNode): unknown {
    return node.default !== undefined ? node.default : this.compile(node).default;
  }
}

const compilers = new WeakMap<SchemaResolver, Record<SchemaMode, SchemaCompiler>>();
const unresolved: Record<SchemaMode, SchemaCompiler> = {
  builtin: new SchemaCompiler('builtin', undefined),
  crd: new SchemaCompiler('crd', undefined),
};

/** The shared compiler for a resolver and a mode, so views survive from one call to the next. */
export function compilerFor(mode: SchemaMode, resolve: SchemaResolver | undefined): SchemaCompiler {
  if (resolve === undefined) return unresolved[mode];
  let pair = compilers.get(resolve);
  if (pair === undefined) {
    pair = { builtin: new SchemaCompiler('builtin', resolve), crd: new SchemaCompiler('crd', resolve) };
    compilers.set(resolve, pair);
  }
  return pair[mode];
}
