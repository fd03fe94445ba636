/**
 * The template parser: tokens become trees, as Go's text/template parses them,
 * with the same errors. A file yields its main template and every `define`d
 * or `block` template in it; function names are checked here, so an unknown
 * function fails the whole file.
 */
import {
  type ArgNode,
  type BranchNode,
  type CommandNode,
  type ControlNode,
  type ListNode,
  type PipeNode,
  type TemplateNode,
  type TemplateTree,
  type VariableNode,
  isEmptyTree,
} from './ast.js';
import { TemplateParseError } from './errors.js';
import { readNumber } from './go-number.js';
import { goQuote, goUnquote } from './go-quote.js';
import { lexTemplate, type Token, type TokenKind } from './lexer.js';
import { nodeText } from './node-text.js';
import { SourceText, type SourcePosition } from './source-text.js';

/** What the parser needs to know about functions: whether a name is one. */
export interface ParseOptions {
  readonly hasFunction: (name: string) => boolean;
}

/** The trees of one file by name: the main one (named after the file) and those it defines. */
export type ParsedTrees = Map<string, TemplateTree>;

/** Parses one file; throws {@link TemplateParseError}. */
export function parseTemplateFile(file: string, text: string, options: ParseOptions): ParsedTrees {
  return new Parser(new SourceText(file, text), options).parseFile();
}

/** `{{else}}` or `{{end}}`: they close a list and are not nodes of it. */
interface Closer {
  readonly type: 'else' | 'end';
  readonly position: SourcePosition;
}

const OPERAND_START = new Set<TokenKind>([
  'bool',
  'char',
  'complex',
  'dot',
  'field',
  'identifier',
  'number',
  'nil',
  'rawString',
  'string',
  'variable',
  'leftParen',
]);

function isCloser(node: ControlNode | Closer): node is Closer {
  return node.type === 'else' || node.type === 'end';
}

function tokenText(token: Token): string {
  if (token.kind === 'eof') return 'EOF';
  if (token.kind === 'error') return token.text;
  if (token.kind === 'keyword' || token.kind === 'nil' || token.kind === 'dot') return `<${token.text}>`;
  const chars = Array.from(token.text);
  return chars.length > 10 ? `${goQuote(chars.slice(0, 10).join(''))}...` : goQuote(token.text);
}

class Parser {
  private readonly tokens: Token[];
  private index = 0;
  private furthest = 0;
  private readonly trees: ParsedTrees = new Map();
  private vars: string[] = ['$'];
  private rangeDepth = 0;
  private actionOffset: number | undefined;

  constructor(
    private readonly source: SourceText,
    private readonly options: ParseOptions,
  ) {
    this.tokens = lexTemplate(source.text, {
      breakIsKeyword: !options.hasFunction('break'),
      continueIsKeyword: !options.hasFunction('continue'),
    });
  }

  parseFile(): ParsedTrees {
    const root = this.list(this.peek().offset);
    while (this.peek().kind !== 'eof') {
      if (this.peek().kind === 'leftDelim') {
        const restore = this.index;
        this.next();
        if (this.isKeyword(this.nextNonSpace(), 'define')) {
          this.inNewTree(() => this.parseDefinition());
          continue;
        }
        this.index = restore;
      }
      const node = this.textOrAction();
      if (isCloser(node)) this.fail(`unexpected {{${node.type}}}`);
      root.nodes.push(node);
    }
    this.addTree(this.source.file, root);
    return this.trees;
  }

  // Token access -----------------------------------------------------------

  private touch(index: number): Token {
    this.furthest = Math.max(this.furthest, index);
    return this.tokens[Math.min(index, this.tokens.length - 1)]!;
  }

  private next(): Token {
    return this.touch(this.index++);
  }

  private backup(count = 1): void {
    this.index -= count;
  }

  private peek(): Token {
    return this.touch(this.index);
  }

  private nextNonSpace(): Token {
    let token = this.next();
    while (token.kind === 'space') token = this.next();
    return token;
  }

  private peekNonSpace(): Token {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }

  private position(offset: number): SourcePosition {
    return this.source.positionOf(offset);
  }

  private fail(reason: string, offset?: number): never {
    const at = this.tokens[Math.min(this.furthest, this.tokens.length - 1)]!;
    throw new TemplateParseError(this.position(offset ?? at.offset), reason);
  }

  private unexpected(token: Token, context: string): never {
    if (token.kind !== 'error') this.fail(`unexpected ${tokenText(token)} in ${context}`);
    let extra = '';
    const started = this.actionOffset === undefined ? 0 : this.source.lineOf(this.actionOffset);
    if (started !== 0 && started !== this.source.lineOf(token.offset)) {
      extra = ` in action started at ${this.source.file}:${started}`;
      if (token.text.endsWith(' action')) extra = extra.slice(' in action'.length);
    }
    this.fail(token.text + extra);
  }

  private expect(kinds: readonly TokenKind[], context: string): Token {
    const token = this.nextNonSpace();
    if (!kinds.includes(token.kind)) this.unexpected(token, context);
    return token;
  }

  private isKeyword(token: Token, word: string): boolean {
    return token.kind === 'keyword' && token.text === word;
  }

  // Trees --------------------------------------------------------------------

  private list(offset: number): ListNode {
    return { type: 'list', position: this.position(offset), nodes: [] };
  }

  /** Parses a define or block body with its own variables and loop depth, as Go parses it into a new tree. */
  private inNewTree<T>(parse: () => T): T {
    const saved = { vars: this.vars, rangeDepth: this.rangeDepth };
    this.vars = ['$'];
    this.rangeDepth = 0;
    try {
      return parse();
    } finally {
      this.vars = saved.vars;
      this.rangeDepth = saved.rangeDepth;
    }
  }

  /** Go's rule: a template may be defined again only when one of the two definitions is empty. */
  private addTree(name: string, root: ListNode): void {
    const existing = this.trees.get(name);
    if (existing === undefined || isEmptyTree(existing.root)) {
      this.trees.set(name, { name, file: this.source.file, root, source: this.source });
    } else if (!isEmptyTree(root)) {
      this.fail(`template: multiple definition of template ${goQuote(name)}`);
    }
  }

  private templateName(token: Token, context: string): string {
    if (token.kind !== 'string' && token.kind !== 'rawString') this.unexpected(token, context);
    const name = goUnquote(token.text);
    if (name === undefined) this.fail('invalid syntax');
    return name;
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const name = this.templateName(this.expect(['string', 'rawString'], context), context);
    this.expect(['rightDelim'], context);
    const [root, end] = this.itemList();
    if (end.type !== 'end') this.fail(`unexpected {{${end.type}}} in ${context}`);
    this.addTree(name, root);
  }

  private itemList(): [ListNode, Closer] {
    const list = this.list(this.peekNonSpace().offset);
    while (this.peekNonSpace().kind !== 'eof') {
      const node = this.textOrAction();
      if (isCloser(node)) return [list, node];
      list.nodes.push(node);
    }
    this.fail('unexpected EOF');
  }

  private textOrAction(): ControlNode | Closer {
    const token = this.nextNonSpace();
    if (token.kind === 'text') return { type: 'text', position: this.position(token.offset), text: token.text };
    if (token.kind === 'comment') return { type: 'list', position: this.position(token.offset), nodes: [] };
    if (token.kind !== 'leftDelim') this.unexpected(token, 'input');
    this.actionOffset = token.offset;
    try {
      return this.action();
    } finally {
      // Go forgets where the action started once any action ends, nested or not.
      this.actionOffset = undefined;
    }
  }

  // Actions ----------------------------------------------------------------

  private action(): ControlNode | Closer {
    const token = this.nextNonSpace();
    if (token.kind === 'keyword') {
      switch (token.text) {
        case 'block':
          return this.blockControl();
        case 'break':
        case 'continue':
          return this.loopControl(token);
        case 'else':
          return this.elseControl();
        case 'end':
          return { type: 'end', position: this.position(this.expect(['rightDelim'], 'end').offset) };
        case 'if':
        case 'range':
        case 'with':
          return this.branchControl(token.text);
        case 'template':
          return this.templateControl();
      }
    }
    this.backup();
    const first = this.peekNonSpace();
    return { type: 'action', position: this.position(first.offset), pipe: this.pipeline('command', 'rightDelim') };
  }

  private loopControl(token: Token): ControlNode {
    const type = token.text as 'break' | 'continue';
    const after = this.nextNonSpace();
    if (after.kind !== 'rightDelim') this.unexpected(after, `{{${type}}}`);
    if (this.rangeDepth === 0) this.fail(`{{${type}}} outside {{range}}`);
    return { type, position: this.position(token.offset) };
  }

  private elseControl(): Closer {
    const peek = this.peekNonSpace();
    // `{{else if}}` and `{{else with}}` leave the keyword for the enclosing if or with to read.
    if (this.isKeyword(peek, 'if') || this.isKeyword(peek, 'with')) {
      return { type: 'else', position: this.position(peek.offset) };
    }
    return { type: 'else', position: this.position(this.expect(['rightDelim'], 'else').offset) };
  }

  private branchControl(type: 'if' | 'with' | 'range'): BranchNode {
    const depth = this.vars.length;
    try {
      const pipe = this.pipeline(type, 'rightDelim');
      if (type === 'range') this.rangeDepth++;
      const [list, closer] = this.itemList();
      if (type === 'range') this.rangeDepth--;
      let elseList: ListNode | undefined;
      if (closer.type === 'else') elseList = this.elseBranch(type, closer);
      return { type, position: pipe.position, pipe, list, elseList };
    } finally {
      this.vars = this.vars.slice(0, depth);
    }
  }

  private elseBranch(type: 'if' | 'with' | 'range', closer: Closer): ListNode {
    const peek = this.peek();
    if (type !== 'range' && this.isKeyword(peek, type)) {
      // `{{else if x}}` is `{{else}}{{if x}}…{{end}}{{end}}` with one shared end.
      this.next();
      const list = this.list(closer.position.offset);
      list.nodes.push(this.branchControl(type));
      return list;
    }
    const [list, end] = this.itemList();
    if (end.type !== 'end') this.fail(`expected end; found {{${end.type}}}`);
    return list;
  }

  private templateControl(): TemplateNode {
    const context = 'template clause';
    const token = this.nextNonSpace();
    const name = this.templateName(token, context);
    return { type: 'template', position: this.position(token.offset), name, pipe: this.optionalPipeline(context) };
  }

  private optionalPipeline(context: string): PipeNode | undefined {
    if (this.nextNonSpace().kind === 'rightDelim') return undefined;
    this.backup();
    return this.pipeline(context, 'rightDelim');
  }

  private blockControl(): TemplateNode {
    const context = 'block clause';
    const token = this.nextNonSpace();
    const name = this.templateName(token, context);
    const pipe = this.optionalPipeline(context);
    this.inNewTree(() => {
      const [root, end] = this.itemList();
      if (end.type !== 'end') this.fail(`unexpected {{${end.type}}} in ${context}`);
      this.addTree(name, root);
    });
    return { type: 'template', position: this.position(token.offset), name, pipe };
  }

  // Pipelines ----------------------------------------------------------------

  private pipeline(context: string, end: TokenKind): PipeNode {
    const position = this.position(this.peekNonSpace().offset);
    const decl: VariableNode[] = [];
    const isAssign = this.declarations(decl, context);
    const pipe: PipeNode = { type: 'pipe', position, decl, isAssign, cmds: [] };
    for (;;) {
      const token = this.nextNonSpace();
      if (token.kind === end) {
        this.checkPipeline(pipe, context);
        return pipe;
      }
      if (!OPERAND_START.has(token.kind)) this.unexpected(token, context);
      this.backup();
      pipe.cmds.push(this.command());
    }
  }

  /** Reads `$x :=`, `$x =` or (in range) `$i, $v :=`; returns whether it is an assignment. */
  private declarations(decl: VariableNode[], context: string): boolean {
    for (;;) {
      const variable = this.peekNonSpace();
      if (variable.kind !== 'variable') return false;
      const restore = this.index;
      this.next();
      const after = this.peekNonSpace();
      const isComma = after.kind === 'punctuation' && after.text === ',';
      if (after.kind !== 'assign' && after.kind !== 'declare' && !isComma) {
        this.index = restore;
        return false;
      }
      this.nextNonSpace();
      decl.push({ type: 'variable', position: this.position(variable.offset), ident: [variable.text] });
      this.vars.push(variable.text);
      if (!isComma) return after.kind === 'assign';
      const following = this.peekNonSpace().kind;
      if (context !== 'range' || decl.length >= 2) this.fail(`too many declarations in ${context}`);
      if (following !== 'variable' && following !== 'rightDelim' && following !== 'rightParen') {
        this.fail('range can only initialize variables');
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.fail(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((command, i) => {
      const first = command.args[0]!.type;
      if (first === 'bool' || first === 'dot' || first === 'nil' || first === 'number' || first === 'string') {
        this.fail(`non executable command in pipeline stage ${i + 2}`);
      }
    });
  }

  private command(): CommandNode {
    const command: CommandNode = { type: 'command', position: this.position(this.peekNonSpace().offset), args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand !== undefined) command.args.push(operand);
      const token = this.next();
      if (token.kind === 'space') continue;
      if (token.kind === 'rightDelim' || token.kind === 'rightParen') this.backup();
      else if (token.kind !== 'pipe') this.unexpected(token, 'operand');
      break;
    }
    if (command.args.length === 0) this.fail('empty command');
    return command;
  }

  private operand(): ArgNode | undefined {
    const node = this.term();
    if (node === undefined || this.peek().kind !== 'field') return node;
    const chainStart = this.peek().offset;
    const fields: string[] = [];
    while (this.peek().kind === 'field') fields.push(this.next().text.slice(1));
    const position = this.position(chainStart);
    switch (node.type) {
      case 'field':
        return { type: 'field', position, ident: [...node.ident, ...fields] };
      case 'variable':
        return { type: 'variable', position, ident: [...node.ident, ...fields] };
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        return this.fail(`unexpected . after term ${goQuote(nodeText(node))}`);
      default:
        return { type: 'chain', position, node, fields };
    }
  }

  private term(): ArgNode | undefined {
    const token = this.nextNonSpace();
    const position = this.position(token.offset);
    switch (token.kind) {
      case 'identifier':
        if (!this.options.hasFunction(token.text))
          this.fail(`function ${goQuote(token.text)} not defined`, token.offset);
        return { type: 'identifier', position, name: token.text };
      case 'dot':
        return { type: 'dot', position };
      case 'nil':
        return { type: 'nil', position };
      case 'variable':
        if (!this.vars.includes(token.text)) this.fail(`undefined variable ${goQuote(token.text)}`);
        return { type: 'variable', position, ident: [token.text] };
      case 'field':
        return { type: 'field', position, ident: [token.text.slice(1)] };
      case 'bool':
        return { type: 'bool', position, value: token.text === 'true' };
      case 'char':
      case 'complex':
      case 'number': {
        const readings = readNumber(token.text, token.kind);
        if (typeof readings === 'string') this.fail(readings);
        return { type: 'number', position, text: token.text, ...readings };
      }
      case 'leftParen':
        return this.pipeline('parenthesized pipeline', 'rightParen');
      case 'string':
      case 'rawString': {
        const text = goUnquote(token.text);
        if (text === undefined) this.fail('invalid syntax');
        return { type: 'string', position, quoted: token.text, text };
      }
    }
    this.backup();
    return undefined;
  }
}
