/**
 * The published schemas of the built-in Kubernetes kinds, per release, shipped in
 * schemas/kubernetes.json (written by scripts/build-k8s-schemas.mjs) and read on first use.
 */
export { builtinRelease, type BuiltinKind, type BuiltinRelease } from './release.js';

/** The Kubernetes releases whose built-in kinds k8s-bp knows, oldest first. */
export const SUPPORTED_RELEASES = ['1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35'] as const;

/** One of {@link SUPPORTED_RELEASES}. */
export type SupportedRelease = (typeof SUPPORTED_RELEASES)[number];
