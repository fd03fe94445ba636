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

/**
 * Placeholders as they appear in image references: the three above, a bare
 * `$VAR` (envsubst) and `<NAME>` (the spot a tutorial asks the reader to fill
 * in; `<` is never part of a real reference).
 */
const IMAGE_PLACEHOLDER = /\$\{[^}]*\}|\$\([^)]*\)|\$[A-Za-z_][A-Za-z0-9_]*|\{\{.*?\}\}|<+[^<>\s]*>+/g;
/** Stands in for a placeholder in the registry or path while the reference is parsed; a letter, so a valid name. */
const STAND_IN = 'x';

/**
 * The image reference as far as the file fixes it, for rules that judge its
 * tag: undefined for a ko import path or a placeholder in the last path
 * segment (`${IMAGE}`, `app:$(TAG)`), which may carry the tag or digest;
 * otherwise the image, with any placeholder in the registry or path replaced
 * by a plain name, so that the tag as written (`$REGISTRY/app:latest`) is
 * still judged.
 */
export function literalImageReference(image: string): string | undefined {
  if (isKoReference(image)) return undefined;
  const marked = image.replace(IMAGE_PLACEHOLDER, '\u0000');
  if (marked === image) return image;
  const lastSegment = marked.slice(marked.lastIndexOf('/') + 1);
  if (lastSegment.includes('\u0000')) return undefined;
  return marked.split('\u0000').join(STAND_IN);
}

// `<your domain>`, `<ADD LUN ID Here>` (a tutorial's blank), `__INGRESS_HOST__` (a sed or envsubst target), or a
// whole value that is an upper-case token with an underscore, such as `PV_NAME` (what a sample's steps replace).
// Also a bare `$VAR` (envsubst) and a value that SOPS encrypted (`ENC[AES256_GCM,…]`), which tools turn into the real one.
const FILL_IN = /<[^<>\n]+>|__[A-Z][A-Z0-9_]*__|^[A-Z][A-Z0-9]*_[A-Z0-9_]*$|\$[A-Za-z_][A-Za-z0-9_]*|^ENC\[/;
// One upper-case word (`PORT`) is a blank only where text cannot belong at all, such as a number's place: as an
// enumeration's value (`ALWAYS`) it is a likelier mistake.
const WORD = /^[A-Z][A-Z0-9]+$/;

/**
 * True when the text holds a placeholder or a blank left for the reader to
 * fill in: checks of a value's syntax leave it alone, since the value the
 * cluster will see is not in the file. `inPlaceOfText` says the field takes
 * no text at all (a number), where one upper-case word is a blank too.
 */
export function isFillIn(text: string, inPlaceOfText = false): boolean {
  return hasPlaceholder(text) || FILL_IN.test(text) || (inPlaceOfText && WORD.test(text));
}
