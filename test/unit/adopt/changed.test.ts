import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { markOutsideChanges, type ChangeContext } from '../../../src/adopt/changed.js';
import type { Finding } from '../../../src/model/types.js';
import { resourcesOf } from '../../helpers/resources.js';

const ROOT = path.resolve('/repo');

const TWO_INGRESSES = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: a
spec:
  rules:
    - host: shop.example.com
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: b
spec:
  rules:
    - host: shop.example.com
`;

function finding(overrides: Partial<Finding>): Finding {
  return {
    ruleId: 'no-latest-tag',
    constraintName: 'no-latest-tag',
    severity: 'error',
    message: 'm',
    file: 'k8s/ingress.yaml',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    path: '',
    documentIndex: 0,
    object: { apiVersion: 'v1', kind: 'Pod', name: 'x' },
    ...overrides,
  };
}

function context(files: Record<string, number[] | 'all'>): ChangeContext {
  return {
    changes: {
      ref: 'main',
      root: ROOT,
      files: new Map(
        Object.entries(files).map(([file, lines]) => [path.join(ROOT, file), lines === 'all' ? 'all' : new Set(lines)]),
      ),
    },
    cwd: ROOT,
    resources: resourcesOf(TWO_INGRESSES, 'k8s/ingress.yaml'),
    crossResourceRules: new Set(['unique-ingress-host']),
  };
}

const outside = (findings: Finding[]) => findings.map((each) => each.outsideChanges ?? false);

describe('--changed-since marking', () => {
  it('keeps findings on changed lines, in new files and in standard input; marks the rest', () => {
    const findings = [
      finding({ line: 7 }),
      finding({ line: 8 }),
      finding({ file: 'k8s/new.yaml', line: 30 }),
      finding({ file: '<stdin>', line: 3 }),
      finding({ file: 'k8s/other.yaml', line: 7 }),
    ];
    expect(outside(markOutsideChanges(findings, context({ 'k8s/ingress.yaml': [7], 'k8s/new.yaml': 'all' })))).toEqual([
      false,
      true,
      false,
      false,
      true,
    ]);
  });

  it('keeps a problem with a file, such as a syntax error, when the file changed anywhere', () => {
    const parseError = finding({ ruleId: 'parse-error', constraintName: 'parse-error', line: 40, object: undefined });
    expect(outside(markOutsideChanges([parseError], context({ 'k8s/ingress.yaml': [2] })))).toEqual([false]);
    expect(outside(markOutsideChanges([parseError], context({ 'k8s/elsewhere.yaml': [2] })))).toEqual([true]);
  });

  it('keeps a cross-resource finding when its own object, or an object it names, changed', () => {
    const onA = finding({
      ruleId: 'unique-ingress-host',
      constraintName: 'unique-ingress-host',
      line: 7,
      path: 'spec.rules[0].host',
      related: [{ file: 'k8s/ingress.yaml', line: 15, column: 13, message: 'b claims it too' }],
    });
    const single = finding({ line: 7, path: 'spec.rules[0].host' });
    // Line 12 (b's name) is in b's span: b changed, so a's finding, which names b, counts.
    expect(outside(markOutsideChanges([onA, single], context({ 'k8s/ingress.yaml': [12] })))).toEqual([false, true]);
    // Line 4 (a's name) is in a's own span.
    expect(outside(markOutsideChanges([onA], context({ 'k8s/ingress.yaml': [4] })))).toEqual([false]);
    // The separator between the documents belongs to neither.
    expect(outside(markOutsideChanges([onA], context({ 'k8s/ingress.yaml': [8] })))).toEqual([true]);
  });
});

describe('--changed-since and findings about something missing', () => {
  const SERVICE = `apiVersion: v1
kind: Service
metadata: { name: api, namespace: shop }
spec:
  selector: { app: api }
`;
  const OTHERS = `apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: shop }
spec:
  template:
    metadata: { labels: { app: api-v2 } }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: settings, namespace: billing }
`;
  const dangling = finding({
    ruleId: 'dangling-references',
    constraintName: 'dangling-references',
    file: 'k8s/svc.yaml',
    line: 5,
    path: 'spec.selector',
    object: { apiVersion: 'v1', kind: 'Service', namespace: 'shop', name: 'api' },
  });
  function changes(files: Record<string, number[]>, deleted: Record<string, string> = {}): ChangeContext {
    return {
      changes: {
        ref: 'main',
        root: ROOT,
        files: new Map(Object.entries(files).map(([file, lines]) => [path.join(ROOT, file), new Set(lines)])),
        deleted: new Map(Object.entries(deleted).map(([file, text]) => [path.join(ROOT, file), text])),
      },
      cwd: ROOT,
      resources: [...resourcesOf(SERVICE, 'k8s/svc.yaml'), ...resourcesOf(OTHERS, 'k8s/others.yaml')],
      crossResourceRules: new Set(['dangling-references']),
    };
  }

  it('keeps it when any object in its namespace changed, since that may be what it no longer finds', () => {
    // Line 6: the Deployment's labels, in the Service's namespace.
    expect(outside(markOutsideChanges([dangling], changes({ 'k8s/others.yaml': [6] })))).toEqual([false]);
  });

  it('marks it when only objects of other namespaces changed', () => {
    // Line 10: the ConfigMap, in another namespace.
    expect(outside(markOutsideChanges([dangling], changes({ 'k8s/others.yaml': [10] })))).toEqual([true]);
  });

  it('keeps it when a deleted file held an object of its namespace, and only then', () => {
    const deletedIn = (namespace: string) =>
      changes({}, { 'k8s/old.yaml': `apiVersion: v1\nkind: Pod\nmetadata: { name: old, namespace: ${namespace} }\n` });
    expect(outside(markOutsideChanges([dangling], deletedIn('shop')))).toEqual([false]);
    expect(outside(markOutsideChanges([dangling], deletedIn('billing')))).toEqual([true]);
  });

  it('judges a finding about a Namespace by the objects in that namespace', () => {
    const namespace = `apiVersion: v1\nkind: Namespace\nmetadata: { name: shop }\n`;
    const noLimitRange = finding({
      ruleId: 'dangling-references',
      constraintName: 'dangling-references',
      file: 'k8s/ns.yaml',
      line: 3,
      path: 'metadata.name',
      object: { apiVersion: 'v1', kind: 'Namespace', name: 'shop' },
    });
    const context = changes({ 'k8s/others.yaml': [6] });
    const withNamespace = { ...context, resources: [...context.resources, ...resourcesOf(namespace, 'k8s/ns.yaml')] };
    expect(outside(markOutsideChanges([noLimitRange], withNamespace))).toEqual([false]);
  });
});
