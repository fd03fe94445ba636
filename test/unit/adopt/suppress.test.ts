import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ignoreAnnotations, withinScope } from '../../../src/adopt/annotations.js';
import { scanIgnoreComments } from '../../../src/adopt/comments.js';
import { entryMatchesFile, type IgnoreEntry } from '../../../src/adopt/config-ignore.js';
import { applySuppressions, type SuppressInput } from '../../../src/adopt/suppress.js';
import type { Finding } from '../../../src/model/types.js';
import { resourcesOf } from '../../helpers/resources.js';

const CWD = path.resolve('/repo');

function finding(overrides: Partial<Finding>): Finding {
  return {
    ruleId: 'no-latest-tag',
    constraintName: 'no-latest-tag',
    severity: 'error',
    message: 'm',
    file: 'k8s/web.yaml',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    path: '',
    documentIndex: 0,
    ...overrides,
  };
}

function input(overrides: Partial<SuppressInput>): SuppressInput {
  const ids = new Set(['no-latest-tag', 'container-limits', 'no-privileged', 'unused-suppression', 'my-limits']);
  return {
    comments: [],
    annotations: [],
    configEntries: [],
    cwd: CWD,
    configDir: CWD,
    requireReason: false,
    ranIds: ids,
    knownIds: new Set([...ids, 'image-tag-format']),
    ...overrides,
  };
}

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    k8s-bp.dev/ignore: "container-limits, no-privileged"
    k8s-bp.dev/ignore-reason: vendor chart
spec:
  template:
    metadata:
      annotations:
        k8s-bp.dev/ignore: no-latest-tag
    spec:
      containers:
        - name: web
          image: nginx:latest
---
apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata:
      name: a
      annotations: { k8s-bp.dev/ignore: no-latest-tag }
  - apiVersion: v1
    kind: Pod
    metadata: { name: b }
`;

describe('k8s-bp.dev/ignore annotations', () => {
  it("are read from an object's metadata and from its pod template, each with its scope and place", () => {
    const found = ignoreAnnotations(resourcesOf(DEPLOYMENT, 'web.yaml'));
    expect(found).toEqual([
      {
        file: 'web.yaml',
        documentIndex: 0,
        scope: '',
        rules: ['container-limits', 'no-privileged'],
        reason: 'vendor chart',
        location: { file: 'web.yaml', line: 6, column: 5 },
      },
      {
        file: 'web.yaml',
        documentIndex: 0,
        scope: 'spec.template',
        rules: ['no-latest-tag'],
        reason: undefined,
        location: { file: 'web.yaml', line: 12, column: 9 },
      },
      {
        file: 'web.yaml',
        documentIndex: 1,
        scope: 'items[0]',
        rules: ['no-latest-tag'],
        reason: undefined,
        location: { file: 'web.yaml', line: 25, column: 22 },
      },
    ]);
  });

  it('cover paths at or below their scope only', () => {
    expect(withinScope('spec.template.spec.containers[0].image', 'spec.template')).toBe(true);
    expect(withinScope('spec.template', 'spec.template')).toBe(true);
    expect(withinScope('spec.templates', 'spec.template')).toBe(false);
    expect(withinScope('spec.replicas', 'spec.template')).toBe(false);
    expect(withinScope('items[1].spec', 'items[1]')).toBe(true);
    expect(withinScope('items[10].spec', 'items[1]')).toBe(false);
    expect(withinScope('anything', '')).toBe(true);
  });

  it('silence the rules they name on their object or template, and say why', () => {
    const annotations = ignoreAnnotations(resourcesOf(DEPLOYMENT, 'web.yaml'));
    const findings = [
      finding({ file: 'web.yaml', path: 'spec.template.spec.containers[0].image' }),
      finding({ file: 'web.yaml', ruleId: 'container-limits', constraintName: 'my-limits', path: 'spec.template' }),
      finding({ file: 'web.yaml', documentIndex: 1, path: 'items[0].spec.containers[0].image' }),
      finding({ file: 'web.yaml', documentIndex: 1, path: 'items[1].spec.containers[0].image' }),
    ];
    const result = applySuppressions(findings, input({ annotations }));
    expect(result.map((each) => each.suppression?.source)).toEqual([
      'annotation',
      'annotation',
      'annotation',
      undefined,
      undefined, // the unused no-privileged below
    ]);
    expect(result[1]?.suppression).toEqual({
      kind: 'inSource',
      source: 'annotation',
      justification: 'vendor chart',
      location: { file: 'web.yaml', line: 6, column: 5 },
    });
    expect(result[4]).toMatchObject({
      ruleId: 'unused-suppression',
      severity: 'warning',
      file: 'web.yaml',
      line: 6,
      message:
        'unused suppression: no-privileged reports nothing on this object; remove it from the k8s-bp.dev/ignore annotation',
    });
  });
});

describe('the config ignore list', () => {
  const entry = (paths: string[], rules: string[], reason?: string): IgnoreEntry => ({
    paths,
    rules,
    reason,
    location: { file: '.k8s-bp.yaml', line: 3, column: 5 },
  });

  it('matches globs relative to the config directory, and bare names anywhere', () => {
    const inRepo = entry(['legacy/**', '*.generated.yaml'], ['no-latest-tag']);
    expect(entryMatchesFile(inRepo, 'legacy/a/b.yaml', CWD, CWD)).toBe(true);
    expect(entryMatchesFile(inRepo, 'k8s/x.generated.yaml', CWD, CWD)).toBe(true);
    expect(entryMatchesFile(inRepo, 'k8s/legacy.yaml', CWD, CWD)).toBe(false);
    // Run from a subdirectory: file names are relative to it, globs to the config's directory.
    expect(entryMatchesFile(inRepo, 'b.yaml', path.join(CWD, 'legacy/a'), CWD)).toBe(true);
    expect(entryMatchesFile(entry(['legacy'], ['x']), 'legacy/b.yaml', CWD, CWD)).toBe(true);
  });

  it('silences by path and rule, as an external suppression, and applies to findings about comments too', () => {
    const comments = scanIgnoreComments('a: 1 # k8s-bp-ignore no-privileged\n', 'legacy/a.yaml');
    const findings = [
      finding({ file: 'legacy/a.yaml', line: 5 }),
      finding({ file: 'k8s/a.yaml', line: 5 }),
      finding({ file: 'legacy/a.yaml', ruleId: 'container-limits', constraintName: 'container-limits' }),
    ];
    const entries = [entry(['legacy/**'], ['no-latest-tag', 'unused-suppression'], 'frozen')];
    const result = applySuppressions(findings, input({ comments, configEntries: entries }));
    expect(result.map((each) => [each.ruleId, each.suppression?.kind, each.suppression?.justification])).toEqual([
      ['no-latest-tag', 'external', 'frozen'],
      ['no-latest-tag', undefined, undefined],
      ['container-limits', undefined, undefined],
      ['unused-suppression', 'external', 'frozen'],
    ]);
  });

  it('reports entries that silence nothing, names it when a rule id is unknown, and skips rules that did not run', () => {
    const entries = [entry(['legacy/**'], ['no-latest-tag', 'no-latest-tags', 'image-tag-format'])];
    const result = applySuppressions([], input({ configEntries: entries }));
    expect(result.map((each) => each.message)).toEqual([
      'unused suppression: no-latest-tag reports nothing in files matching legacy/**; remove it from this ignore entry',
      'unused suppression: no rule or constraint is called "no-latest-tags" (did you mean "no-latest-tag"?)',
    ]);
    expect(result.every((each) => each.file === '.k8s-bp.yaml' && each.line === 3)).toBe(true);
  });
});

describe('comment suppressions', () => {
  it('silence findings on their target line, by rule id, constraint name or constraint kind', () => {
    const text =
      'x: 1\n# k8s-bp-ignore my-limits, K8sAllowedRepos -- reviewed\ny: 2\nz: 3 # k8s-bp-ignore no-latest-tag\n';
    const comments = scanIgnoreComments(text, 'k8s/web.yaml');
    const findings = [
      finding({ line: 3, ruleId: 'container-limits', constraintName: 'my-limits' }),
      finding({ line: 3, ruleId: 'k8s-allowed-repos', constraintName: 'repos', constraintKind: 'K8sAllowedRepos' }),
      finding({ line: 4 }),
      finding({ line: 1 }),
    ];
    const ids = new Set(['my-limits', 'K8sAllowedRepos', 'no-latest-tag', 'container-limits', 'k8s-allowed-repos']);
    const result = applySuppressions(findings, input({ comments, ranIds: ids, knownIds: ids }));
    expect(result.map((each) => each.suppression?.justification ?? each.suppression?.source)).toEqual([
      'reviewed',
      'reviewed',
      'comment',
      undefined,
    ]);
    expect(result[0]?.suppression?.location).toEqual({ file: 'k8s/web.yaml', line: 2, column: 1 });
  });

  it('are not judged unused in a file that could not be parsed', () => {
    const comments = scanIgnoreComments('a: [\nb: 2 # k8s-bp-ignore no-latest-tag\n', 'broken.yaml');
    const parseError = finding({ file: 'broken.yaml', ruleId: 'parse-error', constraintName: 'parse-error' });
    expect(applySuppressions([parseError], input({ comments }))).toEqual([parseError]);
  });

  it('report a comment that names no rule, and with requireReason, one without a reason', () => {
    const comments = scanIgnoreComments('a: 1 # k8s-bp-ignore\nb: 2 # k8s-bp-ignore no-latest-tag\n', 'x.yaml');
    const findings = [finding({ file: 'x.yaml', line: 2 })];
    const result = applySuppressions(findings, input({ comments, requireReason: true }));
    expect(result.slice(1).map(({ ruleId, severity, line }) => ({ ruleId, severity, line }))).toEqual([
      // A comment that names no rule does nothing, and is reported once for that.
      { ruleId: 'unused-suppression', severity: 'warning', line: 1 },
      { ruleId: 'suppression-without-reason', severity: 'error', line: 2 },
    ]);
    expect(result[1]?.message).toContain('names no rule');
    // The suppression still applies: the missing reason is its own error.
    expect(result[0]?.suppression?.source).toBe('comment');
  });
});
