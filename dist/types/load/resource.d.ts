import type { KubeObject, Locator, ObjectPath, Resource } from '../model/types.js';
/** Where a resource came from inside the input. */
export interface Origin {
    file: string;
    documentIndex: number;
    pathInDocument: ObjectPath;
    locator: Locator;
}
/** True for a mapping that names an `apiVersion` and a `kind`, both strings. */
export declare function isKubeObject(value: unknown): value is KubeObject;
export declare function isPlainObject(value: unknown): value is Record<string, unknown>;
/** Wraps a parsed object with its origin and the identity fields every rule and match needs. */
export declare function createResource(object: KubeObject, origin: Origin): Resource;
/** Freezes a parsed tree so that no rule can change what another rule sees. Iterative: deep input must not overflow the stack. */
export declare function deepFreeze<T>(value: T): T;
/**
 * The object an AdmissionReview's request carries, reviewed with that request
 * (operation, old object, user), or what the review lacks for one.
 */
export declare function admissionObject(review: Resource): Resource | string;
