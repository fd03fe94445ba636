/**
 * The executor's state: the template being run, its variables, the node Go
 * would blame for an error, and the calls that led here. Errors are built the
 * way Go builds them, with the 0-based byte column of the node.
 */
import type { GoValue } from '../go-values.js';
import type { TemplateTree, TemplateTreeNode } from './ast.js';
import type { Builtin } from './builtins.js';
import { TemplateExecError } from './errors.js';
import type { Slot } from './exec-values.js';
import type { CallFrame, TemplateFunction } from './functions.js';
import { goQuote } from './go-quote.js';
import { nodeText } from './node-text.js';
import type { OutputBuilder } from './output.js';
import type { SourcePosition } from './source-text.js';

/** Go's `missingkey` option: `zero` (Helm) gives nil, `error` fails, `default` gives no value. */
export type MissingKey = 'zero' | 'error' | 'default';

/** Options of one render. */
export interface RenderOptions {
  /** How a missing map key reads; Helm uses `zero` (the default here), and `error` with `--strict`. */
  readonly missingKey?: MissingKey;
  /** Cut every `<no value>` out of the result, as Helm does. Default false (Go's output). */
  readonly removeNoValue?: boolean;
}

/** A function as the executor finds it: from the caller's table, Go's builtins, or a method of a value. */
export type FoundFunction =
  { readonly kind: 'table'; readonly entry: TemplateFunction } | { readonly kind: 'builtin'; readonly entry: Builtin };

/** The templates and functions an execution can reach. */
export interface TemplateScope {
  /** The name of the set's root template, which Go names in "no template … associated with …". */
  readonly rootName: string;
  tree(name: string): TemplateTree | undefined;
  findFunction(name: string): FoundFunction | undefined;
  /** A copy of the scope with `text` parsed into it as template `name` (throws a parse error). */
  withText(name: string, text: string): TemplateScope;
}

/** Go's maximum depth of nested `{{template}}` calls. */
export const MAX_TEMPLATE_DEPTH = 100_000;

interface Variable {
  readonly name: string;
  slot: Slot;
}

/** Everything an execution shares with the executions it starts. */
export interface ExecContext {
  readonly scope: TemplateScope;
  readonly missingKey: MissingKey;
  readonly output: OutputBuilder;
  readonly depth: number;
  readonly frames: readonly CallFrame[];
}

export class ExecState {
  protected readonly vars: Variable[];
  private callSites: readonly SourcePosition[] | undefined;
  /** The node Go's `s.at` last pointed at: errors name it. */
  protected node: TemplateTreeNode | undefined;

  constructor(
    protected readonly context: ExecContext,
    protected readonly tree: TemplateTree,
    dot: Slot,
  ) {
    this.vars = [{ name: '$', slot: dot }];
  }

  protected at(node: TemplateTreeNode): void {
    this.node = node;
  }

  protected push(name: string, slot: Slot): void {
    this.vars.push({ name, slot });
  }

  protected mark(): number {
    return this.vars.length;
  }

  protected pop(mark: number): void {
    this.vars.length = mark;
  }

  protected setVar(name: string, slot: Slot): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i]!.name === name) {
        this.vars[i]!.slot = slot;
        return;
      }
    }
    this.fail(`undefined variable: ${name}`);
  }

  /** Sets the n-th variable from the top (range's per-iteration variables). */
  protected setTopVar(n: number, slot: Slot): void {
    this.vars[this.vars.length - n]!.slot = slot;
  }

  protected varValue(name: string): Slot {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i]!.name === name) return this.vars[i]!.slot;
    }
    return this.fail(`undefined variable: ${name}`);
  }

  protected callStack(): readonly SourcePosition[] {
    this.callSites ??= this.context.frames.map((frame) => frame.callSite);
    return this.callSites;
  }

  /** Throws Go's execution error for the current node. */
  protected fail(reason: string): never {
    const name = this.tree.name;
    const node = this.node;
    if (node === undefined) {
      throw new TemplateExecError(`template: ${name}: ${reason}`, undefined, this.callStack(), reason);
    }
    const { file, line, offset } = node.position;
    const location = `${file}:${line}:${this.tree.source.goColumn(offset)}`;
    const message = `template: ${location}: executing ${goQuote(name)} at <${nodeText(node)}>: ${reason}`;
    throw new TemplateExecError(message, node.position, this.callStack(), reason);
  }
}

/** Go's nil for functions: no value becomes nil. */
export function toGoValue(value: GoValue | undefined): GoValue {
  return value === undefined ? null : value;
}
