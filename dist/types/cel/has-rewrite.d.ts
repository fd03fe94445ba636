/**
 * `has(e.f)` where `e` is not a chain of fields from a variable, such as
 * `has(self.matches[0].path)`. CEL allows any expression before the last
 * field, and CRDs in the wild use it; the CEL library we build on accepts
 * only variable chains. On the JSON-like values Kubernetes hands to CEL the
 * test means "the map has the key", so it is rewritten to `'f' in (e)`.
 */
import type { ASTNode } from '@marcbachmann/cel-js';
/** The source with every such `has()` rewritten; the same string when there is none. */
export declare function rewriteHasOnExpressions(root: ASTNode, source: string): string;
