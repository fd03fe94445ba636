/**
 * The API server compiles a CRD rule with `self` typed from the schema, so a
 * rule that selects a field the schema does not declare (`self.spec.replicaz`,
 * or `self.metadata.labels`, since rules see only the name and generateName
 * of metadata) does not compile. The project's CEL environment types `self`
 * as dyn; this finds those selections in the syntax tree instead.
 *
 * It follows `self` through field selections (`.name`, `.?name`), list
 * indexes and map keys, and judges a selection only on a node that declares
 * properties: maps, int-or-string, untyped nodes and comprehension variables
 * are left alone, so what it reports the API server refuses too.
 */
import type { ASTNode } from '@marcbachmann/cel-js';
/** The first field the expression selects on `self` that the schema does not declare, or undefined. */
export declare function undeclaredField(ast: ASTNode, schema: Record<string, unknown>, resourceRoot: boolean): string | undefined;
