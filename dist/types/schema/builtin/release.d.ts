import type { SchemaNode, SchemaResolver } from '../types.js';
import { type SchemaFile } from './file.js';
/** A kind that a release serves. */
export interface BuiltinKind {
    /** `''` for the core group. */
    readonly group: string;
    readonly version: string;
    readonly kind: string;
    /** The definition's name, as `$ref`s spell it after `#/definitions/`. */
    readonly definition: string;
    readonly schema: SchemaNode;
    /** Whether objects of the kind live in a namespace. */
    readonly namespaced: boolean;
}
/** The built-in kinds of one Kubernetes release, and their schemas. */
export interface BuiltinRelease {
    /** `'1.31'`. */
    readonly release: string;
    /** The kind served as `group/version`, or undefined when the release does not serve it. */
    kind(group: string, version: string, kind: string): BuiltinKind | undefined;
    /** The versions of a group that serve a kind, most stable first (`['v2', 'v1', 'v1beta1']`). */
    versionsOf(group: string, kind: string): readonly string[];
    /** Every kind the release serves. */
    kinds(): readonly BuiltinKind[];
    /** Finds a definition by a `$ref` (`#/definitions/io.k8s.api.core.v1.Container`). */
    readonly resolve: SchemaResolver;
}
/** Builds the lookups of one release of the file. */
export declare function makeRelease(file: SchemaFile, release: string): BuiltinRelease | undefined;
/**
 * The built-in kinds of a Kubernetes release (`'1.31'`), or undefined for a release not in
 * {@link SUPPORTED_RELEASES}. The schemas are read on the first call.
 */
export declare function builtinRelease(release: string): BuiltinRelease | undefined;
