/**
 * Text that a tool replaces before a manifest reaches a cluster. Rules that
 * judge literal values (an image tag, an environment variable) leave such text
 * alone: what it will become is not in the file.
 */

// `${VAR}` (envsubst, Flux post-build substitution, Skaffold and Tilt setters), `$(VAR)` (the kubelet's own
// expansion of env and args, Tekton and Argo parameters), `{{ … }}` (Helm and other Go templates, Argo Workflows).
const PLACEHOLDER = /\$\{[^}]*\}|\$\([^)]*\)|\{\{[^}]*\}\}/;

/** True when the text holds a `${VAR}`, `$(VAR)` or `{{ … }}` placeholder anywhere in it. */
export function hasPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text);
}

/**
 * True for a ko import path (`ko://github.com/org/repo/cmd/app`): ko builds the
 * Go package and writes a digest-pinned reference in its place.
 */
export function isKoReference(image: string): boolean {
  return image.startsWith('ko://');
}
