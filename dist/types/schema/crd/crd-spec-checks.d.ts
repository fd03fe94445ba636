import type { SchemaProblem } from '../types.js';
/** Checks the name, group, scope, kind names and version list of a CRD (`apiVersion` is its API version). */
export declare function checkCrdSpec(crd: Record<string, unknown>, apiVersion: 'v1' | 'v1beta1'): SchemaProblem[];
/** The schema of every version, or v1beta1's top-level one, must be given (v1 requires one for every version). */
export declare function checkSchemasPresent(spec: Record<string, unknown>, apiVersion: 'v1' | 'v1beta1'): SchemaProblem[];
