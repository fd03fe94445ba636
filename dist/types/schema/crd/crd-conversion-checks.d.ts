import type { SchemaProblem } from '../types.js';
/** Checks `spec.conversion` of a CRD of the given API version. */
export declare function checkConversion(spec: Record<string, unknown>, apiVersion: 'v1' | 'v1beta1'): SchemaProblem[];
