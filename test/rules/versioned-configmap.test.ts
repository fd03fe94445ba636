import { describe, expect, it } from 'vitest';
import rule from '../../rules/versioned-configmap.js';
import { compileParameters } from '../../src/engine/params.js';
import { compileUserRegex } from '../../src/kit/user-regex.js';
import { ruleTester } from './rule-tester.js';

/** A Pod that takes its environment from the ConfigMap, which follows it in the input. */
const pod = (configMap: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: app:1.0\n      envFrom:\n        - configMapRef: {name: '${configMap}'}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: '${configMap}'}\ndata: {A: b}\n`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'searches the pattern anywhere in the name, so an unanchored pattern accepts a version in the middle',
      yaml: pod('settings-v2-draft'),
      parameters: { pattern: '-v\\d+' },
      expect: [],
    },
    {
      name: 'honours a leading (?i) as Go patterns write it',
      yaml: pod('settings-V2'),
      parameters: { pattern: '(?i)-v\\d+$' },
      expect: [],
    },
    {
      name: 'is case-sensitive without (?i)',
      yaml: pod('settings-V2'),
      expect: [{ messageId: 'unversioned', line: 9, column: 26 }],
    },
    {
      name: 'skips a reference without a name, which the API server would reject',
      yaml: `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: app, envFrom: [{configMapRef: {}}, {configMapRef: {name: 7}}]}]\n  volumes: [{name: v, configMap: {}}, {name: w, configMap: x}, {name: y, projected: {sources: [null, {configMap: []}]}}]\n`,
      expect: [],
    },
    {
      name: 'leaves alone a reference to a ConfigMap the input does not hold',
      yaml: pod('settings').split('---')[0] ?? '',
      expect: [],
    },
    {
      name: 'judges a ConfigMap placed by --namespace in the namespace of the workload that uses it',
      yaml: `${pod('settings').replace('metadata: {name: p}', 'metadata: {name: p, namespace: shop}')}`,
      defaultNamespace: 'shop',
      expect: [{ messageId: 'unversioned', line: 9, column: 26 }],
    },
    {
      name: 'does not take a ConfigMap with empty data as content of its own',
      yaml: pod('settings').replace('data: {A: b}', 'data: {}\nbinaryData: {}'),
      expect: [],
    },
    {
      name: 'reports a name longer than the API allows without running the pattern',
      yaml: pod(`${'a'.repeat(260)}-v1`),
      expect: [{ messageId: 'unversioned', line: 9, column: 26 }],
    },
  ],
});

describe('versioned-configmap patterns', () => {
  const check = compileParameters(rule);
  it('refuses a pattern that does not compile, naming it', () => {
    const result = check({ pattern: '[a-' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/^pattern "\[a-" is not a valid regular expression/);
  });
  it('refuses a pattern longer than the cap', () => {
    expect(check({ pattern: 'a'.repeat(501) }).ok).toBe(false);
    expect(check({ pattern: 'a'.repeat(500) }).ok).toBe(true);
  });
  it('turns RE2 leading flags into JavaScript flags', () => {
    const compiled = compileUserRegex('(?is)^a.b$');
    expect(compiled).toBeInstanceOf(RegExp);
    expect((compiled as RegExp).flags).toBe('is');
    expect((compiled as RegExp).test('A\nB')).toBe(true);
  });
});
