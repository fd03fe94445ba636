/**
 * A node written back as template text, the way Go prints nodes in error
 * messages (`executing "x" at <.Values.a.b>`, `expected string; found 1`).
 */
import type { TemplateTreeNode, PipeNode, ArgNode } from './ast.js';
import { goQuote } from './go-quote.js';

function pipeText(pipe: PipeNode): string {
  let text = '';
  if (pipe.decl.length > 0) {
    text = pipe.decl.map(nodeText).join(', ') + (pipe.isAssign ? ' = ' : ' := ');
  }
  return text + pipe.cmds.map(nodeText).join(' | ');
}

function argText(arg: ArgNode): string {
  return arg.type === 'pipe' ? `(${pipeText(arg)})` : nodeText(arg);
}

/** Go's `Node.String()`. */
export function nodeText(node: TemplateTreeNode): string {
  switch (node.type) {
    case 'text':
      return node.text;
    case 'list':
      return node.nodes.map(nodeText).join('');
    case 'action':
      return `{{${pipeText(node.pipe)}}}`;
    case 'pipe':
      return pipeText(node);
    case 'command':
      return node.args.map(argText).join(' ');
    case 'identifier':
      return node.name;
    case 'field':
      return node.ident.map((name) => `.${name}`).join('');
    case 'variable':
      return node.ident.join('.');
    case 'chain':
      return argText(node.node) + node.fields.map((name) => `.${name}`).join('');
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return String(node.value);
    case 'number':
      return node.text;
    case 'string':
      return node.quoted;
    case 'if':
    case 'with':
    case 'range': {
      const otherwise = node.elseList === undefined ? '' : `{{else}}${nodeText(node.elseList)}`;
      return `{{${node.type} ${pipeText(node.pipe)}}}${nodeText(node.list)}${otherwise}{{end}}`;
    }
    case 'template':
      return `{{template ${goQuote(node.name)}${node.pipe === undefined ? '' : ` ${pipeText(node.pipe)}`}}}`;
    case 'break':
    case 'continue':
      return `{{${node.type}}}`;
  }
}
