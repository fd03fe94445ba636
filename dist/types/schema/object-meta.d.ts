import type { PathSegment } from '../model/types.js';
import type { SchemaNode } from './types.js';
/** `metav1.ObjectMeta`'s fields and types (apimachinery `meta/v1`). */
export declare const OBJECT_META: SchemaNode;
/** One finding of the embedded-resource checks: where (relative to the resource), what, and its class. */
export interface MetaFinding {
    readonly at: readonly PathSegment[];
    readonly class: 'required' | 'value';
    readonly message: string;
}
/** `apiVersion` and `kind` of an embedded resource: present, strings, and well formed. */
export declare function typeMetaFindings(resource: Record<string, unknown>): MetaFinding[];
/** The checks every object's metadata passes, for an embedded resource whose metadata decoded. */
export declare function objectMetaFindings(meta: Record<string, unknown>): MetaFinding[];
