import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyBaseline,
  createBaseline,
  formatBaseline,
  pruneBaseline,
  readBaseline,
  type BaselineContext,
} from '../../../src/adopt/baseline.js';
import { fingerprintOf, legacyFingerprintOf } from '../../../src/adopt/fingerprint.js';
import { ABSENT_VALUE_KEY, valueKeyAt } from '../../../src/engine/value-key.js';
import type { Finding } from '../../../src/model/types.js';
import { lint } from '../../../src/lint.js';
import { builtinRules } from '../../../rules/index.js';
import { lintOptions, tempDir } from '../../helpers/cli.js';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:latest
`;

const CONFIG = 'extends: none\nrules:\n  no-latest-tag: deny\n  container-limits: warn\n  probes-configured: warn\n';

/** Lints one manifest text in a fresh directory and returns the findings with their baseline fingerprints. */
async function fingerprints(text: string, config = CONFIG): Promise<Map<string, string>> {
  const dir = tempDir();
  writeFileSync(path.join(dir, '.k8s-bp.yaml'), config);
  mkdirSync(path.join(dir, 'k8s'));
  writeFileSync(path.join(dir, 'k8s/web.yaml'), text);
  const result = await lint(
    lintOptions({
      paths: ['k8s'],
      cwd: dir,
      adopt: { writeBaseline: 'baseline.json' },
    }),
    builtinRules,
  );
  return new Map(result.findings.map((finding) => [`${finding.ruleId} ${finding.message}`, finding.fingerprint ?? '']));
}

describe('value keys', () => {
  it('tell scalars and lists of scalars by value, mappings and absent fields by kind', () => {
    const object = { a: { image: 'nginx:latest', verbs: ['get', '*'], resources: { limits: {} }, items: [{}] } };
    expect(valueKeyAt(object, ['a', 'image'])).not.toBe(valueKeyAt({ a: { image: 'redis:latest' } }, ['a', 'image']));
    expect(valueKeyAt(object, ['a', 'verbs'])).not.toBe(valueKeyAt({ a: { verbs: ['get'] } }, ['a', 'verbs']));
    expect(valueKeyAt(object, ['a', 'resources'])).toBe(valueKeyAt({ a: { resources: { x: 1 } } }, ['a', 'resources']));
    expect(valueKeyAt(object, ['a', 'items'])).toBe(valueKeyAt({ a: { items: [{ b: 2 }, {}] } }, ['a', 'items']));
    expect(valueKeyAt(object, ['a', 'resources', 'requests', 'cpu'])).toBe(ABSENT_VALUE_KEY);
    expect(valueKeyAt(object, ['a', 'image', 'x'])).toBe(ABSENT_VALUE_KEY);
  });
});

describe('baseline fingerprints', () => {
  it('survive lines inserted above a finding, comments and reformatting', async () => {
    const before = await fingerprints(DEPLOYMENT);
    const edited = `# A comment added at the top\n\n${DEPLOYMENT.replace('metadata:\n  name: web', 'metadata:\n  # the web tier\n  name: web\n  labels: { tier: web }')}`;
    const after = await fingerprints(edited);
    expect(before.size).toBeGreaterThanOrEqual(3);
    expect(after).toEqual(before);
  });

  it('change when the offending value changes, and only for that finding', async () => {
    const before = await fingerprints(DEPLOYMENT);
    const after = await fingerprints(DEPLOYMENT.replace('nginx:latest', 'redis:latest'));
    const changed = [...before.keys()].filter((key) => !after.has(key) || after.get(key) !== before.get(key));
    expect(changed).toEqual(['no-latest-tag container "web" uses image "nginx:latest" with the tag "latest"']);
    const latest = (map: Map<string, string>) => [...map].find(([key]) => key.startsWith('no-latest-tag'))?.[1];
    expect(latest(after)).not.toBe(latest(before));
  });

  it('keep the other findings of an object whose apiVersion changes, as when deprecated-api-version is fixed', async () => {
    const before = await fingerprints(DEPLOYMENT.replace('apps/v1', 'apps/v1beta2'));
    const after = await fingerprints(DEPLOYMENT);
    expect(before.size).toBeGreaterThanOrEqual(3);
    expect(after).toEqual(before);
  });

  it('keep an allowed-repos finding when only the tag changes, as when no-latest-tag is fixed', async () => {
    const config = 'extends: none\nrules:\n  allowed-repos: { parameters: { repos: [registry.example.com/] } }\n';
    const before = await fingerprints(DEPLOYMENT, config);
    const after = await fingerprints(DEPLOYMENT.replace('nginx:latest', 'nginx:1.27'), config);
    const moved = await fingerprints(DEPLOYMENT.replace('nginx:latest', 'docker.io/library/nginx:latest'), config);
    expect(before.size).toBe(1);
    expect([...after.values()]).toEqual([...before.values()]);
    expect([...moved.values()]).not.toEqual([...before.values()]);
  });

  it('keep an unchanged container-level finding when another field of the container changes', async () => {
    const before = await fingerprints(DEPLOYMENT);
    const after = await fingerprints(`${DEPLOYMENT}          command: [nginx, -g, 'daemon off;']\n`);
    const probes = (map: Map<string, string>) => [...map].filter(([key]) => key.startsWith('probes-configured'));
    expect(probes(after)).toEqual(probes(before));
  });
});

const finding = (overrides: Partial<Finding>): Finding => ({
  ruleId: 'no-latest-tag',
  constraintName: 'no-latest-tag',
  severity: 'error',
  message: 'uses latest',
  file: 'k8s/web.yaml',
  line: 10,
  column: 3,
  endLine: 10,
  endColumn: 9,
  path: 'spec.containers[0].image',
  documentIndex: 0,
  object: { apiVersion: 'v1', kind: 'Pod', namespace: 'shop', name: 'web' },
  valueKey: 'scalar:"a"',
  ...overrides,
});

describe('baselines', () => {
  const dir = tempDir();
  const context: BaselineContext = { file: path.join(dir, 'ci', 'baseline.json'), shown: 'ci/baseline.json', cwd: dir };
  const linted = new Set([path.join(dir, 'k8s/web.yaml')]);
  const scope = { linted, ranIds: new Set(['no-latest-tag', 'container-limits']) };

  it('record findings with files relative to the baseline, sorted, and leave out suppressed ones', () => {
    const baseline = createBaseline(
      [
        finding({ file: 'k8s/web.yaml', ruleId: 'no-latest-tag' }),
        finding({ file: 'k8s/api.yaml', ruleId: 'container-limits', constraintName: 'container-limits' }),
        finding({ suppression: { kind: 'inSource', source: 'comment' } }),
        finding({ ruleId: 'unused-suppression', constraintName: 'unused-suppression', object: undefined }),
      ],
      context,
    );
    expect(baseline.entries.map((entry) => [entry.file, entry.ruleId, entry.object])).toEqual([
      ['../k8s/api.yaml', 'container-limits', 'v1/Pod/shop/web'],
      ['../k8s/web.yaml', 'no-latest-tag', 'v1/Pod/shop/web'],
    ]);
    const text = formatBaseline(baseline, '9.9.9');
    expect(JSON.parse(text)).toMatchObject({ version: 2, tool: { name: 'k8s-bp', version: '9.9.9' } });
    expect(Object.keys(JSON.parse(text).entries[0] as object)).toEqual([
      'fingerprint',
      'ruleId',
      'file',
      'object',
      'path',
      'message',
    ]);
    expect(formatBaseline({ version: 2, entries: [...baseline.entries].reverse() }, '9.9.9')).toBe(text);
  });

  it('mark what they hold unchanged and suppressed, and the rest new; one entry matches one finding', () => {
    const baseline = createBaseline([finding({})], context);
    const { findings, outcome } = applyBaseline(
      [finding({ line: 40 }), finding({ line: 50 }), finding({ valueKey: 'scalar:"b"' })],
      baseline,
      context,
      scope,
    );
    expect(findings.map((each) => [each.baselineState, each.suppression?.source])).toEqual([
      ['unchanged', 'baseline'],
      ['new', undefined],
      ['new', undefined],
    ]);
    expect(findings[0]?.suppression).toEqual({
      kind: 'external',
      source: 'baseline',
      justification: 'recorded in the baseline ci/baseline.json',
    });
    expect(outcome).toEqual({ file: 'ci/baseline.json', unchanged: 1, new: 2, fixed: [], unchecked: 0 });
  });

  it('count entries whose finding is gone as fixed, unless their file was not linted or their rule did not run', () => {
    writeFileSync(path.join(dir, 'other.yaml'), '');
    const baseline = createBaseline(
      [
        finding({}),
        finding({ file: 'other.yaml' }),
        finding({ ruleId: 'image-tag-format', constraintName: 'image-tag-format' }),
        finding({ file: 'deleted.yaml' }),
      ],
      context,
    );
    const { outcome } = applyBaseline([], baseline, context, scope);
    expect(outcome.fixed.map((entry) => [entry.file, entry.ruleId])).toEqual([
      ['../deleted.yaml', 'no-latest-tag'],
      ['../k8s/web.yaml', 'no-latest-tag'],
    ]);
    expect(outcome.unchecked).toBe(2);
    const pruned = pruneBaseline(baseline, outcome);
    expect(pruned.entries.map((entry) => entry.file).sort()).toEqual(['../k8s/web.yaml', '../other.yaml']);
  });

  it('fingerprint findings without an object by their file, relative to the baseline', () => {
    const parseError = finding({ object: undefined, ruleId: 'parse-error', constraintName: 'parse-error', path: '' });
    expect(fingerprintOf(parseError, '../k8s/web.yaml')).not.toBe(fingerprintOf(parseError, '../k8s/api.yaml'));
    expect(fingerprintOf(finding({}), 'a.yaml')).toBe(fingerprintOf(finding({ file: 'b.yaml', line: 99 }), 'b.yaml'));
  });

  it('match the entries of a version 1 baseline, which knew objects by apiVersion and hashed whole values', () => {
    const old = finding({});
    const entry = {
      fingerprint: legacyFingerprintOf(old, '../k8s/web.yaml'),
      ruleId: old.ruleId,
      file: '../k8s/web.yaml',
      object: 'v1/Pod/shop/web',
      path: old.path,
      message: old.message,
    };
    const { findings, outcome } = applyBaseline([finding({ line: 30 })], { version: 1, entries: [entry] }, context, {
      linted: new Set([path.join(dir, 'k8s/web.yaml')]),
      ranIds: new Set(['no-latest-tag']),
    });
    expect(findings.map((each) => each.baselineState)).toEqual(['unchanged']);
    expect(outcome.fixed).toEqual([]);
    expect(formatBaseline(pruneBaseline({ version: 1, entries: [entry] }, outcome), '9.9.9')).toContain('"version": 1');
  });

  it('refuse a file that is missing or malformed, with exit status 2', async () => {
    const missing = { ...context, file: path.join(dir, 'nope.json'), shown: 'nope.json' };
    await expect(readBaseline(missing)).rejects.toThrow(
      'baseline file nope.json not found; create it with --write-baseline nope.json',
    );
    for (const [text, why] of [
      ['{', 'not JSON'],
      ['{"version": 3, "entries": []}', 'version 3 is not one of 1, 2'],
      ['{"version": 1}', 'no "entries" list'],
      ['{"version": 1, "entries": [{"fingerprint": 1}]}', 'entries[0].fingerprint is not a string'],
    ]) {
      const file = path.join(dir, 'bad.json');
      writeFileSync(file, text ?? '');
      await expect(readBaseline({ ...context, file, shown: 'bad.json' })).rejects.toMatchObject({
        code: 'BASELINE_INVALID',
        message: expect.stringContaining(why ?? '') as string,
      });
    }
  });
});
