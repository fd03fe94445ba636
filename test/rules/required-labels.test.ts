import { describe, expect, it } from 'vitest';
import rule from '../../rules/required-labels.js';
import { compileParameters } from '../../src/engine/params.js';
import { ruleTester } from './rule-tester.js';

const namespace = (labels: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns\n  labels: ${labels}\n`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'counts a label as present whatever its value, even one that is not a string',
      yaml: namespace('{owner: 7}'),
      parameters: { labels: [{ key: 'owner', allowedRegex: '^[a-z]+$' }] },
      expect: [],
    },
    {
      name: 'reports labels that are not a mapping as all missing, at metadata.labels',
      yaml: namespace('[owner]'),
      parameters: { labels: [{ key: 'owner' }] },
      expect: [
        { messageId: 'missing', line: 5, column: 3, message: 'Namespace "ns": you must provide labels: {"owner"}' },
      ],
    },
    {
      name: 'lists a key required twice once',
      yaml: namespace('{}'),
      parameters: { labels: [{ key: 'owner' }, { key: 'owner', allowedRegex: 'x' }] },
      expect: [
        { messageId: 'missing', line: 5, column: 3, message: 'Namespace "ns": you must provide labels: {"owner"}' },
      ],
    },
    {
      name: 'reports one value against two different patterns twice, as Gatekeeper does',
      yaml: namespace('{owner: bob}'),
      parameters: {
        labels: [
          { key: 'owner', allowedRegex: '^a' },
          { key: 'owner', allowedRegex: '^c' },
        ],
      },
      expect: [
        {
          messageId: 'badValue',
          line: 5,
          column: 12,
          message: 'Namespace "ns": Label <owner: bob> does not satisfy allowed regex: ^a',
        },
        {
          messageId: 'badValue',
          line: 5,
          column: 12,
          message: 'Namespace "ns": Label <owner: bob> does not satisfy allowed regex: ^c',
        },
      ],
    },
    {
      name: 'treats an empty allowedRegex as requiring only the key',
      yaml: namespace('{owner: anything at all}'),
      parameters: { labels: [{ key: 'owner', allowedRegex: '' }] },
      expect: [],
    },
    {
      name: 'refuses a value longer than a label may be without running the pattern',
      yaml: namespace(`{owner: ${'a'.repeat(64)}}`),
      parameters: { labels: [{ key: 'owner', allowedRegex: '^a+$' }] },
      expect: [{ messageId: 'badValue', line: 5, column: 12 }],
    },
    {
      name: 'reports an object without metadata at its root',
      yaml: 'apiVersion: v1\nkind: Namespace\n',
      parameters: { labels: [{ key: 'owner' }] },
      expect: [{ messageId: 'missing', line: 1, column: 1 }],
    },
  ],
});

describe('required-labels parameters', () => {
  const check = compileParameters(rule);
  it('names the entry whose pattern does not compile', () => {
    const result = check({ labels: [{ key: 'a' }, { key: 'b', allowedRegex: '(' }] });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors[0]?.message).toMatch(/^labels\[1\]\.allowedRegex "\(" is not a valid regular expression/);
  });
  it('names the entry whose key is not a valid label key', () => {
    const result = check({ labels: [{ key: 'example.com/' }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/^labels\[0\]\.key is not a valid label key/);
  });
  it('accepts prefixed keys and defaults to requiring nothing', () => {
    expect(check({ labels: [{ key: 'app.kubernetes.io/name' }] }).ok).toBe(true);
    expect(check({})).toEqual({ ok: true, value: { labels: [], message: '' } });
  });
});
