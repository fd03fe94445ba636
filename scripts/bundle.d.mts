// Types for scripts/bundle.mjs, which the dist freshness test imports.
export declare const ROOT: string;
export declare const BUNDLES: Record<string, { entry: string; external: string[] }>;
export declare const LICENSES_FILE: string;
/** Every bundle and the licenses file, built in memory: path relative to the root → contents. */
export declare function bundle(): Promise<Map<string, string>>;
/** Builds one bundle of BUNDLES and writes it to `target` (an absolute path). */
export declare function writeBundle(outfile: string, target: string): Promise<void>;
/** Bundles `entry` as `outfile` (one of BUNDLES) is bundled, in memory; for entries that load no precompiled validators. */
export declare function bundleLike(outfile: string, entry: string): Promise<string>;
