/**
 * The walk of a value and its schema together. It keeps the current path on
 * one stack (pushed and popped, copied only into a problem), so a value with
 * no problem allocates nothing but the views of schema nodes met for the
 * first time.
 *
 * A walk is structural (the schema decides which fields exist, which lists
 * are sets or maps, where an embedded resource is) or, inside a CRD's
 * `allOf`/`anyOf`/`oneOf`/`not`, a plain value validation, as kube-openapi
 * runs those branches.
 */
import { isRecord } from '../model/records.js';
import type { PathSegment } from '../model/types.js';
import { didYouMean } from '../util/suggest.js';
import { checkAlternatives } from './alternatives.js';
import { compilerFor, type CompiledNode, type SchemaCompiler, type SchemaMode } from './compile.js';
import { fieldName } from './describe.js';
import { formatFailure } from './formats.js';
import { mapDuplicates, setDuplicates, type Duplicate } from './list-duplicates.js';
import { OBJECT_META, objectMetaFindings, typeMetaFindings, type MetaFinding } from './object-meta.js';
import type { SchemaNode, SchemaProblem, SchemaProblemClass } from './types.js';
import {
  countProblem,
  enumProblem,
  integerRangeProblem,
  mustBe,
  numberLimitProblems,
  quantityProblem,
  stringLimitProblem,
  typeMismatch,
} from './value-checks.js';

/** The fields of a resource that belong to the API server rather than to the schema. */
const META_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

/** Settings shared by a walk and the walks of its branches. */
export interface WalkSettings {
  readonly compiler: SchemaCompiler;
  /** The Kubernetes release as `[major, minor]`, for formats that appeared later. */
  readonly release: readonly [number, number] | undefined;
}

export class Walker {
  readonly problems: SchemaProblem[] = [];
  readonly mode: SchemaMode;
  readonly compiler: SchemaCompiler;

  constructor(
    private readonly settings: WalkSettings,
    /** The path stack, shared with branch walks. */
    readonly path: PathSegment[],
    private readonly structural: boolean,
  ) {
    this.compiler = settings.compiler;
    this.mode = settings.compiler.mode;
  }

  /** A walk of the same value with no structural checks, for a CRD's `allOf`/`anyOf`/`oneOf`/`not` branch. */
  branch(): Walker {
    return new Walker(this.settings, this.path, false);
  }

  report(problemClass: SchemaProblemClass, message: string, warningOnly = false): void {
    const problem: SchemaProblem = { class: problemClass, path: [...this.path], message };
    this.problems.push(warningOnly ? { ...problem, warningOnly } : problem);
  }

  /** Checks a value against a node; `resource` marks a whole resource (its apiVersion, kind, metadata). */
  value(value: unknown, node: SchemaNode, resource = false): void {
    const view = this.compiler.compile(node);
    if (value === null) return this.nullValue(view);
    const expected = typeMismatch(value, view, this.mode);
    if (expected !== undefined) return this.report('type', `${fieldName(this.path)} ${mustBe(expected, value)}`);
    if (view.enum !== undefined && view.enum.length > 0) {
      const problem = enumProblem(value, view.enum);
      if (problem !== undefined) return this.report('value', `${fieldName(this.path)} ${problem}`);
    }
    if (typeof value === 'string') this.stringValue(value, view);
    else if (typeof value === 'number') this.numberValue(value, view);
    else if (Array.isArray(value)) this.listValue(value, view);
    else if (isRecord(value)) this.mapValue(value, view, resource || (this.structural && view.embedded));
    checkAlternatives(this, value, view);
  }

  private nullValue(view: CompiledNode): void {
    // A built-in decoder leaves a null field unset; a CRD keeps null only where the schema is nullable.
    if (this.mode === 'builtin' || view.nullable) return;
    const expected = typeMismatch(null, view, this.mode);
    if (expected !== undefined) this.report('type', `${fieldName(this.path)} ${mustBe(expected, null)}`);
  }

  /** Reports a value problem about the field at the current path; `problem` follows the field's name. */
  private valueProblem(problem: string | undefined): void {
    if (problem !== undefined) this.report('value', `${fieldName(this.path)} ${problem}`);
  }

  private stringValue(text: string, view: CompiledNode): void {
    const limit = stringLimitProblem(text, view);
    if (limit !== undefined) return this.valueProblem(limit);
    if (view.formatKey === undefined) return;
    if (this.mode === 'builtin' && view.formatKey === 'quantity') return this.valueProblem(quantityProblem(text));
    if (this.mode === 'crd' && view.type !== undefined && view.type !== 'string') return;
    const described = formatFailure(view.formatKey, text, this.mode, this.settings.release);
    if (described !== undefined) this.valueProblem(`must be ${described}, not ${JSON.stringify(text)}`);
  }

  private numberValue(value: number, view: CompiledNode): void {
    if (this.mode === 'builtin' && (view.type === 'integer' || view.intOrString)) {
      const range = integerRangeProblem(value, view);
      if (range !== undefined) return this.valueProblem(range);
    }
    if (view.hasNumberLimits) for (const problem of numberLimitProblems(value, view)) this.valueProblem(problem);
  }

  private listValue(list: readonly unknown[], view: CompiledNode): void {
    this.valueProblem(countProblem(list.length, view.limits.minItems, view.limits.maxItems, 'item'));
    const items = view.items;
    if (items !== undefined) {
      for (let index = 0; index < list.length; index++) {
        this.path.push(index);
        this.value(list[index], items);
        this.path.pop();
      }
    }
    if (this.structural) this.listDuplicates(list, view);
  }

  private listDuplicates(list: readonly unknown[], view: CompiledNode): void {
    let duplicates: readonly Duplicate[];
    if (view.listType === 'set' && this.mode === 'crd') duplicates = setDuplicates(list);
    else if (view.listType === 'map') duplicates = this.mapListDuplicates(list, view);
    else return;
    if (duplicates.length === 0) return;
    const listName = fieldName(this.path);
    for (const { index, what } of duplicates) {
      this.path.push(index);
      this.report('duplicate', `${what} in ${listName}`, this.mode === 'builtin');
      this.path.pop();
    }
  }

  /**
   * A CRD compares the key fields after defaulting (already applied). A
   * built-in kind is compared as the API server's warning does, after Go
   * defaulting: a missing key field takes the schema's default, and an entry
   * still missing one is left out (it is reported as missing).
   */
  private mapListDuplicates(list: readonly unknown[], view: CompiledNode): readonly Duplicate[] {
    if (this.mode === 'crd') return mapDuplicates(list, view.listMapKeys, (entry, key) => entry[key]);
    const itemView = view.items === undefined ? undefined : this.compiler.compile(view.items);
    const keyOf = (entry: Record<string, unknown>, key: string): unknown => {
      const given = entry[key];
      if (given !== undefined && given !== null) return given;
      const property = itemView?.properties.get(key);
      return property === undefined ? undefined : this.compiler.defaultOf(property);
    };
    const incomplete = (entry: unknown): boolean =>
      !isRecord(entry) || view.listMapKeys.some((key) => keyOf(entry, key) === undefined);
    return mapDuplicates(list, view.listMapKeys, keyOf, incomplete);
  }

  private mapValue(map: Record<string, unknown>, view: CompiledNode, resource: boolean): void {
    const closed = this.isClosed(view);
    let kept = 0;
    for (const key in map) {
      const raw = map[key];
      if (resource && META_FIELDS.has(key)) {
        kept++;
        this.metaField(key, raw, view);
        continue;
      }
      const child = view.properties.get(key) ?? (view.additional === true ? undefined : view.additional);
      if (child === undefined) {
        if (closed) this.unknownField(key, view, resource);
        else kept++;
        continue;
      }
      kept++;
      if (raw === null && this.mode === 'builtin') continue;
      this.path.push(key);
      this.value(raw, child);
      this.path.pop();
    }
    this.requiredFields(map, view);
    this.valueProblem(countProblem(kept, view.limits.minProperties, view.limits.maxProperties, 'entry'));
    if (resource && this.structural && view.embedded) this.embeddedResource(map);
  }

  /** Whether a map refuses fields its schema does not name. */
  private isClosed(view: CompiledNode): boolean {
    if (!this.structural || view.preserveUnknown || view.additional !== undefined) return false;
    // A built-in schema without properties (RawExtension, FieldsV1) takes any map; a CRD's does not.
    return this.mode === 'crd' || view.properties.size > 0;
  }

  private unknownField(key: string, view: CompiledNode, resource: boolean): void {
    const known = resource ? [...view.properties.keys(), ...META_FIELDS] : view.properties.keys();
    this.path.push(key);
    this.report('unknown-field', `unknown field ${JSON.stringify(key)}${didYouMean(key, known)}`);
    this.path.pop();
  }

  private requiredFields(map: Record<string, unknown>, view: CompiledNode): void {
    for (const name of view.required) {
      const given = map[name];
      if (given === undefined || (given === null && this.mode === 'builtin')) {
        this.report('required', `${JSON.stringify(name)} is required`);
      }
    }
  }

  /**
   * `apiVersion`, `kind` and `metadata` of a resource: checked by the CRD's
   * schema where it declares them, and `metadata` as an ObjectMeta always.
   */
  private metaField(key: string, raw: unknown, view: CompiledNode): void {
    const declared = view.properties.get(key);
    this.path.push(key);
    if (key !== 'metadata') {
      if (declared !== undefined) this.value(raw, declared);
    } else {
      const asObjectMeta = new Walker(
        { compiler: compilerFor('builtin', undefined), release: this.settings.release },
        this.path,
        true,
      );
      asObjectMeta.value(raw, OBJECT_META);
      this.problems.push(...asObjectMeta.problems);
      if (declared !== undefined && isRecord(raw)) this.declaredNameFields(raw, declared);
    }
    this.path.pop();
  }

  /** A CRD may restrict `metadata.name` and `metadata.generateName` (and nothing else of metadata). */
  private declaredNameFields(meta: Record<string, unknown>, declared: SchemaNode): void {
    const properties = this.compiler.compile(declared).properties;
    for (const field of ['name', 'generateName']) {
      const schema = properties.get(field);
      if (schema === undefined || typeof meta[field] !== 'string') continue;
      this.path.push(field);
      this.value(meta[field], schema);
      this.path.pop();
    }
  }

  private embeddedResource(resource: Record<string, unknown>): void {
    const findings: MetaFinding[] = typeMetaFindings(resource);
    const meta = resource.metadata;
    if (isRecord(meta)) {
      findings.push(...objectMetaFindings(meta).map((found) => ({ ...found, at: ['metadata', ...found.at] })));
    }
    for (const found of findings) {
      this.path.push(...found.at);
      this.report(found.class, found.message);
      this.path.length -= found.at.length;
    }
  }
}
