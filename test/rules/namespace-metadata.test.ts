import { describe, expect, it } from 'vitest';
import rule from '../../rules/namespace-metadata.js';
import { parseMoment, parseTtl, ttlEnd } from '../../src/kit/namespace-ttl.js';
import { ruleTester } from './rule-tester.js';

const namespace = (annotations: string) =>
  `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns\n  annotations: {owner: o, team: t, purpose: p${annotations}}\n`;
const NOW = { now: '2025-06-01T12:00:00Z' };

ruleTester(rule, {
  extraCases: [
    {
      name: 'accepts durations that combine units',
      yaml: namespace(', ttl: 1d12h'),
      parameters: NOW,
      expect: [],
    },
    {
      name: 'reports a blank TTL that is not required as unreadable',
      yaml: namespace(', ttl: ""'),
      parameters: NOW,
      expect: [
        {
          messageId: 'invalidTtl',
          line: 5,
          column: 48,
          message:
            'Namespace "ns" annotation "ttl" is "", neither a duration such as 72h or 30d nor a date such as 2025-06-30',
        },
      ],
    },
    {
      name: 'checks no TTL when ttlAnnotation is empty',
      yaml: namespace(', ttl: soon'),
      parameters: { ...NOW, ttlAnnotation: '' },
      expect: [],
    },
    {
      name: 'knows leap days',
      yaml: `${namespace(', ttl: "2028-02-29"')}---\n${namespace(', ttl: "2027-02-29"')}`,
      parameters: NOW,
      expect: [{ messageId: 'invalidTtl', line: 11, column: 48 }],
    },
    {
      name: 'reads a date-only now as midnight UTC',
      yaml: namespace(', ttl: "2025-05-31T23:59:59Z"'),
      parameters: { now: '2025-06-01' },
      expect: [
        {
          messageId: 'expired',
          line: 5,
          column: 48,
          message: 'Namespace "ns" expired on 2025-05-31T23:59:59Z (annotation "ttl" is "2025-05-31T23:59:59Z")',
        },
      ],
    },
    {
      name: 'searches a pattern in the value, so only an anchored one must match all of it',
      yaml: namespace('').replace('team: t', 'team: payments'),
      parameters: {
        annotations: [
          { key: 'team', pattern: 'pay' },
          { key: 'purpose', pattern: '^(p|q)x?$' },
          { key: 'owner', pattern: '^owner$' },
        ],
      },
      expect: [
        {
          messageId: 'patternMismatch',
          line: 5,
          column: 17,
          message: 'Namespace "ns" annotation "owner" is "o", which does not match /^owner$/',
        },
      ],
    },
    {
      name: 'does not search values longer than 1024 characters',
      yaml: namespace('').replace('purpose: p', `purpose: ${'p'.repeat(1025)}`),
      parameters: { annotations: [{ key: 'purpose', pattern: 'p' }] },
      expect: [
        {
          messageId: 'patternMismatch',
          line: 5,
          column: 36,
          message: `Namespace "ns" annotation "purpose" is "${'p'.repeat(79)}…", which does not match /p/`,
        },
      ],
    },
    {
      name: 'takes an annotation whose value is not a string as missing',
      yaml: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns\n  annotations: {owner: 7, team: t, purpose: p}\n',
      expect: [{ messageId: 'missing', line: 5, column: 17 }],
    },
    {
      name: 'cannot expire a duration without a creation time',
      yaml: namespace(', ttl: 1s'),
      parameters: { now: '2999-01-01' },
      expect: [],
    },
  ],
});

describe('reading TTLs', () => {
  it.each([
    ['72h', 72 * 3_600_000],
    ['30d', 30 * 86_400_000],
    ['1w', 7 * 86_400_000],
    ['90m', 90 * 60_000],
    ['1h30m', 90 * 60_000],
  ])('reads the duration %s', (text, milliseconds) => {
    expect(parseTtl(text)).toEqual({ kind: 'duration', milliseconds });
  });

  it.each([
    '',
    '0d',
    '-1d',
    '1.5h',
    '1y',
    'h',
    '30 d',
    '2025-13-01',
    '2025-06-31',
    '2025-06-01T24:00:00Z',
    '2025-06-01 10:00',
  ])('refuses %j', (text) => {
    expect(parseTtl(text)).toBeUndefined();
  });

  it('lets a date-only TTL run to the end of that day, UTC', () => {
    expect(parseTtl('2025-06-01')).toMatchObject({ kind: 'date', ends: Date.parse('2025-06-02T00:00:00Z') });
  });

  it('counts a duration from the creation time, when there is one', () => {
    const ttl = parseTtl('1d')!;
    expect(ttlEnd(ttl, '2025-06-01T00:00:00Z')).toBe(Date.parse('2025-06-02T00:00:00Z'));
    expect(ttlEnd(ttl, undefined)).toBeUndefined();
    expect(ttlEnd(ttl, 'not a date')).toBeUndefined();
  });

  it('reads the moment to compare with', () => {
    expect(parseMoment('2025-06-01')).toBe(Date.parse('2025-06-01T00:00:00Z'));
    expect(parseMoment('2025-06-01T10:00:00+02:00')).toBe(Date.parse('2025-06-01T08:00:00Z'));
    expect(parseMoment('tomorrow')).toBeUndefined();
  });
});
