import { readFileSync } from 'node:fs';
import type { SchemaNode } from '../types.js';

/** One served kind, as schemas/kubernetes.json lists it: group, version, kind, definition, namespaced. */
export type KindEntry = readonly [
  group: string,
  version: string,
  kind: string,
  definition: string,
  namespaced: boolean,
];

/** The contents of schemas/kubernetes.json, written by scripts/build-k8s-schemas.mjs. */
export interface SchemaFile {
  readonly sources: Readonly<Record<string, string>>;
  /** Each definition once per distinct schema, as [name, schema]. */
  readonly definitions: readonly (readonly [string, SchemaNode])[];
  readonly kinds: readonly KindEntry[];
  /** Per release: indexes into `definitions` and `kinds`. */
  readonly releases: Readonly<
    Record<string, { readonly definitions: readonly number[]; readonly kinds: readonly number[] }>
  >;
}

/**
 * Where the file may sit, relative to the running module: the bundles in `dist/`, the tsc build
 * in `lib/src/schema/builtin/`, and the sources in `src/schema/builtin/` (tests).
 */
const CANDIDATES = [
  '../schemas/kubernetes.json',
  '../../../schemas/kubernetes.json',
  '../../../../schemas/kubernetes.json',
];

let loaded: SchemaFile | undefined;

/** The shipped schemas, read and parsed on first use, once per process. */
export function schemaFile(): SchemaFile {
  loaded ??= readSchemaFile();
  return loaded;
}

function readSchemaFile(): SchemaFile {
  for (const candidate of CANDIDATES) {
    let text: string;
    try {
      text = readFileSync(new URL(candidate, import.meta.url), 'utf8');
    } catch {
      continue;
    }
    const parsed = JSON.parse(text) as Partial<SchemaFile> & { format?: unknown };
    // A project may have a schemas/kubernetes.json of its own beside node_modules.
    if (parsed.format === SCHEMA_FILE_FORMAT) return parsed as SchemaFile;
  }
  throw new Error(
    `k8s-bp: the built-in Kubernetes schemas (schemas/kubernetes.json) were not found near ${import.meta.url}`,
  );
}

/** The `format` field that marks the file as ours, and its layout's version. */
export const SCHEMA_FILE_FORMAT = 'k8s-bp/builtin-schemas@1';
