/**
 * Kubernetes' URL library (`library/urls.go`): `url()`, `isURL()` and the
 * getters of `kubernetes.URL`. A URL must be what Go's `url.ParseRequestURI`
 * accepts: an absolute URI (`https://host/path`) or an absolute path
 * (`/path`). The parts are those of Go's `url.Parse`, with its escaping rules.
 */
import { type Library } from '../cel-types.js';
/** A `kubernetes.URL` value: the parts Go's `url.URL` keeps. */
export declare class URLValue {
    readonly scheme: string;
    readonly opaque: string;
    readonly host: string;
    /** The unescaped path, and the escaped form when it differs from the default escaping. */
    readonly path: string;
    readonly rawPath: string;
    readonly rawQuery: string;
    constructor(scheme: string, opaque: string, host: string, 
    /** The unescaped path, and the escaped form when it differs from the default escaping. */
    path: string, rawPath: string, rawQuery: string);
    hostname(): string;
    port(): string;
    /** Go's `EscapedPath`. */
    escapedPath(): string;
    /** Go's `Query()`: repeated keys keep every value; pairs that do not decode are dropped. */
    query(): Map<string, string[]>;
}
/** Go's `url.ParseRequestURI` (then `url.Parse` for the parts): the URL, or why it is not one. */
export declare function parseRequestURI(raw: string): URLValue | string;
export declare const urlLibrary: Library;
