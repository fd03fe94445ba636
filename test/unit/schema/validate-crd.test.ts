/**
 * Custom resources: a manifest checked against its CRD's structural schema
 * as the apiextensions server checks it: unknown fields pruned (and refused
 * under strict field validation), nulls dropped, defaults applied, then the
 * OpenAPI value validations, list types and embedded resources.
 */
import { describe, expect, it } from 'vitest';
import type { ObjectPath } from '../../../src/model/types.js';
import { validateAgainstSchema, type ValidateOptions } from '../../../src/schema/validate.js';
import type { SchemaNode, SchemaProblem } from '../../../src/schema/types.js';

const EMBEDDED: SchemaNode = {
  type: 'object',
  'x-kubernetes-embedded-resource': true,
  'x-kubernetes-preserve-unknown-fields': true,
};

const SPEC: SchemaNode = {
  type: 'object',
  required: ['host'],
  properties: {
    host: { type: 'string', maxLength: 10, pattern: '^[a-z.]+$' },
    replicas: { type: 'integer', minimum: 1, maximum: 5, default: 1 },
    ratio: { type: 'number', exclusiveMinimum: true, minimum: 0, exclusiveMaximum: true, maximum: 1 },
    step: { type: 'integer', multipleOf: 5 },
    port: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
    mode: { type: 'string', enum: ['Fast', 'Safe'] },
    team: { type: 'string', pattern: '(?i)^team-[a-z]+$' },
    region: { type: 'string', pattern: 'eu' },
    note: { type: 'string', nullable: true },
    comment: { type: 'string' },
    level: { type: 'string', default: 'info' },
    args: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 3 },
    tags: { type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'set' },
    routes: {
      type: 'array',
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['port', 'protocol'],
      items: {
        type: 'object',
        required: ['port'],
        properties: { port: { type: 'integer' }, protocol: { type: 'string', default: 'TCP' } },
      },
    },
    env: {
      type: 'array',
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['name'],
      items: { type: 'object', properties: { name: { type: 'string' }, value: { type: 'string' } } },
    },
    selector: { type: 'object', additionalProperties: { type: 'string' }, minProperties: 1, maxProperties: 2 },
    settings: {
      type: 'object',
      'x-kubernetes-preserve-unknown-fields': true,
      properties: { timeout: { type: 'integer' } },
    },
    empty: { type: 'object' },
    tls: {
      type: 'object',
      default: {},
      required: ['secretName'],
      properties: { secretName: { type: 'string' } },
    },
    storage: {
      type: 'object',
      default: {},
      properties: {
        size: { type: 'string', default: '1Gi' },
        class: { type: 'object', default: {}, properties: { name: { type: 'string', default: 'standard' } } },
      },
      required: ['size'],
    },
    id: { type: 'string', format: 'uuid' },
    when: { type: 'string', format: 'date-time' },
    slug: { type: 'string', format: 'k8s-short-name' },
    shade: { type: 'string', format: 'no-such-format' },
    data: { type: 'string', format: 'byte' },
    emoji: { type: 'string', maxLength: 2, minLength: 2 },
    either: {
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'string' } },
      oneOf: [{ required: ['a'] }, { required: ['b'] }],
    },
    any: {
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'string' } },
      anyOf: [{ required: ['a'] }, { required: ['b'] }],
    },
    all: {
      type: 'integer',
      allOf: [{ minimum: 1 }, { multipleOf: 2 }],
    },
    notFoo: { type: 'string', not: { enum: ['foo'] } },
    template: EMBEDDED,
    checked: {
      type: 'string',
      'x-kubernetes-validations': [{ rule: 'self == "never"', message: 'never' }],
    },
  },
};

const RESOURCE: SchemaNode = {
  type: 'object',
  properties: {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: { type: 'object', properties: { name: { type: 'string', maxLength: 12 } } },
    spec: SPEC,
  },
};

function check(spec: Record<string, unknown>, options: Partial<ValidateOptions> = {}): SchemaProblem[] {
  // A key given as undefined is left out, so a row can drop one of the base fields.
  const base = { host: 'a.b', tls: { secretName: 's' } };
  const resource = {
    apiVersion: 'example.com/v1',
    kind: 'Widget',
    metadata: { name: 'w' },
    spec: { ...base, ...spec },
  };
  return validateAgainstSchema(JSON.parse(JSON.stringify(resource)), RESOURCE, { mode: 'crd', ...options });
}

const problem = (cls: SchemaProblem['class'], path: ObjectPath, message: string): SchemaProblem => ({
  class: cls,
  path: ['spec', ...path],
  message,
});

interface Row {
  readonly behaviour: string;
  readonly spec: Record<string, unknown>;
  readonly problems: readonly SchemaProblem[];
}

const ROWS: readonly Row[] = [
  {
    behaviour: 'an unknown field is refused at its key, with the closest known field',
    spec: { replica: 2 },
    problems: [problem('unknown-field', ['replica'], 'unknown field "replica" (did you mean "replicas"?)')],
  },
  {
    behaviour: 'an object schema without properties has no fields at all',
    spec: { empty: { anything: 1 } },
    problems: [problem('unknown-field', ['empty', 'anything'], 'unknown field "anything"')],
  },
  {
    behaviour: 'x-kubernetes-preserve-unknown-fields keeps unknown fields but checks the declared ones',
    spec: { settings: { color: 'red', timeout: 'soon' } },
    problems: [problem('type', ['settings', 'timeout'], '"timeout" must be an integer, not the string "soon"')],
  },
  {
    behaviour: 'map values (additionalProperties) are checked, their keys are free',
    spec: { selector: { app: 3 } },
    problems: [problem('type', ['selector', 'app'], '"app" must be a string, not the number 3')],
  },
  {
    behaviour: 'a fraction where an integer belongs is a type error',
    spec: { replicas: 2.5 },
    problems: [problem('type', ['replicas'], '"replicas" must be an integer, not the number 2.5')],
  },
  {
    behaviour: 'int-or-string takes an integer or a string and nothing else',
    spec: { port: true },
    problems: [problem('type', ['port'], '"port" must be an integer or a string, not the boolean true')],
  },
  {
    behaviour: 'int-or-string with its anyOf accepts a string',
    spec: { port: 'http' },
    problems: [],
  },
  {
    behaviour: 'null for a nullable field is kept and accepted',
    spec: { note: null },
    problems: [],
  },
  {
    behaviour: 'null for a field that is not nullable is dropped, as if absent',
    spec: { comment: null },
    problems: [],
  },
  {
    behaviour: 'null for a required field that is not nullable is dropped, so the field is missing',
    spec: { host: null },
    problems: [problem('required', [], '"host" is required')],
  },
  {
    behaviour: 'null for a field with a default takes the default (here one that lacks a required field)',
    spec: { replicas: null, tls: null },
    problems: [problem('required', ['tls'], '"secretName" is required')],
  },
  {
    behaviour: 'null in a list of strings is a type error at the item',
    spec: { args: ['a', null] },
    problems: [problem('type', ['args', 1], '"args[1]" must be a string, not null')],
  },
  {
    behaviour: 'a default fills a missing required field, also inside a defaulted object',
    spec: { tls: undefined },
    problems: [problem('required', ['tls'], '"secretName" is required')],
  },
  {
    behaviour: 'a required field given inside an object with a default is satisfied',
    spec: { tls: { secretName: 's' }, storage: { class: {} } },
    problems: [],
  },
  {
    behaviour: 'an enum refuses other values, naming the allowed ones',
    spec: { mode: 'fast' },
    problems: [problem('value', ['mode'], '"mode" must be one of "Fast", "Safe", not "fast"')],
  },
  {
    behaviour: 'a pattern with RE2 syntax ((?i)) is honoured',
    spec: { team: 'TEAM-Blue' },
    problems: [],
  },
  {
    behaviour: 'a pattern is searched anywhere in the string, as Go does',
    spec: { region: 'west-eu-1' },
    problems: [],
  },
  {
    behaviour: 'a string that does not match its pattern is a value error',
    spec: { team: 'blue' },
    problems: [problem('value', ['team'], '"team" must match the pattern "(?i)^team-[a-z]+$", not "blue"')],
  },
  {
    behaviour: 'maxLength is checked before the pattern, and only the first string problem is reported',
    spec: { host: 'WAY.TOO.LONG.HOST' },
    problems: [problem('value', ['host'], '"host" must be at most 10 characters long, not 17')],
  },
  {
    behaviour: 'lengths count Unicode code points',
    spec: { emoji: '😀😀' },
    problems: [],
  },
  {
    behaviour: 'minLength refuses a shorter string',
    spec: { emoji: '😀' },
    problems: [problem('value', ['emoji'], '"emoji" must be at least 2 characters long, not 1')],
  },
  {
    behaviour: 'minimum and maximum bound a number',
    spec: { replicas: 9 },
    problems: [problem('value', ['replicas'], '"replicas" must be at most 5, not 9')],
  },
  {
    behaviour: 'exclusive bounds refuse the bound itself',
    spec: { ratio: 0 },
    problems: [problem('value', ['ratio'], '"ratio" must be greater than 0, not 0')],
  },
  {
    behaviour: 'an exclusive maximum refuses the bound itself',
    spec: { ratio: 1 },
    problems: [problem('value', ['ratio'], '"ratio" must be less than 1, not 1')],
  },
  {
    behaviour: 'multipleOf refuses a number that is not a multiple',
    spec: { step: 12 },
    problems: [problem('value', ['step'], '"step" must be a multiple of 5, not 12')],
  },
  {
    behaviour: 'minItems and maxItems bound a list',
    spec: { args: ['a', 'b', 'c', 'd'] },
    problems: [problem('value', ['args'], '"args" must have at most 3 items, not 4')],
  },
  {
    behaviour: 'minProperties bounds a map',
    spec: { selector: {} },
    problems: [problem('value', ['selector'], '"selector" must have at least 1 entry, not 0')],
  },
  {
    behaviour: 'maxProperties bounds a map',
    spec: { selector: { a: 'a', b: 'b', c: 'c' } },
    problems: [problem('value', ['selector'], '"selector" must have at most 2 entries, not 3')],
  },
  {
    behaviour: 'a CRD format is checked (uuid)',
    spec: { id: 'not-a-uuid' },
    problems: [problem('value', ['id'], '"id" must be a UUID, not "not-a-uuid"')],
  },
  {
    behaviour: 'a CRD date-time follows strfmt (a lower-case t is fine there)',
    spec: { when: '2024-01-02t03:04:05z' },
    problems: [],
  },
  {
    behaviour: 'a CRD date-time that is not one is a value error',
    spec: { when: '2024-01-02 03:04' },
    problems: [
      problem(
        'value',
        ['when'],
        '"when" must be an RFC 3339 date-time such as "2024-01-31T15:04:05Z", not "2024-01-02 03:04"',
      ),
    ],
  },
  {
    behaviour: 'a CRD byte field refuses the empty string (strfmt base64)',
    spec: { data: '' },
    problems: [problem('value', ['data'], '"data" must be base64-encoded data, not ""')],
  },
  {
    behaviour: 'an unknown format is ignored',
    spec: { shade: 'anything at all' },
    problems: [],
  },
  {
    behaviour: 'k8s-short-name is checked on current releases',
    spec: { slug: 'Not_Short' },
    problems: [problem('value', ['slug'], '"slug" must be a lowercase name of at most 63 characters, not "Not_Short"')],
  },
  {
    behaviour: 'oneOf refuses a value that satisfies none',
    spec: { either: {} },
    problems: [
      problem(
        'value',
        ['either'],
        '"either" must satisfy exactly one of the "oneOf" schemas, but satisfies none: "a" is required; or "b" is required',
      ),
    ],
  },
  {
    behaviour: 'oneOf refuses a value that satisfies two',
    spec: { either: { a: 'x', b: 'y' } },
    problems: [
      problem('value', ['either'], '"either" must satisfy exactly one of the "oneOf" schemas, but satisfies 2'),
    ],
  },
  {
    behaviour: 'anyOf accepts a value that satisfies one',
    spec: { any: { b: 'y' } },
    problems: [],
  },
  {
    behaviour: 'anyOf refuses a value that satisfies none, saying why',
    spec: { any: {} },
    problems: [
      problem('value', ['any'], '"any" must satisfy one of the "anyOf" schemas: "a" is required; or "b" is required'),
    ],
  },
  {
    behaviour: 'allOf reports what each branch refuses',
    spec: { all: -1 },
    problems: [
      problem('value', ['all'], '"all" must be at least 1, not -1'),
      problem('value', ['all'], '"all" must be a multiple of 2, not -1'),
    ],
  },
  {
    behaviour: 'not refuses a value its schema accepts',
    spec: { notFoo: 'foo' },
    problems: [problem('value', ['notFoo'], '"notFoo" must not satisfy the "not" schema')],
  },
  {
    behaviour: 'a set refuses a repeated entry (an error for a CRD), reported once at its second copy',
    spec: { tags: ['a', 'b', 'a', 'a'] },
    problems: [problem('duplicate', ['tags', 2], 'duplicate entry "a" in "tags"')],
  },
  {
    behaviour: 'a list map refuses a repeated key, after defaults fill the key fields',
    spec: { routes: [{ port: 80 }, { port: 80, protocol: 'TCP' }, { port: 80, protocol: 'UDP' }] },
    problems: [problem('duplicate', ['routes', 1], 'duplicate entry with port 80 and protocol "TCP" in "routes"')],
  },
  {
    behaviour: 'list-map entries without the key field share one key',
    spec: { env: [{ value: 'a' }, { value: 'b' }] },
    problems: [problem('duplicate', ['env', 1], 'duplicate entry with no "name" in "env"')],
  },
  {
    behaviour: 'x-kubernetes-validations rules are left to the CEL engine',
    spec: { checked: 'sometimes' },
    problems: [],
  },
  {
    behaviour: 'an embedded resource needs apiVersion and kind, and its metadata is an ObjectMeta',
    spec: { template: { metadata: { name: 'x', lables: {} }, spec: { anything: true } } },
    problems: [
      problem('unknown-field', ['template', 'metadata', 'lables'], 'unknown field "lables" (did you mean "labels"?)'),
      problem('required', ['template'], '"apiVersion" is required'),
      problem('required', ['template'], '"kind" is required'),
    ],
  },
  {
    behaviour: "an embedded resource's kind, name and labels are checked as an object's are",
    spec: {
      template: { apiVersion: 'v1', kind: 'Config_Map', metadata: { name: 'a/b', labels: { app: 'bad value' } } },
    },
    problems: [
      problem(
        'value',
        ['template', 'kind'],
        '"kind" must be a letter followed by letters, digits or inner dashes (63 at most), not "Config_Map"',
      ),
      problem('value', ['template', 'metadata', 'name'], '"name" may not contain "/" or "%", not "a/b"'),
      problem(
        'value',
        ['template', 'metadata', 'labels', 'app'],
        'label "app" is not a valid label value ("bad value"): it must be empty or 1-63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit',
      ),
    ],
  },
  {
    behaviour: 'a well-formed embedded resource passes',
    spec: { template: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: {} } },
    problems: [],
  },
];

describe('validateAgainstSchema, custom resources', () => {
  it.each(ROWS)('$behaviour', ({ spec, problems }) => {
    expect(check(spec)).toEqual(problems);
  });

  it('ignores formats a release does not know yet (k8s-short-name before 1.34)', () => {
    expect(check({ slug: 'Not_Short' }, { release: '1.33' })).toEqual([]);
  });

  it('reads metadata of the resource as an ObjectMeta, and applies what the CRD says of its name', () => {
    const resource = {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'a-much-too-long-name', labelz: {}, generation: 'one' },
      spec: { host: 'a', tls: { secretName: 's' } },
    };
    expect(validateAgainstSchema(resource, RESOURCE, { mode: 'crd' })).toEqual([
      {
        class: 'unknown-field',
        path: ['metadata', 'labelz'],
        message: 'unknown field "labelz" (did you mean "labels"?)',
      },
      {
        class: 'type',
        path: ['metadata', 'generation'],
        message: '"generation" must be an integer, not the string "one"',
      },
      {
        class: 'value',
        path: ['metadata', 'name'],
        message: '"name" must be at most 12 characters long, not 20',
      },
    ]);
  });

  it('does not count unknown fields, which are pruned, against maxProperties', () => {
    expect(check({ selector: { a: 'a', b: 'b' }, replica: 1 })).toEqual([
      problem('unknown-field', ['replica'], 'unknown field "replica" (did you mean "replicas"?)'),
    ]);
  });

  it('does not change the value it checks', () => {
    const spec = Object.freeze({
      host: null,
      tls: Object.freeze({}),
      routes: Object.freeze([Object.freeze({ port: 1 })]),
    });
    const resource = Object.freeze({ apiVersion: 'example.com/v1', kind: 'Widget', spec });
    expect(() => validateAgainstSchema(resource, RESOURCE, { mode: 'crd' })).not.toThrow();
    expect(resource.spec).toEqual({ host: null, tls: {}, routes: [{ port: 1 }] });
  });

  it('checks a part of a resource at its path, without treating it as a resource', () => {
    expect(
      validateAgainstSchema({ host: 'a', tls: { secretName: 's' }, apiVersion: 'v1' }, SPEC, {
        mode: 'crd',
        path: ['spec'],
      }),
    ).toEqual([problem('unknown-field', ['apiVersion'], 'unknown field "apiVersion"')]);
  });
});
