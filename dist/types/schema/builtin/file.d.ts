import type { SchemaNode } from '../types.js';
/** One served kind, as schemas/kubernetes.json lists it: group, version, kind, definition, namespaced. */
export type KindEntry = readonly [
    group: string,
    version: string,
    kind: string,
    definition: string,
    namespaced: boolean
];
/** The contents of schemas/kubernetes.json, written by scripts/build-k8s-schemas.mjs. */
export interface SchemaFile {
    readonly sources: Readonly<Record<string, string>>;
    /** Each definition once per distinct schema, as [name, schema]. */
    readonly definitions: readonly (readonly [string, SchemaNode])[];
    readonly kinds: readonly KindEntry[];
    /** Per release: indexes into `definitions` and `kinds`. */
    readonly releases: Readonly<Record<string, {
        readonly definitions: readonly number[];
        readonly kinds: readonly number[];
    }>>;
}
/** The shipped schemas, read and parsed on first use, once per process. */
export declare function schemaFile(): SchemaFile;
/** The `format` field that marks the file as ours, and its layout's version. */
export declare const SCHEMA_FILE_FORMAT = "k8s-bp/builtin-schemas@1";
