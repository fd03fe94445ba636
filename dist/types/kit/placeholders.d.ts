/**
 * Text that a tool replaces before a manifest reaches a cluster. Rules that
 * judge literal values (an image tag, an environment variable) leave such text
 * alone: what it will become is not in the file.
 */
/** True when the text holds a `${VAR}`, `$(VAR)` or `{{ … }}` placeholder anywhere in it. */
export declare function hasPlaceholder(text: string): boolean;
/**
 * True for a ko import path (`ko://github.com/org/repo/cmd/app`): ko builds the
 * Go package and writes a digest-pinned reference in its place.
 */
export declare function isKoReference(image: string): boolean;
/**
 * The image reference as far as the file fixes it, for rules that judge its
 * tag: undefined for a ko import path or a placeholder in the last path
 * segment (`${IMAGE}`, `app:$(TAG)`), which may carry the tag or digest;
 * otherwise the image, with any placeholder in the registry or path replaced
 * by a plain name, so that the tag as written (`$REGISTRY/app:latest`) is
 * still judged.
 */
export declare function literalImageReference(image: string): string | undefined;
/**
 * True when the text holds a placeholder or a blank left for the reader to
 * fill in: checks of a value's syntax leave it alone, since the value the
 * cluster will see is not in the file. `inPlaceOfText` says the field takes
 * no text at all (a number), where one upper-case word is a blank too.
 */
export declare function isFillIn(text: string, inPlaceOfText?: boolean): boolean;
