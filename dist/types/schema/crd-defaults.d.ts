import type { SchemaCompiler } from './compile.js';
import type { SchemaNode } from './types.js';
/** The value with the CRD's null pruning and defaults applied; the same reference when nothing changes. */
export declare function applyCrdDefaults(value: unknown, node: SchemaNode, compiler: SchemaCompiler): unknown;
