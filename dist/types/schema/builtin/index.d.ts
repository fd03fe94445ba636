/**
 * The published schemas of the built-in Kubernetes kinds, per release, shipped in
 * schemas/kubernetes.json (written by scripts/build-k8s-schemas.mjs) and read on first use.
 */
export { builtinRelease, type BuiltinKind, type BuiltinRelease } from './release.js';
/** The Kubernetes releases whose built-in kinds k8s-bp knows, oldest first. */
export { SUPPORTED_RELEASES } from '../../model/kubernetes-release.js';
