/**
 * Schema validation with the API server's semantics: what `kubectl apply`
 * with strict field validation would refuse in a decoded manifest, checked
 * against a built-in kind's published schema (decoded as Go types decode it)
 * or a CustomResourceDefinition's structural schema (pruned, defaulted and
 * validated as the apiextensions server does).
 *
 * Not checked here: a CRD's `x-kubernetes-validations` (CEL) rules, and the
 * hand-written validation of built-in kinds (names, labels, cross-field rules).
 */
import type { ObjectPath } from '../model/types.js';
import { type SchemaMode } from './compile.js';
import type { SchemaNode, SchemaProblem, SchemaResolver } from './types.js';
/** How to validate. */
export interface ValidateOptions {
    /** `builtin` for a kind the API server decodes into Go types; `crd` for a custom resource. */
    readonly mode: SchemaMode;
    /** Finds the definitions that `$ref`s name. */
    readonly resolve?: SchemaResolver;
    /** Where the value sits in its document; every problem's path starts with it. Default: the root. */
    readonly path?: ObjectPath;
    /**
     * CRD mode: the value is a whole resource, whose `apiVersion`, `kind` and
     * `metadata` the API server handles itself (`metadata` as an ObjectMeta).
     * Default: true when `path` is empty.
     */
    readonly resourceRoot?: boolean;
    /** CRD mode: the Kubernetes release that serves the CRD (`1.33`); formats added after it are ignored. Default: the latest. */
    readonly release?: string;
}
/**
 * The problems the API server would find in `value` against `schema`, in
 * document order: unknown fields at their key, wrong values at the value,
 * missing required fields at the map that lacks them. Duplicate list-map keys
 * of built-in kinds come with `warningOnly`, as the API server only warns.
 */
export declare function validateAgainstSchema(value: unknown, schema: SchemaNode, options: ValidateOptions): SchemaProblem[];
