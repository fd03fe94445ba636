/**
 * The published API schemas (the test oracle, outside the repository), read
 * to check that every path a test expects names fields the API really has:
 * a misspelt field in a check and its test alike would otherwise pass.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ObjectPath } from '../../../../src/model/types.js';

type Schema = Record<string, unknown>;

interface OracleKind {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly definition: string;
  readonly namespaced: boolean;
}

interface OracleFile {
  readonly definitions: ReadonlyArray<[string, Schema]>;
  readonly releases: Readonly<Record<string, { definitions: number[]; kinds: OracleKind[] }>>;
}

/** One release of the oracle: its definitions by name and the kinds it serves. */
export interface OracleRelease {
  readonly definitions: ReadonlyMap<string, Schema>;
  readonly kinds: readonly OracleKind[];
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const ORACLE_FILE = path.join(ROOT, '../shared/k8s-openapi/schemas-1.27-1.35.json');
export const ORACLE_MISSING = `the API schema oracle (${ORACLE_FILE}) is absent`;

let loaded: OracleFile | null | undefined;

function oracleFile(): OracleFile | undefined {
  if (loaded === undefined)
    loaded = existsSync(ORACLE_FILE) ? (JSON.parse(readFileSync(ORACLE_FILE, 'utf8')) as OracleFile) : null;
  return loaded ?? undefined;
}

/** True when the oracle can be read. */
export function hasOracle(): boolean {
  return oracleFile() !== undefined;
}

const releases = new Map<string, OracleRelease>();

/** One release of the oracle (`'1.33'`), or undefined when the oracle or the release is absent. */
export function oracleRelease(release: string): OracleRelease | undefined {
  const file = oracleFile();
  const entry = file?.releases[release];
  if (!file || !entry) return undefined;
  let result = releases.get(release);
  if (!result) {
    const definitions = new Map(entry.definitions.map((index) => file.definitions[index] ?? ['', {}]));
    result = { definitions, kinds: entry.kinds };
    releases.set(release, result);
  }
  return result;
}

function resolve(schema: Schema | undefined, definitions: ReadonlyMap<string, Schema>): Schema | undefined {
  let current = schema;
  for (let depth = 0; current && depth < 10; depth += 1) {
    const ref = typeof current.$ref === 'string' ? current.$ref : undefined;
    const allOf = Array.isArray(current.allOf) && current.allOf.length === 1 ? (current.allOf[0] as Schema) : undefined;
    if (ref) current = definitions.get(ref.replace('#/components/schemas/', ''));
    else if (allOf && !current.properties) current = allOf;
    else return current;
  }
  return current;
}

/** Whether `objectPath` leads through the schema of `definition` (map keys through `additionalProperties`). */
export function schemaHasPath(release: OracleRelease, definition: string, objectPath: ObjectPath): boolean {
  let schema = resolve(release.definitions.get(definition), release.definitions);
  for (const segment of objectPath) {
    if (!schema) return false;
    if (typeof segment === 'number') schema = resolve(schema.items as Schema | undefined, release.definitions);
    else {
      const properties = schema.properties as Record<string, Schema> | undefined;
      const next =
        properties?.[segment] ??
        (typeof schema.additionalProperties === 'object' ? (schema.additionalProperties as Schema) : undefined);
      schema = resolve(next, release.definitions);
    }
  }
  return schema !== undefined;
}
