/**
 * A set of templates sharing one namespace of names, as a chart's templates
 * do: each file is parsed into it in order (a later non-empty definition of a
 * name replaces an earlier one, as in Go), and any template of it can be
 * rendered by name.
 */
import type { GoValue } from '../go-values.js';
import { isEmptyTree, type TemplateTree } from './ast.js';
import { BUILTINS } from './builtins.js';
import { TemplateExecError } from './errors.js';
import { type FoundFunction, type RenderOptions, type TemplateScope } from './exec-state.js';
import { executeTree } from './executor.js';
import type { FunctionTable, RenderResult } from './functions.js';
import { goQuote } from './go-quote.js';
import { OutputBuilder } from './output.js';
import { parseTemplateFile } from './parser.js';

export interface TemplateSetOptions {
  /** The root template's name, which Go cites when a name is unknown; Helm's is `gotpl`. */
  readonly rootName?: string;
}

export class TemplateSet implements TemplateScope {
  readonly rootName: string;
  private readonly trees = new Map<string, TemplateTree>();

  /** `functions` are the caller's (Sprig's, Helm's); Go's builtins are added, and lose to a function of the same name. */
  constructor(
    private readonly functions: FunctionTable = {},
    options: TemplateSetOptions = {},
  ) {
    this.rootName = options.rootName ?? 'gotpl';
  }

  /**
   * Parses a file into the set: its main template, named `file`, and the
   * templates it defines. Throws a `TemplateParseError` (the set is unchanged).
   */
  parse(file: string, text: string): void {
    const trees = parseTemplateFile(file, text, {
      hasFunction: (name) => Object.hasOwn(this.functions, name) || Object.hasOwn(BUILTINS, name),
    });
    for (const [name, tree] of trees) {
      const existing = this.trees.get(name);
      if (existing !== undefined && isEmptyTree(tree.root)) continue;
      this.trees.set(name, tree);
    }
  }

  has(name: string): boolean {
    return this.trees.has(name);
  }

  /** The names of all templates, files and defines alike. */
  names(): string[] {
    return [...this.trees.keys()];
  }

  /**
   * Renders the template `name` with `data` as dot. Throws a
   * `TemplateExecError` with Go's message when execution fails.
   */
  render(name: string, data: GoValue, options: RenderOptions = {}): RenderResult {
    const tree = this.trees.get(name);
    if (tree === undefined) {
      const reason = `no template ${goQuote(name)} associated with template ${goQuote(this.rootName)}`;
      throw new TemplateExecError(`template: ${reason}`, undefined, [], reason);
    }
    const output = new OutputBuilder();
    const context = { scope: this, missingKey: options.missingKey ?? 'zero', output, depth: 0, frames: [] };
    executeTree(context, tree, data === null ? undefined : data);
    return output.finish(options.removeNoValue ?? false);
  }

  tree(name: string): TemplateTree | undefined {
    return this.trees.get(name);
  }

  findFunction(name: string): FoundFunction | undefined {
    if (Object.hasOwn(this.functions, name)) return { kind: 'table', entry: this.functions[name]! };
    if (Object.hasOwn(BUILTINS, name)) return { kind: 'builtin', entry: BUILTINS[name]! };
    return undefined;
  }

  withText(name: string, text: string): TemplateSet {
    const copy = new TemplateSet(this.functions, { rootName: this.rootName });
    for (const [key, tree] of this.trees) copy.trees.set(key, tree);
    copy.parse(name, text);
    return copy;
  }
}
