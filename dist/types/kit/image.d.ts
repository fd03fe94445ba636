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
/**
 * Splits an image reference into registry, repository, tag and digest.
 *
 * A colon is a tag separator only after the last slash, so the port in
 * `localhost:5000/app` is not a tag. A digest pins the image whatever the tag
 * says (`app:1.0@sha256:…` has both). The first path component is a registry
 * when it contains `.` or `:` or is `localhost`, as the container runtimes
 * decide. Returns undefined for an empty string or one with white space.
 */
export declare function parseImageReference(image: string): ImageReference | undefined;
/**
 * Gatekeeper's exempt-image test: a pattern ending in `*` matches images that
 * start with the rest of it; any other pattern must equal the image. Matching
 * is on the text as written, so `nginx` does not match `docker.io/library/nginx`.
 */
export declare function imageMatchesPattern(image: string, pattern: string): boolean;
/** True when some pattern in `patterns` exempts the image (see {@link imageMatchesPattern}). */
export declare function isExemptImage(image: unknown, patterns: readonly string[] | undefined): boolean;
