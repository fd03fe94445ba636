/**
 * Where the API server checks collect what they find, and the release they
 * judge for. Every check reports through one of these, so the classes and
 * the shape of a problem stay uniform.
 */
import type { ObjectPath } from '../../model/types.js';
import type { SchemaProblem } from '../types.js';
/**
 * The Kubernetes minor release (`27` for 1.27), or undefined when the target
 * does not name one that can be read: release-dependent checks then stay
 * silent rather than guess.
 */
export type ReleaseMinor = number | undefined;
/** Reads `'1.33'`, `'v1.33'` or `'1.33.2'` as 33; anything else gives undefined. */
export declare function releaseMinor(release: string): ReleaseMinor;
/** The problems found so far in one object, and the release they are judged for. */
export declare class Findings {
    private readonly minor;
    readonly problems: SchemaProblem[];
    constructor(minor: ReleaseMinor);
    /** True when the target release is this one (1.`minor`) or later; false when unknown. */
    since(minor: number): boolean;
    /** True when the target release is older than 1.`minor`; false when unknown. */
    before(minor: number): boolean;
    /** A value the API server refuses, pointing at the value. */
    value(path: ObjectPath, message: string): void;
    /** A missing field, pointing at the map that lacks it. */
    required(parent: ObjectPath, message: string): void;
    /** An entry that repeats a key the API server wants unique; it rejects the object. */
    duplicate(path: ObjectPath, message: string): void;
}
