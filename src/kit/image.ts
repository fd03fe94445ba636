/**
 * Container image references (`registry.example.com:5000/team/app:1.2@sha256:…`)
 * and the `exemptImages` patterns that rules share with Gatekeeper's library.
 */

/** The parts of an image reference, as written: no defaults (`docker.io`, `latest`) are filled in. */
export interface ImageReference {
  /** Registry host, with its port, when the first path component names one. */
  readonly registry: string | undefined;
  /** The repository path without registry, tag or digest: `nginx`, `team/app`. */
  readonly repository: string;
  /** The tag, or undefined when there is none (the runtime then pulls `latest`). */
  readonly tag: string | undefined;
  /** The digest (`sha256:…`), or undefined when there is none or it is not of the form `algorithm:hex`. */
  readonly digest: string | undefined;
}

// OCI digest grammar: an algorithm (`sha256`, `sha512`, `multihash+base58`) and an encoded value.
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

/**
 * Splits an image reference into registry, repository, tag and digest.
 *
 * A colon is a tag separator only after the last slash, so the port in
 * `localhost:5000/app` is not a tag. A digest pins the image whatever the tag
 * says (`app:1.0@sha256:…` has both). The first path component is a registry
 * when it contains `.` or `:` or is `localhost`, as the container runtimes
 * decide. Returns undefined for an empty string or one with white space.
 */
export function parseImageReference(image: string): ImageReference | undefined {
  if (image === '' || /\s/.test(image)) return undefined;
  const at = image.indexOf('@');
  const digestText = at === -1 ? undefined : image.slice(at + 1);
  const named = at === -1 ? image : image.slice(0, at);
  const colon = named.lastIndexOf(':');
  const hasTag = colon > named.lastIndexOf('/');
  const name = hasTag ? named.slice(0, colon) : named;
  const tag = hasTag ? named.slice(colon + 1) : '';
  const slash = name.indexOf('/');
  const first = slash === -1 ? '' : name.slice(0, slash);
  const isRegistry = first.includes('.') || first.includes(':') || first === 'localhost';
  return {
    registry: isRegistry ? first : undefined,
    repository: isRegistry ? name.slice(slash + 1) : name,
    tag: tag === '' ? undefined : tag,
    digest: digestText !== undefined && DIGEST.test(digestText) ? digestText : undefined,
  };
}

/**
 * Gatekeeper's exempt-image test: a pattern ending in `*` matches images that
 * start with the rest of it; any other pattern must equal the image. Matching
 * is on the text as written, so `nginx` does not match `docker.io/library/nginx`.
 */
export function imageMatchesPattern(image: string, pattern: string): boolean {
  return pattern.endsWith('*') ? image.startsWith(pattern.slice(0, -1)) : image === pattern;
}

/** True when some pattern in `patterns` exempts the image (see {@link imageMatchesPattern}). */
export function isExemptImage(image: unknown, patterns: readonly string[] | undefined): boolean {
  if (typeof image !== 'string' || !patterns) return false;
  return patterns.some((pattern) => imageMatchesPattern(image, pattern));
}
