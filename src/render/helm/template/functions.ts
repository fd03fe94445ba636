/**
 * The function table templates call into: names mapped to implementations
 * that receive evaluated arguments. Go checks argument counts and types with
 * reflection; a function here may declare its parameters so that the executor
 * checks them the same way and fails with Go's words.
 */
import type { GoValue } from '../go-values.js';
import type { SourcePosition } from './source-text.js';

/**
 * A parameter's Go type: `any` is `interface{}` (anything, nil included);
 * `map` is `map[string]interface{}`, `list` is `[]interface{}`.
 */
export type ParamType = 'any' | 'string' | 'int' | 'int64' | 'float64' | 'bool' | 'map' | 'list';

/** A Go function signature: fixed parameters, then an optional variadic one. */
export interface FunctionSignature {
  readonly params: readonly ParamType[];
  readonly variadic?: ParamType;
}

/** One output segment: where a range of rendered text came from. */
export interface OutputSegment {
  /** Offsets in the rendered text (UTF-16), end excluded. */
  readonly start: number;
  readonly end: number;
  /** `text` for template text copied as is, `action` for a printed value. */
  readonly kind: 'text' | 'action';
  /** Where the text node or action starts in its template. */
  readonly source: SourcePosition;
  /** The `template` calls (and executor-run calls such as `include`) that led there, outermost first. */
  readonly callStack: readonly SourcePosition[];
}

/** What a render produced: the text, and where each part of it came from. */
export interface RenderResult {
  readonly text: string;
  readonly segments: readonly OutputSegment[];
}

/** A template call in progress. */
export interface CallFrame {
  /** The template being executed. */
  readonly name: string;
  /** Where it was called from. */
  readonly callSite: SourcePosition;
}

/** What a function that needs the executor (Helm's `include`, `tpl`, `required`, `fail`) can do. */
export interface ExecutorAccess {
  /** The template being executed, as Go names it in messages. */
  readonly templateName: string;
  /** Where the call is. */
  readonly position: SourcePosition;
  /** The calls that led here, outermost first. */
  readonly callStack: readonly CallFrame[];
  /**
   * Executes a named template of the set with `data` as dot, as Go's
   * `ExecuteTemplate` does (an unknown name fails with Go's message). The
   * result keeps its segments, so a caller can carry provenance through strings.
   */
  executeTemplate(name: string, data: GoValue): RenderResult;
  /**
   * Parses `text` as a template named `name` in a copy of the set (its defines
   * stay in the copy) and executes it with `data`, as Helm's `tpl` does.
   */
  renderText(name: string, text: string, data: GoValue): RenderResult;
}

interface FunctionBase {
  /** The Go signature; without one, any number of arguments of any type. */
  readonly signature?: FunctionSignature;
}

/** A function of its arguments only. It throws to fail: the template stops with `error calling <name>: <message>`. */
export interface PlainTemplateFunction extends FunctionBase {
  readonly needsExecutor?: false;
  readonly call: (args: readonly GoValue[]) => GoValue;
}

/** A function that runs templates or reads the executor's state. */
export interface ExecutorTemplateFunction extends FunctionBase {
  readonly needsExecutor: true;
  readonly call: (args: readonly GoValue[], executor: ExecutorAccess) => GoValue;
}

export type TemplateFunction = PlainTemplateFunction | ExecutorTemplateFunction;

/** Functions by name; they take precedence over Go's builtins of the same name, as in Go. */
export type FunctionTable = Readonly<Record<string, TemplateFunction>>;

/** Go's name of a parameter type, as messages print it. */
export function paramTypeName(type: ParamType | 'value'): string {
  const names: Record<ParamType | 'value', string> = {
    any: 'interface {}',
    value: 'reflect.Value',
    string: 'string',
    int: 'int',
    int64: 'int64',
    float64: 'float64',
    bool: 'bool',
    map: 'map[string]interface {}',
    list: '[]interface {}',
  };
  return names[type];
}
