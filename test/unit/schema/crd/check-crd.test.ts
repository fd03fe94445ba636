import { describe, expect, it } from 'vitest';
import { checkCrd, type CheckCrdOptions } from '../../../../src/schema/crd/check-crd.js';
import type { SchemaProblem } from '../../../../src/schema/types.js';
import { SCHEMA, SPEC_SCHEMA, widgetCrd, widgetSchema, type Json } from './crds.js';

type Path = (string | number)[];
const inSchema = (...segments: Path): Path => [...SCHEMA, ...segments];
const inSpec = (...segments: Path): Path => [...SPEC_SCHEMA, ...segments];
const problem = (cls: SchemaProblem['class'], path: Path, message: string): SchemaProblem => ({
  class: cls,
  path,
  message,
});

/** A widget CRD whose spec schema has these rules. */
function withSpecRules(rules: Json[], spec: Json = {}): Json {
  const schema = widgetSchema(spec);
  ((schema.properties as Json).spec as Json)['x-kubernetes-validations'] = rules;
  return widgetCrd(schema);
}

/** A widget CRD whose one version has these extra fields. */
function withVersionFields(fields: Json): Json {
  return widgetCrd(undefined, {
    spec: {
      versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: widgetSchema() }, ...fields }],
    },
  });
}

function withRoot(change: (schema: Json) => void): Json {
  const schema = widgetSchema();
  change(schema);
  return widgetCrd(schema);
}

const DNS1035 =
  'must be a DNS-1035 label: lowercase letters, digits and "-", starting with a letter and ending with a letter or digit';

interface Case {
  name: string;
  crd: Json;
  problems: SchemaProblem[];
  options?: CheckCrdOptions;
}

const names: Case[] = [
  { name: 'a valid CRD has no problem', crd: widgetCrd(), problems: [] },
  {
    name: 'the object name must be <plural>.<group>',
    crd: widgetCrd(undefined, { metadata: { name: 'widget.example.com' } }),
    problems: [
      problem(
        'value',
        ['metadata', 'name'],
        'must be spec.names.plural + "." + spec.group ("widgets.example.com"), not "widget.example.com"',
      ),
    ],
  },
  {
    name: 'the group needs a dot',
    crd: widgetCrd(undefined, { metadata: { name: 'widgets.example' }, spec: { group: 'example' } }),
    problems: [problem('value', ['spec', 'group'], '"example" must be a domain with at least one dot')],
  },
  {
    name: 'a v1 CRD needs a scope',
    crd: widgetCrd(undefined, { spec: { scope: undefined } }),
    problems: [problem('required', ['spec'], '"scope" is required')],
  },
  {
    name: 'plural and short names are DNS-1035 labels, and listKind differs from kind',
    crd: widgetCrd(undefined, {
      spec: { names: { plural: 'widgets', kind: 'Widget', listKind: 'Widget', shortNames: ['w_1'] } },
    }),
    problems: [
      problem(
        'value',
        ['spec', 'names', 'listKind'],
        'must differ from kind, or lists and objects could not be told apart',
      ),
      problem('value', ['spec', 'names', 'shortNames', 0], `"w_1" ${DNS1035}`),
    ],
  },
  {
    name: 'a missing plural is required, and the name cannot be checked against it',
    crd: widgetCrd(undefined, { spec: { names: { kind: 'Widget' } } }),
    problems: [problem('required', ['spec', 'names'], '"plural" is required')],
  },
  {
    name: 'exactly one version is the storage version',
    crd: widgetCrd(undefined, {
      spec: {
        versions: ['v1', 'v2'].map((name) => ({
          name,
          served: true,
          storage: true,
          schema: { openAPIV3Schema: widgetSchema() },
        })),
      },
    }),
    problems: [
      problem(
        'value',
        ['spec', 'versions'],
        'must mark exactly one version as the storage version (storage: true), not 2',
      ),
    ],
  },
  {
    name: 'every version of a v1 CRD needs a schema',
    crd: widgetCrd(undefined, { spec: { versions: [{ name: 'v1', served: true, storage: true }] } }),
    problems: [
      problem(
        'required',
        ['spec', 'versions', 0],
        '"schema" is required: every version needs a schema (openAPIV3Schema), or all its fields are pruned',
      ),
    ],
  },
  {
    name: 'a v1 CRD cannot preserve unknown fields at the top',
    crd: widgetCrd(undefined, { spec: { preserveUnknownFields: true } }),
    problems: [
      problem(
        'value',
        ['spec', 'preserveUnknownFields'],
        'must not be true: set x-kubernetes-preserve-unknown-fields: true in the schemas of spec.versions instead',
      ),
    ],
  },
  {
    name: 'a group of the Kubernetes project needs the approval annotation',
    crd: widgetCrd(undefined, { metadata: { name: 'widgets.x.k8s.io' }, spec: { group: 'x.k8s.io' } }),
    problems: [
      problem(
        'required',
        ['metadata', 'annotations'],
        '"api-approved.kubernetes.io" is required: the Kubernetes project\'s groups (k8s.io, kubernetes.io) need it: a URL to the approval, or a reason starting with "unapproved"; see https://github.com/kubernetes/enhancements/pull/1111',
      ),
    ],
  },
  {
    name: 'an x-k8s.io group needs no approval',
    crd: widgetCrd(undefined, { metadata: { name: 'widgets.x-k8s.io' }, spec: { group: 'x-k8s.io' } }),
    problems: [],
  },
];

const structure: Case[] = [
  {
    name: 'a property schema needs a type',
    crd: widgetCrd(widgetSchema({ size: { description: 'how big' } })),
    problems: [
      problem(
        'required',
        inSpec('properties', 'size'),
        '"type" is required: the schema of a property needs a type, unless it sets x-kubernetes-int-or-string or x-kubernetes-preserve-unknown-fields',
      ),
    ],
  },
  {
    name: 'int-or-string and preserve-unknown-fields stand for a type',
    crd: widgetCrd(
      widgetSchema({
        size: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
        extra: { 'x-kubernetes-preserve-unknown-fields': true },
      }),
    ),
    problems: [],
  },
  {
    name: 'a list needs items, and an embedded resource is an object with properties',
    crd: widgetCrd(
      widgetSchema({
        tags: { type: 'array' },
        template: { type: 'object', 'x-kubernetes-embedded-resource': true },
      }),
    ),
    problems: [
      problem('required', inSpec('properties', 'tags'), '"items" is required: a list needs a schema for its items'),
      problem(
        'required',
        inSpec('properties', 'template'),
        '"properties" is required: an embedded resource needs properties, unless it sets x-kubernetes-preserve-unknown-fields',
      ),
    ],
  },
  {
    name: 'the root is an object whose kind is a string, and int-or-string does not preserve unknown fields',
    crd: withRoot((schema) => {
      (schema.properties as Json).kind = { type: 'integer' };
      ((schema.properties as Json).spec as Json).properties = {
        size: { 'x-kubernetes-int-or-string': true, 'x-kubernetes-preserve-unknown-fields': true },
      };
    }),
    problems: [
      problem(
        'value',
        inSpec('properties', 'size', 'x-kubernetes-preserve-unknown-fields'),
        'must not be true where x-kubernetes-int-or-string is',
      ),
      problem('value', inSchema('properties', 'kind', 'type'), 'must be "string" for the resource\'s kind'),
    ],
  },
  {
    name: 'map and list types go with objects and lists, and take known values',
    crd: widgetCrd(
      widgetSchema({
        mode: { type: 'string', 'x-kubernetes-map-type': 'atomic' },
        tags: { type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'bag' },
      }),
    ),
    problems: [
      problem('value', inSpec('properties', 'mode', 'type'), 'must be "object" where x-kubernetes-map-type is set'),
      problem(
        'value',
        inSpec('properties', 'tags', 'x-kubernetes-list-type'),
        '"bag" is not supported; use one of "atomic", "set", "map"',
      ),
    ],
  },
  {
    name: 'metadata cannot be constrained inside a junctor',
    crd: widgetCrd(
      widgetSchema({
        template: {
          type: 'object',
          properties: { metadata: { type: 'object' } },
          oneOf: [{ properties: { metadata: { required: ['name'] } } }],
        },
      }),
    ),
    problems: [
      problem(
        'value',
        inSpec('properties', 'template', 'oneOf', 0, 'properties', 'metadata'),
        'must not be constrained inside allOf, anyOf, oneOf or not',
      ),
    ],
  },
  {
    name: 'additionalProperties cannot sit beside properties',
    crd: widgetCrd(
      widgetSchema({
        size: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: { type: 'string' } },
      }),
    ),
    problems: [
      problem(
        'value',
        inSpec('properties', 'size', 'additionalProperties'),
        'must not be set beside properties: a node is either an object with fields or a map',
      ),
    ],
  },
  {
    name: '$ref is not supported (and the structural checks wait for it to go)',
    crd: widgetCrd(widgetSchema({ size: { $ref: '#/definitions/size' } })),
    problems: [
      problem(
        'value',
        inSpec('properties', 'size', '$ref'),
        "$ref is not supported in a CustomResourceDefinition's schema",
      ),
    ],
  },
  {
    name: 'uniqueItems is refused',
    crd: widgetCrd(widgetSchema({ tags: { type: 'array', items: { type: 'string' }, uniqueItems: true } })),
    problems: [
      problem(
        'value',
        inSpec('properties', 'tags', 'uniqueItems'),
        'must not be true: checking it would take time quadratic in the list',
      ),
    ],
  },
  {
    name: 'metadata at the root may restrict only name and generateName',
    crd: withRoot((schema) => {
      (schema.properties as Json).metadata = {
        type: 'object',
        properties: { name: { type: 'string', maxLength: 10 }, labels: { type: 'object' } },
      };
    }),
    problems: [
      problem(
        'value',
        inSchema('properties', 'metadata'),
        'may only restrict name and generateName: the API server checks the rest of the metadata itself',
      ),
    ],
  },
  {
    name: 'metadata at the root may restrict the name',
    crd: withRoot((schema) => {
      (schema.properties as Json).metadata = {
        type: 'object',
        properties: { name: { type: 'string', maxLength: 10 } },
      };
    }),
    problems: [],
  },
  {
    name: 'a default in the top-level metadata is refused',
    crd: withRoot((schema) => {
      (schema.properties as Json).metadata = { type: 'object', default: { name: 'x' } };
    }),
    problems: [
      problem('value', inSchema('properties', 'metadata', 'default'), 'must not be set in the top-level metadata'),
    ],
  },
  {
    name: 'list-map keys need x-kubernetes-list-type: map',
    crd: widgetCrd(
      widgetSchema({
        ports: {
          type: 'array',
          'x-kubernetes-list-map-keys': ['name'],
          items: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
        },
      }),
    ),
    problems: [
      problem(
        'required',
        inSpec('properties', 'ports'),
        '"x-kubernetes-list-type" is required: must be "map" where x-kubernetes-list-map-keys is set',
      ),
    ],
  },
  {
    name: 'list-map keys are required or defaulted properties of the items',
    crd: widgetCrd(
      widgetSchema({
        ports: {
          type: 'array',
          'x-kubernetes-list-type': 'map',
          'x-kubernetes-list-map-keys': ['name', 'protocol'],
          items: { type: 'object', properties: { name: { type: 'string' } } },
        },
      }),
    ),
    problems: [
      problem(
        'required',
        inSpec('properties', 'ports', 'items', 'properties', 'name'),
        'list-map key "name" must be listed in items.required or have a default',
      ),
      problem(
        'value',
        inSpec('properties', 'ports', 'x-kubernetes-list-map-keys'),
        '"protocol" is not a property of the items',
      ),
    ],
  },
  {
    name: 'the items of a set must be atomic',
    crd: widgetCrd(
      widgetSchema({
        pairs: {
          type: 'array',
          'x-kubernetes-list-type': 'set',
          items: { type: 'object', properties: { a: { type: 'string' } } },
        },
      }),
    ),
    problems: [
      problem(
        'value',
        inSpec('properties', 'pairs', 'items', 'x-kubernetes-map-type'),
        'must be "atomic" for the items of a list with x-kubernetes-list-type: set',
      ),
    ],
  },
  {
    name: 'allOf, anyOf, oneOf and not may not name types or describe',
    crd: widgetCrd(widgetSchema({ size: { type: 'string', anyOf: [{ type: 'string', description: 'x' }] } })),
    problems: [
      problem(
        'value',
        inSpec('properties', 'size', 'anyOf', 0, 'type'),
        'must not be set inside allOf, anyOf, oneOf or not: only the structural schema may say it',
      ),
      problem(
        'value',
        inSpec('properties', 'size', 'anyOf', 0, 'description'),
        'must not be set inside allOf, anyOf, oneOf or not: only the structural schema may say it',
      ),
    ],
  },
  {
    name: 'a field constrained under the root allOf must be declared on the spine',
    crd: withRoot((schema) => {
      schema.allOf = [{ properties: { spec: { properties: { size: { minimum: 1 } } } } }];
    }),
    problems: [
      problem(
        'required',
        inSpec('properties', 'size'),
        'properties.spec.properties.size must be declared in the structural schema, since allOf[0].properties.spec.properties.size constrains it',
      ),
    ],
  },
  {
    name: 'a pattern must be RE2',
    crd: widgetCrd(widgetSchema({ name: { type: 'string', pattern: '^(?=x)' } })),
    problems: [
      problem(
        'value',
        inSpec('properties', 'name', 'pattern'),
        expect.stringMatching(/^must be a valid RE2 regular expression: /) as unknown as string,
      ),
    ],
  },
  {
    name: 'RE2 syntax such as (?i) is a valid pattern',
    crd: widgetCrd(widgetSchema({ name: { type: 'string', pattern: '(?i)^[a-z]+$' } })),
    problems: [],
  },
  {
    name: 'with the status subresource, the root holds no anyOf',
    crd: (() => {
      const schema = widgetSchema();
      schema.anyOf = [{ required: ['spec'] }];
      return widgetCrd(schema, {
        spec: {
          versions: [
            {
              name: 'v1',
              served: true,
              storage: true,
              subresources: { status: {} },
              schema: { openAPIV3Schema: schema },
            },
          ],
        },
      });
    })(),
    problems: [
      problem(
        'value',
        SCHEMA as Path,
        'must not set anyOf at the root when the status subresource is enabled (the status is validated apart from the rest)',
      ),
    ],
  },
];

const rules: Case[] = [
  {
    name: 'every rule must compile, give a bool, and read only self and oldSelf',
    crd: withSpecRules([
      { rule: 'self.replicas >' },
      { rule: '1 + 1' },
      { rule: 'object.spec.replicas > 0' },
      { rule: 'self.replicas > 0' },
    ]),
    problems: [
      problem(
        'value',
        inSpec('x-kubernetes-validations', 0, 'rule'),
        'rule "self.replicas >" does not compile: Unexpected token: EOF',
      ),
      problem(
        'value',
        inSpec('x-kubernetes-validations', 1, 'rule'),
        'rule "1 + 1" does not compile: it must evaluate to a bool, not int',
      ),
      problem(
        'value',
        inSpec('x-kubernetes-validations', 2, 'rule'),
        'rule "object.spec.replicas > 0" does not compile: Unknown variable: object',
      ),
    ],
  },
  {
    name: 'a rule selects only fields the schema declares, and of metadata only the name and generateName',
    crd: (() => {
      const schema = widgetSchema();
      schema['x-kubernetes-validations'] = [
        { rule: "self.metadata.name.startsWith('w') && self.kind == 'Widget'" },
        { rule: "has(self.metadata.labels) && self.metadata.labels['tier'] == 'gold'" },
        { rule: 'self.spec.replicaz > 0' },
        { rule: "self.spec.labels.tier == 'gold' && self.spec.ports.all(p, p.name != '')" },
        { rule: 'self.spec.replicas > 0', messageExpression: "'replicas: ' + string(self.spec.replica)" },
      ];
      return widgetCrd(schema);
    })(),
    problems: [
      problem(
        'value',
        inSchema('x-kubernetes-validations', 1, 'rule'),
        `rule "has(self.metadata.labels) && self.metadata.labels['tier'] == 'gold'" does not compile: undefined field 'labels'`,
      ),
      problem(
        'value',
        inSchema('x-kubernetes-validations', 2, 'rule'),
        'rule "self.spec.replicaz > 0" does not compile: undefined field \'replicaz\'',
      ),
      problem(
        'value',
        inSchema('x-kubernetes-validations', 4, 'messageExpression'),
        'the messageExpression of rule "self.spec.replicas > 0" does not compile: undefined field \'replica\'',
      ),
    ],
  },
  {
    name: 'a messageExpression must give a string',
    crd: withSpecRules([
      { rule: 'self.replicas > 0', messageExpression: 'self.replicas' },
      { rule: 'true', messageExpression: '42' },
    ]),
    problems: [
      problem(
        'value',
        inSpec('x-kubernetes-validations', 1, 'messageExpression'),
        'the messageExpression of rule "true" does not compile: it must evaluate to a string, not int',
      ),
    ],
  },
  {
    name: 'a rule needs text, a one-line message, a message when it spans lines, and a known reason',
    crd: withSpecRules([
      { rule: ' ' },
      { rule: 'true', message: 'one\ntwo' },
      { rule: 'true ||\nfalse' },
      { rule: 'true', reason: 'FieldValueTooLong' },
    ]),
    problems: [
      problem('required', inSpec('x-kubernetes-validations', 0), '"rule" is required'),
      problem('value', inSpec('x-kubernetes-validations', 1, 'message'), 'must not contain line breaks'),
      problem(
        'required',
        inSpec('x-kubernetes-validations', 2),
        '"message" is required: a rule that spans several lines needs a message',
      ),
      problem(
        'value',
        inSpec('x-kubernetes-validations', 3, 'reason'),
        '"FieldValueTooLong" is not supported; use one of "FieldValueDuplicate", "FieldValueForbidden", "FieldValueInvalid", "FieldValueRequired"',
      ),
    ],
  },
  {
    name: "a fieldPath names a field of the schema from the rule, with .name and ['key'] steps only",
    crd: withSpecRules([
      { rule: 'true', fieldPath: '.replicas' },
      { rule: 'true', fieldPath: ".labels['app.kubernetes.io/name']" },
      { rule: 'true', fieldPath: '.replicaz' },
      { rule: 'true', fieldPath: 'replicas' },
      { rule: 'true', fieldPath: '.ports[0]' },
    ]),
    problems: [
      problem(
        'value',
        inSpec('x-kubernetes-validations', 2, 'fieldPath'),
        '".replicaz" is not a valid field path (a path from the rule\'s node such as .spec.replicas or .spec.labels[\'app\']): "replicaz" is not a field of the schema there',
      ),
      problem(
        'value',
        inSpec('x-kubernetes-validations', 3, 'fieldPath'),
        '"replicas" is not a valid field path (a path from the rule\'s node such as .spec.replicas or .spec.labels[\'app\']): expected "." or "[" but found "replicas"',
      ),
      problem(
        'value',
        inSpec('x-kubernetes-validations', 4, 'fieldPath'),
        "\".ports[0]\" is not a valid field path (a path from the rule's node such as .spec.replicas or .spec.labels['app']): expected a string in single quotes but found 0",
      ),
    ],
  },
  {
    name: 'oldSelf cannot be used below a list that is not a list-map',
    crd: widgetCrd(
      widgetSchema({
        hosts: {
          type: 'array',
          items: {
            type: 'object',
            properties: { name: { type: 'string' } },
            'x-kubernetes-validations': [{ rule: 'self == oldSelf' }],
          },
        },
      }),
    ),
    problems: [
      problem(
        'value',
        inSpec('properties', 'hosts', 'items', 'x-kubernetes-validations', 0, 'rule'),
        'rule "self == oldSelf" uses oldSelf, which has no meaning below spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.hosts: old and new values can be matched only through list-maps and maps that are not atomic',
      ),
    ],
  },
  {
    name: 'oldSelf may be used below a list-map, and optionalOldSelf only with it',
    crd: withSpecRules([
      { rule: 'self == oldSelf', optionalOldSelf: true },
      { rule: 'true', optionalOldSelf: false },
    ]),
    problems: [
      problem(
        'value',
        inSpec('x-kubernetes-validations', 1, 'optionalOldSelf'),
        'must not be set: rule "true" does not use oldSelf',
      ),
    ],
  },
  {
    name: 'rules are not compiled where the schema has another problem at or below them',
    crd: withSpecRules([{ rule: 'self.replicas >' }], { bad: { type: 'strin' } }),
    problems: [
      problem(
        'value',
        inSpec('properties', 'bad', 'type'),
        '"strin" is not supported; use one of "array", "boolean", "integer", "number", "object", "string"',
      ),
    ],
  },
  {
    name: 'no rule is compiled while the schema is not structural',
    crd: withSpecRules([{ rule: 'self.replicas >' }], { bad: { description: 'untyped' } }),
    problems: [
      problem(
        'required',
        inSpec('properties', 'bad'),
        '"type" is required: the schema of a property needs a type, unless it sets x-kubernetes-int-or-string or x-kubernetes-preserve-unknown-fields',
      ),
    ],
  },
];

/** A validator that only knows integers, standing in for the schema validator. */
const integersOnly: CheckCrdOptions = {
  validateValue: (value, schema) =>
    schema.type === 'integer' && !Number.isInteger(value)
      ? [{ class: 'type', path: [], message: 'must be an integer' }]
      : [],
};

const defaults: Case[] = [
  {
    name: 'a default must be a valid value of its schema, and pass its rules',
    crd: widgetCrd(
      widgetSchema({
        replicas: { type: 'integer', default: 'three', 'x-kubernetes-validations': [{ rule: 'self >= 0' }] },
        level: {
          type: 'integer',
          default: -1,
          'x-kubernetes-validations': [{ rule: 'self >= 0', message: 'must not be negative' }],
        },
        floor: { type: 'integer', default: 1, 'x-kubernetes-validations': [{ rule: 'self >= oldSelf' }] },
      }),
    ),
    options: integersOnly,
    problems: [
      problem('type', inSpec('properties', 'replicas', 'default'), 'the default is invalid: must be an integer'),
      problem('cel', inSpec('properties', 'level', 'default'), 'the default is invalid: must not be negative'),
    ],
  },
];

const conversion: Case[] = [
  {
    name: 'a conversion webhook is called over https and says which ConversionReview versions it speaks',
    crd: widgetCrd(undefined, {
      spec: { conversion: { strategy: 'Webhook', webhook: { clientConfig: { url: 'http://convert.example.com/' } } } },
    }),
    problems: [
      problem(
        'value',
        ['spec', 'conversion', 'webhook', 'clientConfig', 'url'],
        'must be an https URL: the API server calls conversion webhooks over TLS only',
      ),
      problem(
        'required',
        ['spec', 'conversion', 'webhook'],
        '"conversionReviewVersions" is required: the versions of ConversionReview the webhook understands (v1, v1beta1)',
      ),
    ],
  },
  {
    name: 'a webhook service has a namespace, and the review versions include one the API server speaks',
    crd: widgetCrd(undefined, {
      spec: {
        conversion: {
          strategy: 'Webhook',
          webhook: { clientConfig: { service: { name: 'convert' } }, conversionReviewVersions: ['v2', 'v2'] },
        },
      },
    }),
    problems: [
      problem('required', ['spec', 'conversion', 'webhook', 'clientConfig', 'service'], '"namespace" is required'),
      problem('duplicate', ['spec', 'conversion', 'webhook', 'conversionReviewVersions', 1], '"v2" is listed twice'),
      problem(
        'value',
        ['spec', 'conversion', 'webhook', 'conversionReviewVersions'],
        'must include one of v1, v1beta1, which the API server speaks',
      ),
    ],
  },
  {
    name: 'strategy None takes no webhook',
    crd: widgetCrd(undefined, {
      spec: { conversion: { strategy: 'None', webhook: { conversionReviewVersions: ['v1'] } } },
    }),
    problems: [problem('value', ['spec', 'conversion', 'webhook'], 'must not be set unless the strategy is Webhook')],
  },
];

const versionFields: Case[] = [
  {
    name: 'printer columns have a name, a known type and format, and a JSON path starting with a dot',
    crd: withVersionFields({
      additionalPrinterColumns: [
        { name: 'Replicas', type: 'int', jsonPath: 'spec.replicas' },
        { type: 'string', jsonPath: '.spec.mode', format: 'text' },
      ],
    }),
    problems: [
      problem(
        'value',
        ['spec', 'versions', 0, 'additionalPrinterColumns', 0, 'type'],
        '"int" is not one of boolean, date, integer, number, string',
      ),
      problem(
        'value',
        ['spec', 'versions', 0, 'additionalPrinterColumns', 0, 'jsonPath'],
        'must be a simple JSON path starting with ".", not "spec.replicas"',
      ),
      problem('required', ['spec', 'versions', 0, 'additionalPrinterColumns', 1], '"name" is required'),
      problem(
        'value',
        ['spec', 'versions', 0, 'additionalPrinterColumns', 1, 'format'],
        '"text" is not one of byte, date, date-time, double, float, int32, int64, password',
      ),
    ],
  },
  {
    name: 'selectable fields are scalar fields of the schema outside metadata, each once',
    crd: withVersionFields({
      selectableFields: [
        { jsonPath: '.spec.mode' },
        { jsonPath: '.spec.ports' },
        { jsonPath: '.spec.mode' },
        { jsonPath: ".spec['mode']" },
      ],
    }),
    problems: [
      problem(
        'value',
        ['spec', 'versions', 0, 'selectableFields', 1, 'jsonPath'],
        'must point to a field of type string, boolean or integer',
      ),
      problem(
        'duplicate',
        ['spec', 'versions', 0, 'selectableFields', 2, 'jsonPath'],
        '".spec.mode" is selectable twice',
      ),
      problem(
        'value',
        ['spec', 'versions', 0, 'selectableFields', 3, 'jsonPath'],
        '".spec[\'mode\']" is not a valid path: the [...] form is not allowed here',
      ),
    ],
  },
  {
    name: 'the scale subresource reads replicas under .spec and .status, and a deprecation warning needs deprecated',
    crd: withVersionFields({
      subresources: { scale: { specReplicasPath: '.status.replicas' } },
      deprecationWarning: 'use v2',
    }),
    problems: [
      problem(
        'value',
        ['spec', 'versions', 0, 'deprecationWarning'],
        'may be set only on a version marked deprecated: true',
      ),
      problem(
        'value',
        ['spec', 'versions', 0, 'subresources', 'scale', 'specReplicasPath'],
        'must be a JSON path under .spec.…, not ".status.replicas"',
      ),
      problem('required', ['spec', 'versions', 0, 'subresources', 'scale'], '"statusReplicasPath" is required'),
    ],
  },
];

/** A v1beta1 widget CRD with a top-level schema, as the dashboard's plugin CRD is written. */
function betaCrd(spec: Json = {}): Json {
  return {
    apiVersion: 'apiextensions.k8s.io/v1beta1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'widgets.example.com' },
    spec: {
      group: 'example.com',
      scope: 'Namespaced',
      versions: [{ name: 'v1alpha1', served: true, storage: true }],
      names: { kind: 'Widget', plural: 'widgets' },
      validation: { openAPIV3Schema: widgetSchema() },
      ...spec,
    },
  };
}

const beta: Case[] = [
  { name: 'a v1beta1 CRD gets the defaults of its time (singular, listKind)', crd: betaCrd(), problems: [] },
  {
    name: 'a v1beta1 CRD cannot give a top-level schema and per-version ones, nor the same schema to every version',
    crd: betaCrd({
      versions: [{ name: 'v1alpha1', served: true, storage: true, schema: { openAPIV3Schema: widgetSchema() } }],
    }),
    problems: [
      problem('value', ['spec', 'validation'], 'must not be set when versions set their own schema'),
      problem(
        'value',
        ['spec', 'versions'],
        'must not give every version the same schema: set it once in spec.validation',
      ),
    ],
  },
  {
    name: 'a v1beta1 CRD with defaults must not preserve unknown fields',
    crd: betaCrd({
      validation: { openAPIV3Schema: widgetSchema({ replicas: { type: 'integer', default: 1 } }) },
    }),
    problems: [problem('value', ['spec', 'preserveUnknownFields'], 'must be false for the schemas to use defaults')],
  },
];

describe('checkCrd', () => {
  it.each([...names, ...structure, ...rules, ...defaults, ...conversion, ...versionFields, ...beta])(
    '$name',
    ({ crd, problems, options }) => {
      expect(checkCrd(crd, options)).toEqual(problems);
    },
  );

  it('ignores objects that are not CRDs', () => {
    expect(checkCrd({ apiVersion: 'v1', kind: 'ConfigMap' })).toEqual([]);
    expect(checkCrd('text')).toEqual([]);
  });
});
