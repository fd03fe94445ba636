/**
 * The CEL strings extension as Kubernetes enables it (cel-go `ext.Strings`):
 * `charAt`, `indexOf`, `lastIndexOf`, `lowerAscii`, `upperAscii`, `replace`,
 * `split`, `substring`, `trim`, `join`, `format` (`format.ts`) and
 * `strings.quote` (version 2 of the extension: no `reverse`). Indexes count Unicode code points, as in Go, not UTF-16
 * units; `lowerAscii` and `upperAscii` change ASCII letters only; `trim`
 * removes Unicode white space.
 */
import { type Library } from '../cel-types.js';
/** Quotes a string as Go's `%q` does for printable text: double quotes, with escapes for quotes, backslashes and control characters. */
export declare function quote(text: string): string;
/** The receiver of `strings.quote(...)`: a namespace, not a value. */
export declare class StringsNamespace {
}
export declare const stringsLibrary: Library;
