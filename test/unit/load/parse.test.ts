import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../src/model/types.js';
import { parseManifests, type LoadEvent } from '../../../src/load/parse.js';

const events = (text: string): LoadEvent[] => [...parseManifests(text, 'in.yaml')];
const resources = (text: string): Resource[] =>
  events(text).flatMap((event) => (event.type === 'resource' ? [event.resource] : []));

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:
      containers:
        - name: a
          image: one
        - name: b
          image: two
`;

describe('loading manifests', () => {
  it('reads every document of a multi-document file in order', () => {
    const loaded = resources(
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: b}\n`,
    );
    expect(loaded.map((resource) => [resource.kind, resource.name, resource.documentIndex])).toEqual([
      ['ConfigMap', 'a', 0],
      ['Secret', 'b', 1],
    ]);
  });

  it('splits apiVersion into group and version, with "" for the core group', () => {
    const [apps, core] = resources(`apiVersion: apps/v1\nkind: Deployment\n---\napiVersion: v1\nkind: Pod\n`);
    expect([apps?.group, apps?.version, core?.group, core?.version]).toEqual(['apps', 'v1', '', 'v1']);
  });

  it('reads JSON documents', () => {
    const [pod] = resources('{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}}');
    expect(pod?.name).toBe('p');
    expect(pod?.locator.locate(['metadata', 'name'])).toMatchObject({ line: 1, column: 50 });
  });

  it('treats each item of a List as a resource, with paths into items', () => {
    const [first, second] = resources(
      `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: a}\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: b}\n`,
    );
    expect(second?.pathInDocument).toEqual(['items', 1]);
    expect(second?.locator.locate([...(second?.pathInDocument ?? []), 'metadata', 'name'])).toMatchObject({ line: 9 });
    expect(first?.name).toBe('a');
  });

  it('reports a sequence of objects, which Kubernetes cannot read as a document', () => {
    const [problem] = events('- apiVersion: v1\n  kind: ConfigMap\n');
    expect(problem?.type === 'problem' && problem.finding).toMatchObject({
      ruleId: 'invalid-resource',
      severity: 'warning',
    });
    expect(problem?.type === 'problem' && problem.finding.message).toContain('wrap them in a List');
  });

  it('skips empty documents and other YAML, saying why, and reports documents that cannot be objects', () => {
    const all = events(`---\n# only a comment\n---\njust a string\n---\n- a\n---\nfoo: bar\n---\nkind: Pod\n`);
    const skipped = all.filter((event) => event.type === 'skipped');
    expect(skipped.map((event) => (event.type === 'skipped' ? event.reason : ''))).toEqual([
      'empty document',
      'not a Kubernetes object (the document is a string)',
      'not a Kubernetes object (the document is a sequence)',
      'not a Kubernetes object (no apiVersion and kind)',
    ]);
    const problems = all.flatMap((event) => (event.type === 'problem' ? [event.finding] : []));
    expect(problems.map(({ ruleId, severity, line, message }) => ({ ruleId, severity, line, message }))).toEqual([
      {
        ruleId: 'invalid-resource',
        severity: 'error',
        line: 10,
        message: 'has kind but no apiVersion, so it is not a valid Kubernetes object',
      },
    ]);
  });

  it('reports a syntax error with its line and column and keeps the other documents', () => {
    const all = events(
      `apiVersion: v1\nkind: Pod\n---\nkind: Pod\nkey: [unclosed\n---\napiVersion: v1\nkind: Service\n`,
    );
    const problems = all.filter((event) => event.type === 'problem');
    expect(problems.length).toBeGreaterThan(0);
    const first = problems[0];
    expect(first?.type === 'problem' && first.finding).toMatchObject({
      ruleId: 'parse-error',
      severity: 'error',
      line: 6,
      column: 1,
    });
    expect(all.filter((event) => event.type === 'resource')).toHaveLength(2);
  });

  it('passes over a document that does not parse and names no apiVersion or kind: other data, not a manifest', () => {
    for (const text of ['/* license */\n{\n  "panels": []\n}\n', '{rating: 5}\n{rating: 4}\n', 'a:\n  b\n  c: d\n']) {
      const all = events(text);
      expect(all.filter((event) => event.type === 'problem')).toEqual([]);
      expect(all).toEqual([
        expect.objectContaining({ type: 'skipped', reason: expect.stringContaining('names no apiVersion or kind') }),
      ]);
    }
  });

  it('still reports a broken document that names its kind, wherever the error falls', () => {
    const all = events('metadata:\n  name: web\n  labels: [a\nkind: Deployment\n');
    expect(all.map((event) => event.type)).toEqual(['problem']);
  });

  it('reports a duplicate key and still checks the document with the last value', () => {
    const [problem, resource] = events(`apiVersion: v1\nkind: Pod\nkind: Service\n`);
    expect(problem?.type === 'problem' && problem.finding).toMatchObject({
      ruleId: 'duplicate-key',
      line: 3,
      column: 1,
    });
    expect(resource?.type === 'resource' && resource.resource.kind).toBe('Service');
  });

  it('reports a document that template syntax keeps from loading as an error, with a hint to render it', () => {
    const [problem] = events(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n`);
    expect(problem?.type === 'problem' && problem.finding).toMatchObject({
      ruleId: 'helm-template',
      severity: 'error',
      line: 4,
      column: 9,
    });
    expect(problem?.type === 'problem' && problem.finding.message).toContain('helm template');
  });

  it('lints the documents of a file that load, and reports the templated ones once, with their number', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {hostNetwork: yes}\n';
    const templated = '{{- if .Values.x }}\napiVersion: v1\nkind: ConfigMap\n{{- end }}\n';
    const loaded = events(`${templated}---\n${pod}---\n${templated}---\n${templated}`);
    expect(
      loaded
        .filter((event) => event.type === 'resource')
        .map((event) => event.type === 'resource' && event.resource.object.spec),
    ).toEqual([{ hostNetwork: true }]);
    const problems = loaded.flatMap((event) => (event.type === 'problem' ? [event.finding] : []));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ ruleId: 'helm-template', line: 1, column: 1 });
    expect(problems[0]?.message).toContain('2 more documents of this file cannot be read');
  });

  it('reads an octal file mode and a merged container as Kubernetes does', () => {
    const [deployment] = resources(readFileSync('fixtures/yaml-1.1/merge-key-container.yaml', 'utf8'));
    const spec = (deployment?.object.spec as { template: { spec: Record<string, unknown[]> } }).template.spec;
    expect(spec.volumes?.[0]).toEqual({ name: 'config', configMap: { name: 'merged', defaultMode: 420 } });
    const [app, sidecar] = spec.containers as Record<string, unknown>[];
    expect(sidecar).toEqual({ ...app, name: 'sidecar' });
  });

  it('lints a file whose only template syntax is in comments', () => {
    const text = `# {{ if .Values.enabled }} kept for reference\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p # {{ .Release.Name }}\n`;
    expect(events(text).map((event) => event.type)).toEqual(['resource']);
  });

  it('reports one syntax error per document, at the first, with the number of the others', () => {
    const broken = 'apiVersion: v1\nkind: ConfigMap\ndata: {a: ${X}, b: ${Y}, c: ${Z}}\n';
    const problems = events(`${broken}---\n${broken}`).flatMap((event) =>
      event.type === 'problem' ? [event.finding] : [],
    );
    expect(problems.map((finding) => [finding.ruleId, finding.line])).toEqual([
      ['parse-error', 3],
      ['parse-error', 7],
    ]);
    expect(problems[0]?.message).toMatch(/; \d+ more errors follow in this document$/);
  });

  it('does not mistake Go templates inside ordinary values for Helm', () => {
    expect(
      resources(`apiVersion: v1\nkind: ConfigMap\ndata:\n  alert: "{{ $labels.instance }} is down"\n`),
    ).toHaveLength(1);
  });

  it('bounds alias expansion instead of exhausting memory', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      bomb.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(',')}]`);
    }
    const [problem] = events(`apiVersion: v1\nkind: ConfigMap\ndata:\n  ${bomb.join('\n  ')}\n`);
    expect(problem?.type === 'problem' && problem.finding.ruleId).toBe('parse-error');
  });
});

describe('locating fields', () => {
  const [resource] = resources(deployment);
  const locate = (...path: (string | number)[]) => resource?.locator.locate(path);

  it('points a map entry at its key', () => {
    expect(locate('spec', 'template', 'spec', 'containers', 1, 'image')).toMatchObject({ line: 13, column: 11 });
  });

  it('points a sequence item at the item', () => {
    expect(locate('spec', 'template', 'spec', 'containers', 1)).toMatchObject({ line: 12, column: 11 });
  });

  it('falls back to the nearest existing parent when the field is missing', () => {
    expect(locate('spec', 'template', 'spec', 'containers', 0, 'resources', 'limits')).toEqual(
      locate('spec', 'template', 'spec', 'containers', 0),
    );
  });

  it('keeps positions right with CRLF line endings', () => {
    const [crlf] = resources(deployment.replace(/\n/g, '\r\n'));
    expect(crlf?.locator.locate(['spec', 'template', 'spec', 'containers', 1, 'image'])).toMatchObject({
      line: 13,
      column: 11,
    });
  });

  it('counts columns in UTF-16 code units after wide characters', () => {
    const [pod] = resources(`apiVersion: v1\nkind: Pod\nmetadata: {annotations: {note: "😀"}, name: x}\n`);
    expect(pod?.locator.locate(['metadata', 'name'])).toMatchObject({ line: 3, column: 39 });
  });

  it('freezes resources so that no rule can change them', () => {
    expect(Object.isFrozen(resource?.object)).toBe(true);
    expect(() => {
      (resource?.object.metadata as { name: string }).name = 'changed';
    }).toThrow();
  });
});

describe('pointing at a value rather than its key', () => {
  const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: "3"\n  paused:\n';
  const [deploymentResource] = resources(text);

  it('points at the value of a map entry when asked, at its key otherwise', () => {
    const locator = deploymentResource!.locator;
    expect(locator.locate(['spec', 'replicas'])).toMatchObject({ line: 6, column: 3 });
    expect(locator.locate(['spec', 'replicas'], 'value')).toMatchObject({ line: 6, column: 13, endColumn: 16 });
  });

  it('points at the key of an entry that has no value, and at the deepest node of a path that stops early', () => {
    const locator = deploymentResource!.locator;
    expect(locator.locate(['spec', 'paused'], 'value')).toMatchObject({ line: 7, column: 3 });
    expect(locator.locate(['spec', 'template', 'spec'], 'value')).toMatchObject({ line: 5, column: 1 });
  });
});
