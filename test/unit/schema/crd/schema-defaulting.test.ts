import { describe, expect, it } from 'vitest';
import { applyDefaults } from '../../../../src/schema/crd/schema-defaulting.js';
import { resolveFieldPath } from '../../../../src/schema/crd/rule-field-path.js';

const schema = {
  type: 'object',
  properties: {
    mode: { type: 'string', default: 'Fast' },
    note: { type: 'string', nullable: true, default: 'none' },
    limits: { type: 'object', default: {}, properties: { cpu: { type: 'string', default: '1' } } },
    ports: {
      type: 'array',
      items: {
        type: 'object',
        properties: { protocol: { type: 'string', default: 'TCP' }, port: { type: 'integer' } },
      },
    },
    labels: {
      type: 'object',
      additionalProperties: { type: 'object', properties: { on: { type: 'boolean', default: true } } },
    },
  },
};

describe('applyDefaults', () => {
  it('fills absent fields, and null ones the schema does not allow null, inside lists and maps too', () => {
    const value = { mode: null, note: null, ports: [{ port: 80 }], labels: { a: {} } };
    expect(applyDefaults(value, schema)).toEqual({
      mode: 'Fast',
      note: null,
      limits: { cpu: '1' },
      ports: [{ port: 80, protocol: 'TCP' }],
      labels: { a: { on: true } },
    });
    expect(value).toEqual({ mode: null, note: null, ports: [{ port: 80 }], labels: { a: {} } });
  });

  it('gives back the same value when nothing is missing', () => {
    const value = { mode: 'Safe', note: 'x', limits: { cpu: '2' }, ports: [{ protocol: 'UDP' }], labels: {} };
    expect(applyDefaults(value, schema)).toBe(value);
  });
});

describe('resolveFieldPath', () => {
  it('follows .name and quoted keys, with escapes, through properties and maps', () => {
    const node = {
      type: 'object',
      properties: { labels: { type: 'object', additionalProperties: { type: 'string' } } },
    };
    expect(resolveFieldPath(".labels['it\\'s']", node)).toEqual({
      path: ['labels', "it's"],
      schema: { type: 'string' },
    });
    expect(resolveFieldPath(".labels['a\\qb']", node)).toEqual({ error: '\\q is not an escape sequence' });
    expect(resolveFieldPath('.labels.', node)).toEqual({ error: 'it ends too early' });
  });
});
