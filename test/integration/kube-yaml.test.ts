/**
 * k8s-bp must read YAML exactly as Kubernetes does. A generated corpus (see
 * helpers/yaml-cases.ts) is decoded by kubectl's own decoder, offline
 * (`kubectl label --local -f FILE -o json`, which prints each object as the API
 * machinery decoded it), and by k8s-bp on both load paths; the values must be
 * the same. Documents kubectl refuses must be error findings here.
 */
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding, KubeObject } from '../../src/model/types.js';
import { parseManifests, SIMPLE_LOAD_VARIABLE, type LoadEvent } from '../../src/load/parse.js';
import { tempDir, writeTemp } from '../helpers/cli.js';
import { referenceBinaries } from '../helpers/reference-binaries.js';
import { acceptedCases, caseDocument, REFUSED } from '../helpers/yaml-cases.js';

const binaries = referenceBinaries();
const missing = typeof binaries === 'string' ? binaries : undefined;
if (missing) console.log(`skipped the differential YAML tests: ${missing}`);
const kubectl = typeof binaries === 'string' ? '' : binaries.kubectl;

/** kubectl's reading of a file: the objects it decoded, or its error. */
function kubectlDecode(file: string): { objects: Record<string, unknown>[] } | { error: string } {
  const result = spawnSync(kubectl, ['label', '--local', '-f', file, '-o', 'json', 'k8s-bp-test=1'], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: tempDir('k8s-bp-kubectl-home-') },
  });
  if (result.status !== 0) return { error: result.stderr || result.stdout };
  // One pretty-printed JSON object per decoded object, one after the other.
  const objects = result.stdout
    .split(/\n(?=\{)/)
    .map((text) => withoutLabel(JSON.parse(text) as Record<string, unknown>));
  return { objects };
}

function withoutLabel(object: Record<string, unknown>): Record<string, unknown> {
  const metadata = object.metadata as { labels: Record<string, unknown> };
  delete metadata.labels['k8s-bp-test'];
  return object;
}

function load(text: string, simple: boolean): LoadEvent[] {
  if (simple) process.env[SIMPLE_LOAD_VARIABLE] = '1';
  else delete process.env[SIMPLE_LOAD_VARIABLE];
  return [...parseManifests(text, 'case.yaml')];
}

const objectsOf = (events: LoadEvent[]): KubeObject[] =>
  events.flatMap((event) => (event.type === 'resource' ? [event.resource.object] : []));
const errorsOf = (events: LoadEvent[]): Finding[] =>
  events.flatMap((event) =>
    event.type === 'problem' && event.finding.severity === 'error' && event.finding.ruleId !== 'duplicate-key'
      ? [event.finding]
      : [],
  );

/** A plain copy, so that frozen objects and plain JSON compare alike. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

afterEach(() => {
  delete process.env[SIMPLE_LOAD_VARIABLE];
});

describe.skipIf(missing !== undefined)('YAML as Kubernetes reads it', () => {
  const cases = acceptedCases();
  const directory = tempDir('k8s-bp-yaml-cases-');

  it('decodes every accepted case to the value kubectl decodes, on both load paths', () => {
    const file = writeTemp(directory, 'accepted.yaml', cases.map((entry) => `---\n${entry.text}`).join(''));
    const decoded = kubectlDecode(file);
    if ('error' in decoded) {
      // Say which case kubectl refused.
      const refused = cases.filter((entry) => 'error' in kubectlDecode(writeTemp(directory, 'one.yaml', entry.text)));
      expect.fail(`kubectl refused ${refused.map((entry) => `\n${entry.text}`).join('')}\n${decoded.error}`);
    }
    expect(decoded.objects).toHaveLength(cases.length);
    const mismatches: string[] = [];
    cases.forEach((entry, index) => {
      const expected = decoded.objects[index];
      for (const simple of [false, true]) {
        const events = load(entry.text, simple);
        const [object] = objectsOf(events);
        const errors = errorsOf(events);
        if (errors.length > 0 || JSON.stringify(plain(object)) !== JSON.stringify(plain(expected))) {
          try {
            expect(plain(object)).toEqual(expected);
            expect(errors).toEqual([]);
          } catch (error) {
            const path = simple ? 'simple' : 'fast';
            mismatches.push(`${entry.name} (${path} path):\n${entry.text}\n${String(error)}`);
          }
        }
      }
    });
    expect(mismatches.join('\n\n')).toBe('');
  });

  it.each(REFUSED.map((entry) => [entry.name, entry.body]))(
    'reports a document kubectl refuses (%s) as an error at its place',
    (_name, body) => {
      const text = caseDocument('refused', body);
      const decoded = kubectlDecode(writeTemp(directory, 'refused.yaml', text));
      expect(decoded).toHaveProperty('error');
      for (const simple of [false, true]) {
        const events = load(text, simple);
        expect(objectsOf(events)).toEqual([]);
        const [error, ...others] = errorsOf(events);
        expect(others).toEqual([]);
        expect(error?.ruleId).toBe('parse-error');
        // The finding points into the body, not at the document's start.
        expect(error?.line).toBeGreaterThan(5);
      }
    },
  );
});
