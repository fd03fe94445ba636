/**
 * `has(e.f)` where `e` is not a chain of fields from a variable, such as
 * `has(self.matches[0].path)`. CEL allows any expression before the last
 * field, and CRDs in the wild use it; the CEL library we build on accepts
 * only variable chains. On the JSON-like values Kubernetes hands to CEL the
 * test means "the map has the key", so it is rewritten to `'f' in (e)`.
 */
import type { ASTNode } from '@marcbachmann/cel-js';

interface Spanned {
  op: string;
  args: unknown;
  start: number;
  end: number;
}

/** The source with every such `has()` rewritten; the same string when there is none. */
export function rewriteHasOnExpressions(root: ASTNode, source: string): string {
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: Spanned): void => {
    const replacement = hasReplacement(node, source);
    if (replacement !== undefined) edits.push({ start: node.start, end: node.end, text: replacement });
    else for (const child of childrenOf(node)) visit(child);
  };
  visit(root as unknown as Spanned);
  let out = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    out = `${out.slice(0, edit.start)}${edit.text}${out.slice(edit.end)}`;
  }
  return out;
}

function hasReplacement(node: Spanned, source: string): string | undefined {
  if (node.op !== 'call' || !Array.isArray(node.args) || node.args[0] !== 'has') return undefined;
  const [argument] = node.args[1] as Spanned[];
  if (argument?.op !== '.' || !Array.isArray(argument.args)) return undefined;
  const [receiver, field] = argument.args as [Spanned, string];
  if (rootsAtVariable(receiver)) return undefined;
  return `(${JSON.stringify(field)} in (${source.slice(receiver.start, receiver.end)}))`;
}

function rootsAtVariable(node: Spanned): boolean {
  let current = node;
  while ((current.op === '.' || current.op === '.?') && Array.isArray(current.args)) {
    current = current.args[0] as Spanned;
  }
  return current.op === 'id';
}

function childrenOf(node: Spanned): Spanned[] {
  const found: Spanned[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (typeof value === 'object' && value !== null && 'op' in value && 'start' in value) {
      found.push(value as Spanned);
    }
  };
  collect(node.args);
  return found;
}
