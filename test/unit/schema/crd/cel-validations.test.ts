import { describe, expect, it } from 'vitest';
import { runCelValidations } from '../../../../src/schema/crd/cel-validations.js';
import type { SchemaProblem } from '../../../../src/schema/types.js';
import type { Json } from './crds.js';

/** An object schema with these properties and rules. */
const object = (properties: Json, rules?: Json[], extra: Json = {}): Json => ({
  type: 'object',
  properties,
  ...(rules ? { 'x-kubernetes-validations': rules } : {}),
  ...extra,
});
const cel = (path: (string | number)[], message: string): SchemaProblem => ({ class: 'cel', path, message });

interface Case {
  name: string;
  value: unknown;
  schema: Json;
  problems: SchemaProblem[];
}

const typing: Case[] = [
  {
    name: 'a number field is a double even when written as a whole number',
    value: { ratio: 1 },
    schema: object({ ratio: { type: 'number' } }, [{ rule: 'self.ratio > 0.5 && type(self.ratio) == double' }]),
    problems: [],
  },
  {
    name: 'an integer field is an int',
    value: { count: 3 },
    schema: object({ count: { type: 'integer' } }, [{ rule: 'type(self.count) == int && self.count + 1 == 4' }]),
    problems: [],
  },
  {
    name: 'int-or-string is whichever the manifest holds',
    value: { port: 8080, target: 'http' },
    schema: object({
      port: { 'x-kubernetes-int-or-string': true, 'x-kubernetes-validations': [{ rule: 'type(self) == int' }] },
      target: { 'x-kubernetes-int-or-string': true, 'x-kubernetes-validations': [{ rule: 'type(self) == int' }] },
    }),
    problems: [cel(['target'], 'failed rule: type(self) == int')],
  },
  {
    name: 'has() is false for an absent field and for a null one',
    value: { note: null },
    schema: object({ note: { type: 'string', nullable: true }, other: { type: 'string' } }, [
      { rule: '!has(self.note) && !has(self.other)' },
    ]),
    problems: [],
  },
  {
    name: 'property names are escaped as the API server escapes them',
    value: { 'max-surge': 1, namespace: 'prod', 'a.b': true },
    schema: object({ 'max-surge': { type: 'integer' }, namespace: { type: 'string' }, 'a.b': { type: 'boolean' } }, [
      { rule: "self.max__dash__surge == 1 && self.__namespace__ == 'prod' && self.a__dot__b" },
    ]),
    problems: [],
  },
  {
    name: 'a map keeps its keys, and fields the schema does not declare are not there',
    value: { labels: { 'app.kubernetes.io/name': 'web' }, undeclared: 1 },
    schema: object({ labels: { type: 'object', additionalProperties: { type: 'string' } } }, [
      { rule: "self.labels['app.kubernetes.io/name'] == 'web' && !has(self.undeclared)" },
    ]),
    problems: [],
  },
  {
    name: 'date-time strings are timestamps and duration strings durations',
    value: { expires: '2030-01-02T03:04:05Z', every: '90s' },
    schema: object(
      { expires: { type: 'string', format: 'date-time' }, every: { type: 'string', format: 'duration' } },
      [
        { rule: "self.expires > timestamp('2029-12-31T00:00:00Z')" },
        { rule: "self.every > duration('1m') && self.every.getSeconds() == 90" },
      ],
    ),
    problems: [],
  },
  {
    name: 'quantities are strings, read with quantity()',
    value: { memory: '2Gi' },
    schema: object({ memory: { 'x-kubernetes-int-or-string': true } }, [
      { rule: "quantity(string(self.memory)).isLessThan(quantity('1Gi'))", message: 'memory must stay under 1Gi' },
    ]),
    problems: [cel([], 'memory must stay under 1Gi')],
  },
];

const placing: Case[] = [
  {
    name: 'a false rule without a message says which rule failed',
    value: { spec: { replicas: 12 } },
    schema: object({ spec: object({ replicas: { type: 'integer' } }, [{ rule: 'self.replicas <= 10' }]) }),
    problems: [cel(['spec'], 'failed rule: self.replicas <= 10')],
  },
  {
    name: 'a message is given trimmed',
    value: { replicas: 12 },
    schema: object({ replicas: { type: 'integer' } }, [
      { rule: 'self.replicas <= 10', message: ' at most 10 replicas ' },
    ]),
    problems: [cel([], 'at most 10 replicas')],
  },
  {
    name: 'a messageExpression gives the message; when it fails or gives nothing usable, the message or the rule does',
    value: { replicas: 12 },
    schema: object({ replicas: { type: 'integer' } }, [
      { rule: 'self.replicas <= 10', messageExpression: "'replicas is ' + string(self.replicas) + ', over 10'" },
      { rule: 'self.replicas <= 10', message: 'at most 10', messageExpression: 'self.missing' },
      { rule: 'self.replicas <= 10', message: 'no more than 10', messageExpression: "'  '" },
      { rule: 'self.replicas <= 10', messageExpression: "'two\\nlines'" },
    ]),
    problems: [
      cel([], 'replicas is 12, over 10'),
      cel([], 'at most 10'),
      cel([], 'no more than 10'),
      cel([], 'failed rule: self.replicas <= 10'),
    ],
  },
  {
    name: 'fieldPath places the problem below the rule, and a reason names the kind of error',
    value: { replicas: 12, labels: { tier: 'gold' } },
    schema: object(
      {
        replicas: { type: 'integer' },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        owner: { type: 'string' },
      },
      [
        { rule: 'self.replicas <= 10', message: 'too many', fieldPath: '.replicas', reason: 'FieldValueForbidden' },
        {
          rule: "self.labels.tier != 'gold'",
          message: 'no gold',
          fieldPath: ".labels['tier']",
          reason: 'FieldValueInvalid',
        },
        { rule: 'has(self.owner)', message: 'an owner is needed', reason: 'FieldValueRequired' },
      ],
    ),
    problems: [
      cel(['replicas'], 'Forbidden: too many'),
      cel(['labels', 'tier'], 'no gold'),
      cel([], 'Required value: an owner is needed'),
    ],
  },
  {
    name: 'rules on list items and map values run for each one',
    value: { ports: [{ port: 80 }, { port: 70000 }], labels: { a: 'x', b: 'too long' } },
    schema: object({
      ports: {
        type: 'array',
        items: object({ port: { type: 'integer' } }, [{ rule: 'self.port <= 65535', message: 'port out of range' }]),
      },
      labels: {
        type: 'object',
        additionalProperties: { type: 'string', 'x-kubernetes-validations': [{ rule: 'self.size() <= 3' }] },
      },
    }),
    problems: [cel(['ports', 1], 'port out of range'), cel(['labels', 'b'], 'failed rule: self.size() <= 3')],
  },
  {
    name: 'rules do not run on null values',
    value: { limit: null },
    schema: object({ limit: { type: 'integer', nullable: true, 'x-kubernetes-validations': [{ rule: 'self > 0' }] } }),
    problems: [],
  },
];

const defaulting: Case[] = [
  {
    name: "rules see the object with the schema's defaults applied, as the API server validates it",
    value: { tier: null, ports: [{ port: 80 }] },
    schema: object(
      {
        mode: { type: 'string', default: 'Fast' },
        tier: { type: 'string', default: 'bronze' },
        ports: {
          type: 'array',
          items: object({ port: { type: 'integer' }, protocol: { type: 'string', default: 'TCP' } }),
        },
      },
      [{ rule: "self.mode == 'Fast' && self.tier == 'bronze' && self.ports.all(p, p.protocol == 'TCP')" }],
    ),
    problems: [],
  },
];

const transitions: Case[] = [
  {
    name: 'a transition rule is skipped on create; with optionalOldSelf it runs with no old value',
    value: { mode: 'Fast' },
    schema: object({ mode: { type: 'string' } }, [
      { rule: 'self.mode == oldSelf.mode', message: 'mode is immutable' },
      { rule: 'oldSelf.hasValue()', optionalOldSelf: true, message: 'only updates may set this' },
      { rule: '!oldSelf.hasValue() || self.mode == oldSelf.value().mode', optionalOldSelf: true },
    ]),
    problems: [cel([], 'only updates may set this')],
  },
];

const failures: Case[] = [
  {
    name: 'a missing field is reported as the API server reports the error',
    value: {},
    schema: object({ replicas: { type: 'integer' } }, [{ rule: 'self.replicas > 1' }]),
    problems: [cel([], 'no such key: replicas evaluating rule: self.replicas > 1')],
  },
  {
    name: 'an index past the end names the rule by its message',
    value: { hosts: [] },
    schema: object({ hosts: { type: 'array', items: { type: 'string' } } }, [
      { rule: "self.hosts[0] != ''", message: 'the first host must be set' },
    ]),
    problems: [cel([], 'index out of bounds: 0 evaluating rule: the first host must be set')],
  },
  {
    name: 'an operator without an overload for the values (int-or-string) is reported with its signature',
    value: { port: 'http' },
    schema: object({ port: { 'x-kubernetes-int-or-string': true } }, [{ rule: 'self.port > 1024' }]),
    problems: [
      cel(
        [],
        "'no such overload: dyn<string> > int': call arguments did not match a supported operator, function or macro signature for rule: self.port > 1024",
      ),
    ],
  },
  {
    name: 'a rule that does not compile is left to the CRD check',
    value: { replicas: 1 },
    schema: object({ replicas: { type: 'integer' } }, [{ rule: 'self.replicas >' }]),
    problems: [],
  },
];

describe('runCelValidations on part of a resource', () => {
  it.each([...typing, ...placing, ...defaulting, ...transitions, ...failures])(
    '$name',
    ({ value, schema, problems }) => {
      expect(runCelValidations(value, schema, { resourceRoot: false })).toEqual(problems);
    },
  );
});

describe('runCelValidations on a resource', () => {
  const schema = object({ metadata: { type: 'object' }, spec: object({ tier: { type: 'string' } }) }, [
    { rule: "self.kind == 'Widget' && self.metadata.name.startsWith('web-')", message: 'widgets are named web-*' },
    { rule: '!has(self.metadata.labels)', message: 'labels are not visible to rules' },
  ]);

  it('shows apiVersion, kind, metadata.name and metadata.generateName at the root, and no other metadata', () => {
    const widget = {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'db-1', labels: { tier: 'gold' } },
      spec: { tier: 'gold' },
    };
    expect(runCelValidations(widget, schema)).toEqual([cel([], 'widgets are named web-*')]);
  });

  it("shows an embedded resource's metadata as declared when its schema declares apiVersion, kind, name and generateName", () => {
    const string = { type: 'string' };
    const embedded = object({
      template: object(
        {
          apiVersion: string,
          kind: string,
          metadata: object({
            name: string,
            generateName: string,
            labels: { type: 'object', additionalProperties: string },
          }),
        },
        [{ rule: "self.metadata.labels['app'] == 'web'", message: 'the template needs app=web' }],
        { 'x-kubernetes-embedded-resource': true },
      ),
    });
    const value = { template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { app: 'db' } } } };
    expect(runCelValidations(value, embedded, { resourceRoot: false })).toEqual([
      cel(['template'], 'the template needs app=web'),
    ]);
  });

  it('shows the same of an embedded resource', () => {
    const embedded = object({
      template: {
        type: 'object',
        'x-kubernetes-embedded-resource': true,
        'x-kubernetes-preserve-unknown-fields': true,
        'x-kubernetes-validations': [
          { rule: "self.kind == 'Pod' && self.metadata.name == 'p' && !has(self.metadata.namespace)" },
        ],
      },
    });
    const value = { template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' } } };
    expect(runCelValidations(value, embedded, { resourceRoot: false })).toEqual([]);
  });
});
