/** Reading decoded manifests, which are plain JSON values of any shape. */
import type { ObjectPath } from './types.js';
/** A JSON object: not null, not an array. */
export declare function isRecord(value: unknown): value is Record<string, unknown>;
/** Reads a nested field without throwing on odd shapes. */
export declare function getIn(value: unknown, path: ObjectPath): unknown;
