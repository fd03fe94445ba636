/**
 * Evaluation of pipelines, commands, fields, variables and calls, step for
 * step as Go's executor does it, including where it points when something
 * fails and the argument checks its reflection makes.
 */
import { GoObject, isGoMap, type GoMethod, type GoValue } from '../go-values.js';
import type {
  ArgNode,
  ChainNode,
  CommandNode,
  FieldNode,
  IdentifierNode,
  NumberNode,
  PipeNode,
  TemplateTreeNode,
  VariableNode,
} from './ast.js';
import type { BuiltinParam } from './builtins.js';
import { ExecState, toGoValue } from './exec-state.js';
import { type ExecValue, type Slot, isTruthy, slotTypeName, unboxed } from './exec-values.js';
import { goTypeName } from './fmt/print-value.js';
import { type ExecutorAccess, paramTypeName } from './functions.js';
import { goQuote } from './go-quote.js';
import { nodeText } from './node-text.js';
import type { SourcePosition } from './source-text.js';

/** No final value: the command is first in its pipeline. */
export const MISSING: unique symbol = Symbol('missing');
export type Final = ExecValue | typeof MISSING;

/** A parameter type, or `untyped` where Go passes a nil reflect.Type. */
type ArgType = BuiltinParam | 'untyped';

/** Something callable: its Go signature and how to run it with checked arguments. */
interface Callable {
  readonly params: readonly BuiltinParam[];
  readonly variadic?: BuiltinParam;
  readonly builtin: boolean;
  readonly invoke: (args: ExecValue[], position: SourcePosition) => ExecValue;
}

function assignable(value: GoValue, type: ArgType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'int':
    case 'int64':
      return typeof value === 'bigint';
    case 'float64':
      return typeof value === 'number';
    case 'bool':
      return typeof value === 'boolean';
    case 'map':
      return isGoMap(value);
    case 'list':
      return Array.isArray(value);
    default:
      return true;
  }
}

function methodCallable(method: GoMethod): Callable {
  return {
    params: Array.from({ length: method.params }, () => 'any' as const),
    builtin: false,
    invoke: (args) => method.call(args.map(toGoValue)),
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export abstract class Evaluator extends ExecState {
  /** What a function that needs the executor gets, for a call at `position`. */
  protected abstract executorAccess(position: SourcePosition): ExecutorAccess;

  protected evalPipeline(dot: Slot, pipe: PipeNode | undefined): ExecValue {
    if (pipe === undefined) return undefined;
    this.at(pipe);
    let value: Final = MISSING;
    for (const command of pipe.cmds) {
      // A value read from an interface{} slot is unwrapped: a nil there becomes no value.
      value = this.evalCommand(dot, command, value).value ?? undefined;
    }
    const result = value === MISSING ? undefined : value;
    for (const variable of pipe.decl) {
      if (pipe.isAssign) this.setVar(variable.ident[0]!, unboxed(result));
      else this.push(variable.ident[0]!, unboxed(result));
    }
    return result;
  }

  private evalCommand(dot: Slot, command: CommandNode, final: Final): Slot {
    const first = command.args[0]!;
    switch (first.type) {
      case 'field':
        return this.evalFieldNode(dot, first, command.args, final);
      case 'chain':
        return this.evalChainNode(dot, first, command.args, final);
      case 'identifier':
        return this.evalFunction(dot, first, command, command.args, final);
      case 'pipe':
        this.notAFunction(command.args, final);
        return unboxed(this.evalPipeline(dot, first));
      case 'variable':
        return this.evalVariableNode(dot, first, command.args, final);
    }
    this.at(first);
    this.notAFunction(command.args, final);
    switch (first.type) {
      case 'bool':
        return unboxed(first.value);
      case 'dot':
        return dot;
      case 'nil':
        return this.fail('nil is not a command');
      case 'number':
        return unboxed(this.idealConstant(first));
      case 'string':
        return unboxed(first.text);
    }
  }

  private notAFunction(args: readonly ArgNode[], final: Final): void {
    if (args.length > 1 || final !== MISSING) this.fail(`can't give argument to non-function ${nodeText(args[0]!)}`);
  }

  /** A number constant where any type goes: a float if written like one, else an int. */
  private idealConstant(node: NumberNode): ExecValue {
    this.at(node);
    const hexInt = /^0[xX]/.test(node.text) && !/[pP]/.test(node.text);
    if (node.isFloat && !hexInt && !node.text.startsWith("'") && /[.eEpP]/.test(node.text)) return node.float;
    if (node.isInt) return node.int;
    if (node.isUint) this.fail(`${node.text} overflows int`);
    return undefined;
  }

  private evalFieldNode(dot: Slot, field: FieldNode, args: readonly ArgNode[], final: Final): Slot {
    this.at(field);
    return this.evalFieldChain(dot, dot, field, field.ident, args, final);
  }

  private evalChainNode(dot: Slot, chain: ChainNode, args: readonly ArgNode[], final: Final): Slot {
    this.at(chain);
    if (chain.node.type === 'nil') this.fail(`indirection through explicit nil in ${nodeText(chain)}`);
    const receiver = this.evalArg(dot, 'untyped', chain.node);
    return this.evalFieldChain(dot, receiver, chain, chain.fields, args, final);
  }

  private evalVariableNode(dot: Slot, variable: VariableNode, args: readonly ArgNode[], final: Final): Slot {
    this.at(variable);
    const slot = this.varValue(variable.ident[0]!);
    if (variable.ident.length === 1) {
      this.notAFunction(args, final);
      return slot;
    }
    return this.evalFieldChain(dot, slot, variable, variable.ident.slice(1), args, final);
  }

  private evalFieldChain(
    dot: Slot,
    receiver: Slot,
    node: TemplateTreeNode,
    ident: readonly string[],
    args: readonly ArgNode[],
    final: Final,
  ): Slot {
    let current = receiver;
    for (const name of ident.slice(0, -1)) current = this.evalField(dot, name, node, [], MISSING, current);
    return this.evalField(dot, ident.at(-1)!, node, args, final, current);
  }

  private evalField(
    dot: Slot,
    name: string,
    node: TemplateTreeNode,
    args: readonly ArgNode[],
    final: Final,
    receiver: Slot,
  ): Slot {
    const value = receiver.value;
    if (value === undefined) {
      if (this.context.missingKey === 'error') this.fail(`nil data; no entry for key ${goQuote(name)}`);
      return unboxed(undefined);
    }
    if (value === null) this.fail(`nil pointer evaluating interface {}.${name}`);
    const method = value instanceof GoObject ? value.methods[name] : undefined;
    if (method !== undefined) return this.evalCall(dot, methodCallable(method), node, name, args, final);
    const hasArgs = args.length > 1 || final !== MISSING;
    if (value instanceof GoObject && value.kind !== 'map' && Object.hasOwn(value.fields, name)) {
      if (hasArgs) this.fail(`${name} has arguments but cannot be invoked as function`);
      return unboxed(value.fields[name]!);
    }
    const entries = isGoMap(value)
      ? value
      : value instanceof GoObject && value.kind === 'map'
        ? value.fields
        : undefined;
    if (entries !== undefined) {
      if (hasArgs) this.fail(`${name} is not a method but has arguments`);
      if (Object.hasOwn(entries, name)) return { value: entries[name]!, boxed: true };
      if (this.context.missingKey === 'error') this.fail(`map has no entry for key ${goQuote(name)}`);
      return this.context.missingKey === 'zero' ? { value: null, boxed: true } : unboxed(undefined);
    }
    return this.fail(`can't evaluate field ${name} in type ${slotTypeName(receiver)}`);
  }

  private evalFunction(
    dot: Slot,
    node: IdentifierNode,
    command: TemplateTreeNode,
    args: readonly ArgNode[],
    final: Final,
  ): Slot {
    this.at(node);
    const found = this.context.scope.findFunction(node.name);
    if (found === undefined) return this.fail(`${goQuote(node.name)} is not a defined function`);
    let callable: Callable;
    if (found.kind === 'builtin') {
      const { params, variadic, call } = found.entry;
      callable = { params, variadic, builtin: true, invoke: (values) => call(values) };
    } else {
      const entry = found.entry;
      const signature = entry.signature ?? { params: [], variadic: 'any' as const };
      callable = {
        params: signature.params,
        variadic: signature.variadic,
        builtin: false,
        invoke: (values, position) => {
          const goValues = values.map(toGoValue);
          return entry.needsExecutor ? entry.call(goValues, this.executorAccess(position)) : entry.call(goValues);
        },
      };
    }
    return this.evalCall(dot, callable, command, node.name, args, final);
  }

  private checkArity(callable: Callable, name: string, given: number, total: number): void {
    const fixed = callable.params.length;
    if (callable.variadic !== undefined) {
      if (total < fixed) this.fail(`wrong number of args for ${name}: want at least ${fixed} got ${given}`);
    } else if (total !== fixed) {
      this.fail(`wrong number of args for ${name}: want ${fixed} got ${total}`);
    }
  }

  private evalCall(
    dot: Slot,
    callable: Callable,
    node: TemplateTreeNode,
    name: string,
    args: readonly ArgNode[],
    final: Final,
  ): Slot {
    const argNodes = args.slice(1);
    const total = argNodes.length + (final === MISSING ? 0 : 1);
    this.checkArity(callable, name, argNodes.length, total);
    if (callable.builtin && (name === 'and' || name === 'or')) return this.shortCircuit(dot, name, argNodes, final);
    const fixed = callable.variadic === undefined ? argNodes.length : callable.params.length;
    const values: ExecValue[] = argNodes.map((arg, i) => {
      const type = i < fixed ? callable.params[i]! : callable.variadic!;
      return this.evalArg(dot, type, arg).value;
    });
    if (final !== MISSING) {
      let type = callable.variadic ?? callable.params.at(-1)!;
      if (callable.variadic !== undefined && total - 1 < fixed) type = callable.params[total - 1]!;
      values.push(this.validateType(unboxed(final), type).value);
    }
    if (callable.builtin && name === 'call') this.failCall(node, argNodes, values[0]);
    try {
      const result = callable.invoke(values, node.position);
      return { value: result, boxed: result === null };
    } catch (error) {
      this.at(node);
      return this.fail(`error calling ${name}: ${errorText(error)}`);
    }
  }

  /** `and` and `or` stop at the first argument that decides, and return it. */
  private shortCircuit(dot: Slot, name: string, argNodes: readonly ArgNode[], final: Final): Slot {
    let value: ExecValue;
    for (const arg of argNodes) {
      value = this.evalArg(dot, 'value', arg).value;
      if (isTruthy(value) === (name === 'or')) return unboxed(value);
    }
    if (final !== MISSING) value = final;
    return unboxed(value);
  }

  /** Values never hold functions, so `call` can only fail, as Go would for what it is given. */
  private failCall(node: TemplateTreeNode, argNodes: readonly ArgNode[], callee: ExecValue): never {
    this.at(node);
    const calleeText = argNodes[0] === undefined ? '' : nodeText(argNodes[0]);
    if (callee === undefined || callee === null) return this.fail('error calling call: call of nil');
    return this.fail(`error calling call: non-function ${calleeText} of type ${goTypeName(callee)}`);
  }

  private validateType(slot: Slot, type: ArgType): Slot {
    const value = slot.value;
    if (value === undefined) {
      if (type === 'untyped' || type === 'value') return slot;
      if (type === 'any' || type === 'map' || type === 'list') return unboxed(null);
      return this.fail(`invalid value; expected ${paramTypeName(type)}`);
    }
    if (type === 'untyped' || type === 'value' || type === 'any') return slot;
    if (value !== null && assignable(value, type)) return unboxed(value);
    const got = value === null ? 'interface {}' : goTypeName(value);
    return this.fail(`wrong type for value; expected ${paramTypeName(type)}; got ${got}`);
  }

  private evalArg(dot: Slot, type: ArgType, node: ArgNode): Slot {
    this.at(node);
    switch (node.type) {
      case 'dot':
        return this.validateType(dot, type);
      case 'nil':
        if (type === 'value' || type === 'untyped') return unboxed(undefined);
        if (type === 'any' || type === 'map' || type === 'list') return unboxed(null);
        return this.fail(`cannot assign nil to ${paramTypeName(type)}`);
      case 'field':
        return this.validateType(this.evalFieldNode(dot, node, [node], MISSING), type);
      case 'variable':
        return this.validateType(this.evalVariableNode(dot, node, [], MISSING), type);
      case 'pipe':
        return this.validateType(unboxed(this.evalPipeline(dot, node)), type);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, node, node, [], MISSING), type);
      case 'chain':
        return this.validateType(this.evalChainNode(dot, node, [], MISSING), type);
    }
    return unboxed(this.evalLiteralArg(type, node));
  }

  private evalLiteralArg(type: ArgType, node: ArgNode): ExecValue {
    switch (type) {
      case 'bool':
        if (node.type === 'bool') return node.value;
        return this.fail(`expected bool; found ${nodeText(node)}`);
      case 'float64':
        if (node.type === 'number' && node.isFloat) return node.float;
        return this.fail(`expected float; found ${nodeText(node)}`);
      case 'int':
      case 'int64':
        if (node.type === 'number' && node.isInt) return node.int;
        return this.fail(`expected integer; found ${nodeText(node)}`);
      case 'string':
        if (node.type === 'string') return node.text;
        return this.fail(`expected string; found ${nodeText(node)}`);
      case 'map':
      case 'list':
        return this.fail(`can't handle ${nodeText(node)} for arg of type ${paramTypeName(type)}`);
    }
    this.at(node);
    if (node.type === 'bool') return node.value;
    if (node.type === 'number') return this.idealConstant(node);
    if (node.type === 'string') return node.text;
    return this.fail(`can't handle assignment of ${nodeText(node)} to empty interface argument`);
  }
}
