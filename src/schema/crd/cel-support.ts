/**
 * The part of CRD validation that needs the CEL engine: a CRD's own checks
 * (its rules must compile) and the rules run on custom resources. Loaded on
 * first need (see src/schema/crd-cel.ts), so that a run with no CRD and no
 * custom resource never initialises CEL.
 */
export { checkCrd } from './check-crd.js';
export { runCelValidations } from './cel-validations.js';
