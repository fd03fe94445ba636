import type { Inventory, LocateAt, ObjectPath, Resource } from '../model/types.js';
import { type CrdCatalog } from './crd/crd-catalog.js';
/**
 * What a schema rule reports: the API server's classes, with duplicates it
 * only warns about apart, plus a kind it does not serve and a custom
 * resource whose definition is not in sight.
 */
export type SchemaFindingClass = 'kind' | 'unknown-field' | 'type' | 'required' | 'value' | 'duplicate-warning' | 'cel' | 'no-crd';
/** A problem, the releases of the target range it applies to, and whether the finding points at the value. */
export interface JudgedProblem {
    class: SchemaFindingClass;
    path: ObjectPath;
    message: string;
    releases: readonly string[];
    at?: LocateAt;
}
/** The CustomResourceDefinitions among the linted and inventory objects, indexed once per run. */
export declare function crdCatalogOf(inventory: Inventory): CrdCatalog;
/** Every schema problem of `resource` for the target `releases` (oldest first). */
export declare function judgeResource(resource: Resource, releases: readonly string[], crds: CrdCatalog): JudgedProblem[];
