import type { SchemaNode, SchemaProblem } from '../types.js';
import type { ObjectPath } from '../../model/types.js';
/** An object that may be a CRD, and where it was read. */
export interface CrdSource {
    readonly object: unknown;
    /** The file as the user named it. */
    readonly file: string;
    /** 0-based index of the YAML document in its file. */
    readonly documentIndex?: number;
}
/** One version of a custom resource kind, as a CRD in sight defines it. */
export interface CrdEntry {
    readonly group: string;
    readonly version: string;
    readonly kind: string;
    readonly served: boolean;
    readonly storage: boolean;
    readonly scope: 'Namespaced' | 'Cluster';
    /** The version's `openAPIV3Schema`, undefined when the CRD gives none. */
    readonly schema: SchemaNode | undefined;
    /** Where the schema sits in the CRD object. */
    readonly schemaPath: ObjectPath | undefined;
    /** True when the version has the status subresource (see {@link objectAsCreated}). */
    readonly statusSubresource: boolean;
    /** The CRD's `metadata.name`, e.g. `certificates.cert-manager.io`. */
    readonly crdName: string;
    readonly source: CrdSource;
}
/** What the catalog knows of a custom resource's group, version and kind. */
export type CrdLookup = 
/**
 * A CRD in sight defines and serves the version. `alternatives` are the
 * same version as other, different CRDs in sight define it (a repository
 * may hold several releases of an operator's CRDs).
 */
{
    readonly status: 'found';
    readonly entry: CrdEntry;
    readonly alternatives: readonly CrdEntry[];
}
/**
 * A CRD in sight defines the kind but does not serve the version (it does
 * not list it, or sets `served: false`): the API server has no such kind.
 */
 | {
    readonly status: 'not-served';
    readonly problem: SchemaProblem;
    readonly source: CrdSource;
}
/** No CRD in sight defines the kind: a note for the verbose report, not an error. */
 | {
    readonly status: 'no-crd';
    readonly note: string;
};
/** Two different CRDs for one group and kind. */
export interface CrdConflict {
    readonly group: string;
    readonly kind: string;
    readonly used: CrdSource;
    readonly ignored: CrdSource;
    readonly message: string;
}
/** The CRDs in sight, by group, version and kind. */
export interface CrdCatalog {
    /** Every version of every kind, from the CRD that won. */
    readonly entries: readonly CrdEntry[];
    readonly conflicts: readonly CrdConflict[];
    /** Looks up a custom resource by its `apiVersion` (`group/version`) and `kind`. */
    lookup(apiVersion: string, kind: string): CrdLookup;
}
/** Builds the catalog; objects that are not CRDs, or lack a group or kind, are passed over. */
export declare function buildCrdCatalog(sources: Iterable<CrdSource>): CrdCatalog;
/** How a finding names a CRD: its name and the file it came from. */
export declare function describeCrdSource(name: string | undefined, source: CrdSource): string;
/**
 * A custom resource as the API server validates it on create: a version with
 * the status subresource drops the `status` it is given (status is written
 * through its own endpoint), so nothing in it is checked.
 */
export declare function objectAsCreated(object: Record<string, unknown>, entry: CrdEntry): Record<string, unknown>;
