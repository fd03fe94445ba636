/**
 * A built-in rule's documented example is a pair of its fixtures:
 * `fixtures/<id>/fail/example.yaml` and `fixtures/<id>/pass/example.yaml`,
 * with `example.params.yaml` beside each when the example needs parameters.
 * Contributors edit them as YAML, and the rule tester checks them like any
 * other case. Only a checkout has fixtures: `npm run gen` and the tests read
 * them here, and the pages they write are what the package ships.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import { isRecord } from '../model/records.js';
import type { RuleExample } from '../model/types.js';

/** The case name of the example among a rule's fixtures. */
export const EXAMPLE_CASE = 'example';

/** Repository paths of one side of a rule's example: the manifests and their parameters. */
export function exampleFiles(id: string, side: 'fail' | 'pass'): { manifests: string; parameters: string } {
  const folder = path.posix.join('fixtures', id, side);
  return {
    manifests: path.posix.join(folder, `${EXAMPLE_CASE}.yaml`),
    parameters: path.posix.join(folder, `${EXAMPLE_CASE}.params.yaml`),
  };
}

/**
 * Reads the example of the built-in rule `id` from the fixtures under `root`.
 * Throws, naming the file, when a manifest is missing, when parameters are
 * not a mapping, or when the two sides disagree on them: the page shows one
 * constraint for both.
 */
export function readExampleFixtures(root: string, id: string): RuleExample {
  const fail = readSide(root, exampleFiles(id, 'fail'));
  const pass = readSide(root, exampleFiles(id, 'pass'));
  if (!isDeepStrictEqual(fail.parameters, pass.parameters)) {
    const { parameters } = exampleFiles(id, 'pass');
    throw new Error(`${parameters} must hold the same parameters as the failing example's`);
  }
  return {
    fail: fail.manifests,
    pass: pass.manifests,
    ...(fail.parameters !== undefined && { parameters: fail.parameters }),
  };
}

function readSide(
  root: string,
  files: { manifests: string; parameters: string },
): { manifests: string; parameters?: Record<string, unknown> } {
  const manifests = path.join(root, files.manifests);
  if (!existsSync(manifests)) throw new Error(`${files.manifests} is missing: every built-in rule has an example`);
  const parametersFile = path.join(root, files.parameters);
  if (!existsSync(parametersFile)) return { manifests: readFileSync(manifests, 'utf8') };
  const parameters: unknown = parse(readFileSync(parametersFile, 'utf8'));
  if (!isRecord(parameters)) throw new Error(`${files.parameters} must be a mapping of parameters`);
  return { manifests: readFileSync(manifests, 'utf8'), parameters };
}
