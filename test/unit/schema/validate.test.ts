/**
 * Built-in kinds: a manifest checked as the API server decodes it into Go
 * types with strict field validation. Schemas are written by hand in the
 * shapes the published ones take (`allOf: [{$ref}]` wrappers, formats,
 * list-map keys); the last block reads the published 1.35 schemas.
 */
import { describe, expect, it } from 'vitest';
import type { ObjectPath } from '../../../src/model/types.js';
import { validateAgainstSchema } from '../../../src/schema/validate.js';
import type { SchemaNode, SchemaProblem } from '../../../src/schema/types.js';
import { ORACLE, ORACLE_FILE } from './oracle.js';

const PORT: SchemaNode = {
  type: 'object',
  required: ['containerPort'],
  properties: {
    name: { type: 'string' },
    containerPort: { type: 'integer', format: 'int32', default: 0 },
    protocol: { type: 'string', default: 'TCP' },
  },
};

const DEFINITIONS: Readonly<Record<string, SchemaNode>> = {
  Port: PORT,
  Quantity: { oneOf: [{ type: 'string' }, { type: 'number' }], format: 'quantity' },
  PublishedQuantity: { oneOf: [{ type: 'string' }, { type: 'number' }] },
  IntOrString: { format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] },
  Time: { type: 'string', format: 'date-time' },
  Raw: { type: 'object' },
};

const resolve = (ref: string): SchemaNode | undefined => DEFINITIONS[ref.slice(ref.lastIndexOf('/') + 1)];
const ref = (name: string): SchemaNode => ({ allOf: [{ $ref: `#/components/schemas/${name}` }] });

/** A container-like object with one field of each kind the rows exercise. */
const SPEC: SchemaNode = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string' },
    replicas: { type: 'integer', format: 'int32' },
    generation: { type: 'integer', format: 'int64' },
    ratio: { type: 'number', format: 'double' },
    paused: { type: 'boolean' },
    args: { type: 'array', items: { type: 'string' } },
    ports: {
      type: 'array',
      items: ref('Port'),
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['containerPort', 'protocol'],
    },
    finalizers: { type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'set' },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    limits: { type: 'object', additionalProperties: ref('Quantity') },
    published: ref('PublishedQuantity'),
    targetPort: ref('IntOrString'),
    since: ref('Time'),
    data: { type: 'string', format: 'byte' },
    raw: ref('Raw'),
    free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
    policy: { type: 'string', enum: ['Always', 'Never', 'IfNotPresent'] },
    missing: ref('NotDefined'),
    strategy: { ...ref('Port'), default: {} },
  },
};

function check(value: Record<string, unknown>, path?: ObjectPath): SchemaProblem[] {
  return validateAgainstSchema({ name: 'web', ...value }, SPEC, { mode: 'builtin', resolve, ...(path && { path }) });
}

const problem = (cls: SchemaProblem['class'], path: ObjectPath, message: string): SchemaProblem => ({
  class: cls,
  path,
  message,
});

interface Row {
  readonly behaviour: string;
  readonly value: Record<string, unknown>;
  readonly problems: readonly SchemaProblem[];
}

const ROWS: readonly Row[] = [
  {
    behaviour: 'an unknown field is refused at its key, with the closest known field',
    value: { replcas: 2 },
    problems: [problem('unknown-field', ['replcas'], 'unknown field "replcas" (did you mean "replicas"?)')],
  },
  {
    behaviour: 'an unknown field far from every known one gets no suggestion',
    value: { specDOESNOTEXIST: {} },
    problems: [problem('unknown-field', ['specDOESNOTEXIST'], 'unknown field "specDOESNOTEXIST"')],
  },
  {
    behaviour: 'a field of a referenced definition is known through the allOf wrapper',
    value: { ports: [{ containerPort: 80, protcol: 'UDP' }] },
    problems: [problem('unknown-field', ['ports', 0, 'protcol'], 'unknown field "protcol" (did you mean "protocol"?)')],
  },
  {
    behaviour: 'the keys of a map (additionalProperties) are free',
    value: { labels: { anything: 'x', 'example.com/else': 'y' } },
    problems: [],
  },
  {
    behaviour: 'an object schema without properties takes any map (RawExtension)',
    value: { raw: { whatever: { nested: true } } },
    problems: [],
  },
  {
    behaviour: 'x-kubernetes-preserve-unknown-fields keeps unknown fields',
    value: { free: { a: 1 } },
    problems: [],
  },
  {
    behaviour: 'a string where an integer belongs is a type error at the value',
    value: { replicas: '3' },
    problems: [problem('type', ['replicas'], '"replicas" must be an integer, not the string "3"')],
  },
  {
    behaviour: 'a fraction where an integer belongs is a type error',
    value: { replicas: 1.5 },
    problems: [problem('type', ['replicas'], '"replicas" must be an integer, not the number 1.5')],
  },
  {
    behaviour: 'a whole number written 3.0 is an integer (YAML to JSON turns it into 3)',
    value: { replicas: 3.0 },
    problems: [],
  },
  {
    behaviour: 'an int32 field refuses a number beyond 32 bits',
    value: { replicas: 3_000_000_000 },
    problems: [
      problem(
        'value',
        ['replicas'],
        '"replicas" must fit in a 32-bit integer (-2147483648 to 2147483647), not 3000000000',
      ),
    ],
  },
  {
    behaviour: 'an int64 field takes a number beyond 32 bits but not beyond 64',
    value: { generation: 3_000_000_000, ratio: 1e30 },
    problems: [],
  },
  {
    behaviour: 'an int64 field refuses a number beyond 64 bits',
    value: { generation: 1e19 },
    problems: [problem('value', ['generation'], '"generation" must fit in a 64-bit integer, not 10000000000000000000')],
  },
  {
    behaviour: 'a number field takes an integer',
    value: { ratio: 2 },
    problems: [],
  },
  {
    behaviour: 'a string where a boolean belongs is a type error',
    value: { paused: 'true' },
    problems: [problem('type', ['paused'], '"paused" must be a boolean, not the string "true"')],
  },
  {
    behaviour: 'a boolean where a string belongs is a type error',
    value: { args: ['--verbose', true] },
    problems: [problem('type', ['args', 1], '"args[1]" must be a string, not the boolean true')],
  },
  {
    behaviour: 'a map where a list belongs is a type error',
    value: { ports: { containerPort: 80 } },
    problems: [problem('type', ['ports'], '"ports" must be a list, not a map')],
  },
  {
    behaviour: 'a list where a map belongs is a type error',
    value: { labels: ['app=web'] },
    problems: [problem('type', ['labels'], '"labels" must be a map, not a list')],
  },
  {
    behaviour: 'int-or-string takes an integer or a string',
    value: { targetPort: 'http' },
    problems: [],
  },
  {
    behaviour: 'int-or-string refuses a fraction and a boolean',
    value: { targetPort: 1.5 },
    problems: [problem('type', ['targetPort'], '"targetPort" must be an integer or a string, not the number 1.5')],
  },
  {
    behaviour: 'int-or-string holds a 32-bit integer',
    value: { targetPort: 2 ** 31 },
    problems: [
      problem(
        'value',
        ['targetPort'],
        '"targetPort" must fit in a 32-bit integer (-2147483648 to 2147483647), not 2147483648',
      ),
    ],
  },
  {
    behaviour: 'a quantity is a number or a string of quantity syntax (spaces around it are trimmed)',
    value: { limits: { cpu: '500m', memory: ' 1Gi ', gpu: 1, half: 0.5, huge: '1e101', zero: '0' } },
    problems: [],
  },
  {
    behaviour: 'a quantity string of the wrong syntax is a value error',
    value: { limits: { memory: '1Gb', cpu: 'lots', empty: '' } },
    problems: [
      problem('value', ['limits', 'memory'], '"memory" must be a quantity such as "500m" or "1Gi", not "1Gb"'),
      problem('value', ['limits', 'cpu'], '"cpu" must be a quantity such as "500m" or "1Gi", not "lots"'),
      problem('value', ['limits', 'empty'], '"empty" must be a quantity such as "500m" or "1Gi", not ""'),
    ],
  },
  {
    behaviour: 'a quantity that is neither a string nor a number is a type error',
    value: { limits: { cpu: true } },
    problems: [
      problem(
        'type',
        ['limits', 'cpu'],
        '"cpu" must be a quantity (a string such as "500m", or a number), not the boolean true',
      ),
    ],
  },
  {
    behaviour: 'a field typed only by oneOf takes any of its types',
    value: { published: 2 },
    problems: [],
  },
  {
    behaviour: 'a field typed only by oneOf refuses the other types',
    value: { published: { amount: 2 } },
    problems: [problem('type', ['published'], '"published" must be a string or a number, not a map')],
  },
  {
    behaviour: 'a date-time is read as Go reads RFC 3339 (a one-digit hour, a comma fraction, an offset)',
    value: { since: '2024-01-02T3:04:05,5+01:00' },
    problems: [],
  },
  {
    behaviour: 'a date-time that is not RFC 3339 is a value error',
    value: { since: 'yesterday' },
    problems: [
      problem(
        'value',
        ['since'],
        '"since" must be an RFC 3339 date-time such as "2024-01-31T15:04:05Z", not "yesterday"',
      ),
    ],
  },
  {
    behaviour: 'a date-time with a lower-case t is a value error',
    value: { since: '2024-01-02t03:04:05Z' },
    problems: [
      problem(
        'value',
        ['since'],
        '"since" must be an RFC 3339 date-time such as "2024-01-31T15:04:05Z", not "2024-01-02t03:04:05Z"',
      ),
    ],
  },
  {
    behaviour: 'a date-time with a day the month lacks is a value error',
    value: { since: '2023-02-29T00:00:00Z' },
    problems: [
      problem(
        'value',
        ['since'],
        '"since" must be an RFC 3339 date-time such as "2024-01-31T15:04:05Z", not "2023-02-29T00:00:00Z"',
      ),
    ],
  },
  {
    behaviour: 'a byte field takes padded standard base64, and the empty string',
    value: { data: 'aGVsbG8=' },
    problems: [],
  },
  {
    behaviour: 'a byte field refuses what is not padded base64',
    value: { data: 'aGVsbG8' },
    problems: [problem('value', ['data'], '"data" must be base64-encoded data, not "aGVsbG8"')],
  },
  {
    behaviour: 'null for an optional field leaves it unset',
    value: { replicas: null, since: null, ports: null, labels: { a: null } },
    problems: [],
  },
  {
    behaviour: 'null for a required field counts as missing, reported at the parent',
    value: { name: null },
    problems: [problem('required', [], '"name" is required')],
  },
  {
    behaviour: 'a missing required field is reported at its parent, naming it (a default does not fill it)',
    value: { ports: [{ name: 'http' }] },
    problems: [problem('required', ['ports', 0], '"containerPort" is required')],
  },
  {
    behaviour: 'an enum refuses other values, naming the allowed ones',
    value: { policy: 'always' },
    problems: [problem('value', ['policy'], '"policy" must be one of "Always", "Never", "IfNotPresent", not "always"')],
  },
  {
    behaviour: 'a repeated list-map key is only a warning for a built-in kind',
    value: { ports: [{ containerPort: 80 }, { containerPort: 443 }, { containerPort: 80, protocol: 'TCP' }] },
    problems: [
      {
        class: 'duplicate',
        path: ['ports', 2],
        message: 'duplicate entry with containerPort 80 and protocol "TCP" in "ports"',
        warningOnly: true,
      },
    ],
  },
  {
    behaviour: 'list-map entries that differ in a key field are not duplicates',
    value: { ports: [{ containerPort: 53 }, { containerPort: 53, protocol: 'UDP' }] },
    problems: [],
  },
  {
    behaviour: 'a built-in set may repeat (the API server accepts it)',
    value: { finalizers: ['a', 'a'] },
    problems: [],
  },
  {
    behaviour: 'a definition the resolver does not know checks nothing',
    value: { missing: { anything: 1 } },
    problems: [],
  },
  {
    behaviour: 'problems inside a field with a default are still reported',
    value: { strategy: { containerPort: 'eighty' } },
    problems: [
      problem('type', ['strategy', 'containerPort'], '"containerPort" must be an integer, not the string "eighty"'),
    ],
  },
];

describe('validateAgainstSchema, built-in kinds', () => {
  it.each(ROWS)('$behaviour', ({ value, problems }) => {
    expect(check(value)).toEqual(problems);
  });

  it('puts the given path in front of every problem', () => {
    expect(check({ replicas: 'x' }, ['spec', 'template'])).toEqual([
      problem('type', ['spec', 'template', 'replicas'], '"replicas" must be an integer, not the string "x"'),
    ]);
  });

  it('names the root "the object" when the whole value has the wrong type', () => {
    expect(validateAgainstSchema(['a'], SPEC, { mode: 'builtin', resolve })).toEqual([
      problem('type', [], 'the object must be a map, not a list'),
    ]);
  });

  it('reports problems of one value in document order, at every depth', () => {
    const problems = check({ zzz: 1, replicas: 'x', ports: [{ containerPort: 'y' }] });
    expect(problems.map((found) => found.path)).toEqual([['zzz'], ['replicas'], ['ports', 0, 'containerPort']]);
  });
});

const PUBLISHED_DEPLOYMENT = 'io.k8s.api.apps.v1.Deployment';

function deployment(spec: Record<string, unknown>): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' }, creationTimestamp: null },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] },
      },
      ...spec,
    },
  };
}

if (!ORACLE) console.warn(`Skipping the published-schema tests: ${ORACLE_FILE} is absent.`);

describe.skipIf(!ORACLE)('validateAgainstSchema, the published 1.35 Deployment schema', () => {
  const schemas = ORACLE!;
  const validate = (value: unknown): SchemaProblem[] =>
    validateAgainstSchema(value, schemas.definition(PUBLISHED_DEPLOYMENT), {
      mode: 'builtin',
      resolve: schemas.resolve,
    });

  it('finds nothing in a valid Deployment', () => {
    expect(validate(deployment({ strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } } }))).toEqual([]);
  });

  it('finds a missing selector, an unknown field, a wrong type and a bad quantity at their places', () => {
    const container = {
      name: 'web',
      image: 'nginx',
      resouces: {},
      resources: { limits: { cpu: 'lots' } },
      env: [{ name: 'DEBUG', value: true }],
    };
    const value = deployment({ selector: undefined, template: { spec: { containers: [container] } } });
    const containerPath = ['spec', 'template', 'spec', 'containers', 0];
    expect(validate(JSON.parse(JSON.stringify(value)))).toEqual([
      problem('unknown-field', [...containerPath, 'resouces'], 'unknown field "resouces" (did you mean "resources"?)'),
      problem(
        'value',
        [...containerPath, 'resources', 'limits', 'cpu'],
        '"cpu" must be a quantity such as "500m" or "1Gi", not "lots"',
      ),
      problem('type', [...containerPath, 'env', 0, 'value'], '"value" must be a string, not the boolean true'),
      problem('required', ['spec'], '"selector" is required'),
    ]);
  });

  it('warns about a container port repeated with the default protocol', () => {
    const ports = [{ containerPort: 80 }, { containerPort: 80, protocol: 'TCP' }];
    const value = deployment({ template: { spec: { containers: [{ name: 'web', image: 'nginx', ports }] } } });
    expect(validate(value)).toEqual([
      {
        class: 'duplicate',
        path: ['spec', 'template', 'spec', 'containers', 0, 'ports', 1],
        message: 'duplicate entry with containerPort 80 and protocol "TCP" in "ports"',
        warningOnly: true,
      },
    ]);
  });
});
