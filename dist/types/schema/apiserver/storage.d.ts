import type { Findings } from './findings.js';
type Json = Record<string, unknown>;
/** A claim needs an access mode and a positive storage request. */
export declare function checkPersistentVolumeClaim(out: Findings, object: Json): void;
/** A volume's access modes, volume mode, class and reclaim policy. */
export declare function checkPersistentVolume(out: Findings, object: Json): void;
export {};
