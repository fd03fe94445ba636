/**
 * Kubernetes' semantic version library (`library/semverlib.go`): `semver()`,
 * `isSemver()` (each with the optional `normalize` flag of version 1 of the
 * library), the getters `major()`, `minor()`, `patch()`, and the comparisons
 * `isGreaterThan()`, `isLessThan()`, `compareTo()`.
 *
 * Parsing follows the Go package Kubernetes uses (blang/semver v4), with its
 * error messages: exactly `MAJOR.MINOR.PATCH`, numbers without leading zeros,
 * an optional pre-release and build metadata. Comparison ignores build
 * metadata, as semver.org says.
 */
import { type Library } from '../cel-types.js';
export declare const SEMVER_TYPE = "kubernetes.Semver";
/** A `kubernetes.Semver` value. */
export declare class Semver {
    readonly major: bigint;
    readonly minor: bigint;
    readonly patch: bigint;
    /** Pre-release identifiers: numbers as bigint, the others as strings. */
    readonly pre: readonly (bigint | string)[];
    readonly build: readonly string[];
    constructor(major: bigint, minor: bigint, patch: bigint, 
    /** Pre-release identifiers: numbers as bigint, the others as strings. */
    pre: readonly (bigint | string)[], build: readonly string[]);
    /** -1, 0 or 1, by semver.org's precedence. */
    compare(other: Semver): number;
    equals(other: unknown): boolean;
}
/** Parses a strict semantic version; throws {@link CelError} with blang/semver's message. */
export declare function parseSemver(text: string): Semver;
/**
 * The `normalize` flag: drops one leading `v`, leading zeros of the numbers,
 * and fills in a missing minor or patch number with 0.
 */
export declare function normalizeAndParse(text: string): Semver;
export declare const semverLibrary: Library;
