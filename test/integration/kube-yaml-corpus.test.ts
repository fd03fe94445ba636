/**
 * Real files, read by kubectl and by k8s-bp: for every manifest file kubectl's
 * decoder accepts, k8s-bp's objects are the ones kubectl decoded; for every file
 * whose YAML it refuses, k8s-bp reports an error. The corpora are
 * ../shared/corpus/real-world and public-repos (next to this checkout, not part
 * of it). `npm test` runs a fixed sample of files; K8S_BP_FULL_CORPUS=1 runs
 * every file (npm run differential).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../src/load/parse.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { referenceBinaries } from '../helpers/reference-binaries.js';

const CORPORA = ['real-world', 'public-repos'].map((name) => path.resolve(ROOT, '..', 'shared', 'corpus', name));
/** Files per project: a spread sample in `npm test`, every file with K8S_BP_FULL_CORPUS=1. */
const SAMPLE = process.env.K8S_BP_FULL_CORPUS ? Number.POSITIVE_INFINITY : 6;
const binaries = referenceBinaries();
const missing =
  typeof binaries === 'string' ? binaries : CORPORA.find((corpus) => !existsSync(corpus))?.concat(' does not exist');
if (missing) console.log(`skipped the differential test on real files: ${missing}`);

/** Manifest files of a corpus, in a stable order. */
function manifestFiles(directory: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.(ya?ml|json)$/i.test(entry.name)) {
      found.push(path.join(entry.parentPath, entry.name));
    }
  }
  return found.sort();
}

/** Every n-th file, so that the sample spreads over every project of the corpus. */
function sample(files: string[], size: number): string[] {
  if (files.length <= size) return files;
  const step = files.length / size;
  return Array.from({ length: size }, (_, index) => files[Math.floor(index * step)] as string);
}

type Decoded = { objects: unknown[] } | { yamlError: string } | { otherError: string };

function kubectlDecode(file: string, home: string): Decoded {
  const kubectl = typeof binaries === 'string' ? '' : binaries.kubectl;
  const result = spawnSync(kubectl, ['label', '--local', '-f', file, '-o', 'json', 'k8s-bp-test=1'], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: home },
    maxBuffer: 256 << 20,
  });
  if (result.status !== 0) {
    const error = result.stderr || result.stdout;
    // Files that are YAML but not objects (CI workflows, Helm values, a JSON array) are refused for another reason.
    const notAnObject = /into Go value of type unstructured/.test(error);
    return /converting YAML to JSON|yaml: |json: /.test(error) && !notAnObject
      ? { yamlError: error }
      : { otherError: error };
  }
  if (result.stdout.trim() === '') return { objects: [] };
  const objects = result.stdout.split(/\n(?=\{)/).map((text) => {
    const object = JSON.parse(text) as { metadata: { labels: Record<string, unknown> } };
    delete object.metadata.labels['k8s-bp-test'];
    return withoutEmptyMetadata(object);
  });
  return { objects };
}

/** kubectl adds `metadata.labels` to label an object; an empty one (and an empty metadata) is dropped on both sides. */
function withoutEmptyMetadata<T extends object>(object: T): T {
  const record = object as { metadata?: { labels?: object } };
  if (record.metadata?.labels && Object.keys(record.metadata.labels).length === 0) delete record.metadata.labels;
  if (record.metadata && Object.keys(record.metadata).length === 0) delete record.metadata;
  return object;
}

/** Our objects, and the errors that say a file's YAML cannot be read. */
function ourReading(file: string, refusedTypes = false): { objects: unknown[]; errors: string[] } {
  const objects: unknown[] = [];
  const errors: string[] = [];
  for (const event of parseManifests(readFileSync(file, 'utf8'), file)) {
    if (event.type === 'resource') {
      objects.push(withoutEmptyMetadata(JSON.parse(JSON.stringify(event.resource.object)) as Record<string, unknown>));
    } else if (event.type === 'problem' && ['parse-error', 'helm-template'].includes(event.finding.ruleId)) {
      errors.push(`${event.finding.line}:${event.finding.column} ${event.finding.message}`);
    } else if (event.type === 'problem' && event.finding.ruleId === 'invalid-resource' && refusedTypes) {
      // kubectl decodes metadata into its Go type, and refuses a label that is not a string.
      errors.push(`${event.finding.line}:${event.finding.column} ${event.finding.message}`);
    }
  }
  return { objects, errors };
}

/** The projects of the corpora: one test each, so that a full run reports as it goes. */
const PROJECTS = missing
  ? []
  : CORPORA.flatMap((corpus) =>
      readdirSync(corpus, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => path.join(corpus, entry.name)),
    );

describe.skipIf(missing !== undefined)('real files, read by kubectl and by k8s-bp', () => {
  const home = tempDir('k8s-bp-kubectl-home-');
  it.each(PROJECTS.map((project) => [path.relative(path.dirname(path.dirname(project)), project), project]))(
    '%s: the objects kubectl decodes, and an error where kubectl cannot decode the YAML',
    (_name, project) => {
      const files = sample(manifestFiles(project), SAMPLE);
      const differences: string[] = [];
      for (const file of files) {
        const difference = compare(file, home);
        if (difference) differences.push(difference);
      }
      expect(differences.join('\n\n')).toBe('');
    },
    SAMPLE === Number.POSITIVE_INFINITY ? 1_800_000 : 60_000,
  );
});

/** How k8s-bp's reading of a file differs from kubectl's, or undefined when it does not. */
function compare(file: string, home: string): string | undefined {
  const decoded = kubectlDecode(file, home);
  if ('otherError' in decoded) return undefined;
  const shown = path.relative(path.resolve(ROOT, '..', 'shared', 'corpus'), file);
  const ours = ourReading(file, 'yamlError' in decoded && /cannot unmarshal/.test(decoded.yamlError));
  if ('yamlError' in decoded) {
    return ours.errors.length === 0 ? `${shown}: kubectl refuses it (${decoded.yamlError.trim()})` : undefined;
  }
  // kubectl passes objects without apiVersion or kind through; k8s-bp reports them as invalid-resource.
  const objects = decoded.objects.filter((object) => {
    const { apiVersion, kind } = object as { apiVersion?: unknown; kind?: unknown };
    return typeof apiVersion === 'string' && typeof kind === 'string';
  });
  try {
    expect(ours.objects).toEqual(objects);
  } catch (error) {
    return `${shown}: ${String(error).slice(0, 2000)}`;
  }
  return ours.errors.length > 0 ? `${shown}: kubectl reads it; k8s-bp says ${ours.errors[0]}` : undefined;
}
