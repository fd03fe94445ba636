/**
 * Built-in schemas for tests, read from the oracle the API server published
 * (releases 1.27–1.35), which tests may read but nothing that ships may hold.
 * `ORACLE` is undefined when the file is absent, so tests can skip visibly.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SchemaNode, SchemaResolver } from '../../../src/schema/types.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const ORACLE_FILE = path.resolve(ROOT, '../shared/k8s-openapi/schemas-1.27-1.35.json');

interface OracleFile {
  releases: Record<string, { definitions: number[] }>;
  definitions: [string, SchemaNode][];
}

/** The definitions of one release by name, and a resolver over them. */
export interface BuiltinSchemas {
  readonly definition: (name: string) => SchemaNode;
  readonly resolve: SchemaResolver;
}

const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

function load(release: string): BuiltinSchemas | undefined {
  if (!existsSync(ORACLE_FILE)) return undefined;
  const oracle = JSON.parse(readFileSync(ORACLE_FILE, 'utf8')) as OracleFile;
  const byName = new Map<string, SchemaNode>();
  for (const index of oracle.releases[release]?.definitions ?? []) {
    const [name, schema] = oracle.definitions[index] ?? ['', {}];
    // The published Quantity is "a string or a number"; the schemas k8s-bp ships mark it as a quantity.
    byName.set(name, name === QUANTITY ? { ...schema, format: 'quantity' } : schema);
  }
  const definition = (name: string): SchemaNode => {
    const found = byName.get(name);
    if (found === undefined) throw new Error(`no definition ${name}`);
    return found;
  };
  const resolve: SchemaResolver = (ref) => byName.get(ref.slice(ref.lastIndexOf('/') + 1));
  return { definition, resolve };
}

/** The 1.35 schemas, or undefined without the oracle file. */
export const ORACLE = load('1.35');
