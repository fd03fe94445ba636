/**
 * The parse tree of a template, node for node as Go's text/template builds it;
 * every node keeps where it starts.
 */
import type { SourcePosition, SourceText } from './source-text.js';

interface NodeBase {
  readonly position: SourcePosition;
}

export interface TextNode extends NodeBase {
  readonly type: 'text';
  readonly text: string;
}

export interface ListNode extends NodeBase {
  readonly type: 'list';
  readonly nodes: ControlNode[];
}

/** `{{ pipeline }}`: prints the value unless the pipeline declares variables. */
export interface ActionNode extends NodeBase {
  readonly type: 'action';
  readonly pipe: PipeNode;
}

/** `$x := a | b c`: commands joined by pipes, with the variables they declare or assign. */
export interface PipeNode extends NodeBase {
  readonly type: 'pipe';
  readonly decl: VariableNode[];
  readonly isAssign: boolean;
  readonly cmds: CommandNode[];
}

export interface CommandNode extends NodeBase {
  readonly type: 'command';
  readonly args: ArgNode[];
}

export interface IdentifierNode extends NodeBase {
  readonly type: 'identifier';
  readonly name: string;
}

/** `.a.b`: `ident` holds `a` and `b`. */
export interface FieldNode extends NodeBase {
  readonly type: 'field';
  readonly ident: string[];
}

/** `$x.a`: `ident` holds `$x` and `a`. */
export interface VariableNode extends NodeBase {
  readonly type: 'variable';
  readonly ident: string[];
}

/** `(pipeline).a.b`: a term followed by fields. */
export interface ChainNode extends NodeBase {
  readonly type: 'chain';
  readonly node: ArgNode;
  readonly fields: string[];
}

export interface DotNode extends NodeBase {
  readonly type: 'dot';
}

export interface NilNode extends NodeBase {
  readonly type: 'nil';
}

export interface BoolNode extends NodeBase {
  readonly type: 'bool';
  readonly value: boolean;
}

/** A number constant, with each reading Go's parser found valid (a constant can be an int and a float at once). */
export interface NumberNode extends NodeBase {
  readonly type: 'number';
  readonly text: string;
  readonly isInt: boolean;
  readonly isUint: boolean;
  readonly isFloat: boolean;
  readonly int: bigint;
  readonly float: number;
}

export interface StringNode extends NodeBase {
  readonly type: 'string';
  /** The literal as written, quotes included. */
  readonly quoted: string;
  readonly text: string;
}

export interface BranchNode extends NodeBase {
  readonly type: 'if' | 'with' | 'range';
  readonly pipe: PipeNode;
  readonly list: ListNode;
  readonly elseList: ListNode | undefined;
}

/** `{{template "name" pipeline}}`, also what `{{block}}` leaves in place. */
export interface TemplateNode extends NodeBase {
  readonly type: 'template';
  readonly name: string;
  readonly pipe: PipeNode | undefined;
}

export interface LoopControlNode extends NodeBase {
  readonly type: 'break' | 'continue';
}

export type ArgNode =
  | IdentifierNode
  | FieldNode
  | VariableNode
  | ChainNode
  | PipeNode
  | DotNode
  | NilNode
  | BoolNode
  | NumberNode
  | StringNode;

export type ControlNode = TextNode | ActionNode | BranchNode | TemplateNode | LoopControlNode | ListNode;

export type TemplateTreeNode = ControlNode | ArgNode | CommandNode;

/** One named template: a file's main template, or a `define`d or `block` one. */
export interface TemplateTree {
  readonly name: string;
  /** The file it was parsed from (Go's ParseName). */
  readonly file: string;
  readonly root: ListNode;
  /** The file's text, for Go's byte columns in error messages. */
  readonly source: SourceText;
}

/** Go's IsEmptyTree: nothing but whitespace text (and comments, which the parser drops). */
export function isEmptyTree(node: ControlNode): boolean {
  if (node.type === 'list') return node.nodes.every(isEmptyTree);
  return node.type === 'text' && node.text.trim() === '';
}
