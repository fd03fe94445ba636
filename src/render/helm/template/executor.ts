/**
 * The walk over a template's tree: text and printed values go to the output
 * with their provenance; if, with and range (over lists, maps in key order
 * and ints) with Go's variable scoping; break and continue; and template calls.
 */
import { GoObject, isGoMap, type GoValue } from '../go-values.js';
import type { ActionNode, BranchNode, ControlNode, TemplateNode, TemplateTree } from './ast.js';
import { Evaluator } from './exec-eval.js';
import { type ExecContext, MAX_TEMPLATE_DEPTH } from './exec-state.js';
import { type ExecValue, type Slot, isTruthy, unboxed } from './exec-values.js';
import { plainFlags } from './fmt/formatter.js';
import { printArg, sortedKeys } from './fmt/print-value.js';
import type { ExecutorAccess, RenderResult } from './functions.js';
import { goQuote } from './go-quote.js';
import { OutputBuilder } from './output.js';
import type { SourcePosition } from './source-text.js';

/** How a walk ended: normally, or by `{{break}}` or `{{continue}}` on its way to the range. */
type Flow = 'next' | 'break' | 'continue';

/** Runs one template of a scope with `data` as dot, writing to the context's output. */
export function executeTree(context: ExecContext, tree: TemplateTree, data: ExecValue): void {
  new Executor(context, tree, unboxed(data)).run();
}

/** JavaScript's stack overflow; it may surface as another error raised while the stack was full. */
function isStackOverflow(error: unknown): boolean {
  return error instanceof Error && error.message.includes('Maximum call stack size exceeded');
}

class Executor extends Evaluator {
  run(): void {
    this.walk(this.vars[0]!.slot, this.tree.root);
  }

  private walk(dot: Slot, node: ControlNode): Flow {
    switch (node.type) {
      case 'text':
        this.context.output.write(node.text, 'text', node.position, this.callStack());
        return 'next';
      case 'action':
        this.walkAction(dot, node);
        return 'next';
      case 'list':
        for (const child of node.nodes) {
          const flow = this.walk(dot, child);
          if (flow !== 'next') return flow;
        }
        return 'next';
      case 'if':
      case 'with':
        return this.walkIfOrWith(dot, node);
      case 'range':
        return this.walkRange(dot, node);
      case 'template':
        this.walkTemplate(dot, node);
        return 'next';
      case 'break':
      case 'continue':
        return node.type;
    }
  }

  private walkAction(dot: Slot, node: ActionNode): void {
    const value = this.evalPipeline(dot, node.pipe);
    if (node.pipe.decl.length > 0) return;
    this.at(node);
    const text = value === undefined ? '<no value>' : printArg(value, 'v', plainFlags());
    this.context.output.write(text, 'action', node.position, this.callStack());
  }

  private walkIfOrWith(dot: Slot, node: BranchNode): Flow {
    const mark = this.mark();
    try {
      const value = this.evalPipeline(dot, node.pipe);
      if (isTruthy(value)) return this.walk(node.type === 'with' ? unboxed(value) : dot, node.list);
      return node.elseList === undefined ? 'next' : this.walk(dot, node.elseList);
    } finally {
      this.pop(mark);
    }
  }

  private walkRange(dot: Slot, node: BranchNode): Flow {
    this.at(node);
    const mark = this.mark();
    try {
      const value = this.evalPipeline(dot, node.pipe);
      const ran = this.iterate(node, value);
      if (ran || node.elseList === undefined) return 'next';
      // A break in the else list ends this range; a continue belongs to an enclosing one.
      const flow = this.walk(dot, node.elseList);
      return flow === 'continue' ? 'continue' : 'next';
    } finally {
      this.pop(mark);
    }
  }

  /** Runs the body once per element; false when there was nothing to iterate (the else list runs). */
  private iterate(node: BranchNode, value: ExecValue): boolean {
    const pairs = this.rangePairs(node, value);
    if (pairs === undefined) return false;
    let ran = false;
    for (const [index, element] of pairs) {
      ran = true;
      if (this.iteration(node, index, element) === 'break') break;
    }
    return ran;
  }

  private *counting(count: bigint): Generator<[Slot, Slot]> {
    for (let i = 0n; i < count; i++) yield [unboxed(i), unboxed(i)];
  }

  /** The (index, element) pairs a range visits; undefined for no value. */
  private rangePairs(node: BranchNode, value: ExecValue): Iterable<[Slot, Slot]> | undefined {
    if (value === undefined || value === null) return undefined;
    if (Array.isArray(value))
      return value.map((item, i): [Slot, Slot] => [unboxed(BigInt(i)), { value: item, boxed: true }]);
    if (value instanceof Uint8Array)
      return Array.from(value, (byte, i): [Slot, Slot] => [unboxed(BigInt(i)), unboxed(BigInt(byte))]);
    const entries = isGoMap(value)
      ? value
      : value instanceof GoObject && value.kind === 'map'
        ? value.fields
        : undefined;
    if (entries !== undefined) {
      return sortedKeys(entries).map((key): [Slot, Slot] => [unboxed(key), { value: entries[key]!, boxed: true }]);
    }
    if (value instanceof GoObject && value.kind === 'slice') {
      return Object.values(value.fields).map((item, i): [Slot, Slot] => [unboxed(BigInt(i)), unboxed(item)]);
    }
    if (typeof value === 'bigint') {
      if (node.pipe.decl.length > 1) this.fail(`can't use ${this.text(value)} to iterate over more than one variable`);
      return this.counting(value);
    }
    return this.fail(`range can't iterate over ${this.text(value)}`);
  }

  private text(value: GoValue): string {
    return printArg(value, 'v', plainFlags());
  }

  private iteration(node: BranchNode, index: Slot, element: Slot): Flow {
    const { decl, isAssign } = node.pipe;
    if (decl.length > 0) {
      if (!isAssign) this.setTopVar(1, element);
      else this.setVar(decl[0]!.ident[0]!, decl.length > 1 ? index : element);
    }
    if (decl.length > 1) {
      if (isAssign) this.setVar(decl[1]!.ident[0]!, element);
      else this.setTopVar(2, index);
    }
    const mark = this.mark();
    try {
      return this.walk(element, node.list);
    } finally {
      this.pop(mark);
    }
  }

  private walkTemplate(dot: Slot, node: TemplateNode): void {
    this.at(node);
    const tree = this.context.scope.tree(node.name);
    if (tree === undefined) this.fail(`template ${goQuote(node.name)} not defined`);
    if (this.context.depth >= MAX_TEMPLATE_DEPTH) this.fail(`exceeded maximum template depth (${MAX_TEMPLATE_DEPTH})`);
    const value = this.evalPipeline(dot, node.pipe);
    const frames = [...this.context.frames, { name: node.name, callSite: node.position }];
    try {
      executeTree({ ...this.context, depth: this.context.depth + 1, frames }, tree, value);
    } catch (error) {
      // Go stops runaway recursion at a depth JavaScript's stack cannot reach: fail the same way.
      if (!isStackOverflow(error)) throw error;
      this.at(node);
      this.fail(`exceeded maximum template depth (${MAX_TEMPLATE_DEPTH})`);
    }
  }

  protected executorAccess(position: SourcePosition): ExecutorAccess {
    const context = this.context;
    const run = (scope: typeof context.scope, name: string, data: GoValue): RenderResult => {
      const tree = scope.tree(name);
      if (tree === undefined) {
        throw new Error(`template: no template ${goQuote(name)} associated with template ${goQuote(scope.rootName)}`);
      }
      const output = new OutputBuilder();
      const frames = [...context.frames, { name, callSite: position }];
      executeTree({ ...context, scope, output, depth: 0, frames }, tree, data === null ? undefined : data);
      return output.finish(false);
    };
    return {
      templateName: this.tree.name,
      position,
      callStack: context.frames,
      executeTemplate: (name, data) => run(context.scope, name, data),
      renderText: (name, text, data) => run(context.scope.withText(name, text), name, data),
    };
  }
}
