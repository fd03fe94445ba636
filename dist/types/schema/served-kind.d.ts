import type { Resource } from '../model/types.js';
import type { SchemaProblem } from './types.js';
/**
 * Whether a group belongs to Kubernetes itself rather than to a custom
 * resource: a group some supported release serves, or one that served APIs
 * since removed (`extensions`).
 */
export declare function isBuiltinGroup(group: string): boolean;
/** The problem of a kind that `release` does not serve as the object's group and version. */
export declare function servedKindProblem(resource: Resource, release: string): SchemaProblem | undefined;
