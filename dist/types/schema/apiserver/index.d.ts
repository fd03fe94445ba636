import type { SchemaProblem } from '../types.js';
/** The object's API group, version and kind, and the Kubernetes release to judge it for (`'1.33'`). */
export interface ApiServerTarget {
    /** `""` for the core group. */
    readonly group: string;
    readonly version: string;
    readonly kind: string;
    /** `'1.33'`; a release that cannot be read turns release-dependent checks off. */
    readonly release: string;
}
/**
 * The problems the API server of `target.release` would reject `object` for,
 * each at a path from the object root. Pure: the object is only read.
 */
export declare function apiServerProblems(object: Record<string, unknown>, target: ApiServerTarget): SchemaProblem[];
