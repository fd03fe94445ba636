import { schemaViolations } from '../src/kit/rule-api.js';
import type { Rule } from '../src/kit/rule-api.js';

/**
 * Values of the type the schema says: a string where a string belongs, an
 * integer where an integer belongs, a list where a list belongs. The API
 * server refuses the object at decoding, before any other validation. Both
 * built-in kinds and custom resources; `null` for an optional field is unset,
 * as the API server treats it.
 */
const rule: Rule<Record<string, never>, 'problem'> = {
  meta: {
    id: 'schema-type',
    title: 'Every value has the type its field takes',
    description: 'Give each field a value of the type its schema declares.',
    rationale: [
      'YAML guesses types from the text: `replicas: "3"` is a string, `value: true` is a boolean, `port: 80.5` is a',
      'number with a fraction, and a missing dash turns a list into a map. The API server decodes manifests into',
      'typed objects and refuses any value whose type does not fit, so such a manifest fails when it is applied.',
      'Finding it in review is cheaper than finding it in a failed rollout.',
    ].join(' '),
    remediation: [
      'Write the value with the type the message names: quote strings that YAML would read as numbers or',
      'booleans (`value: "true"`), unquote numbers (`replicas: 3`), and add or remove the `-` that makes a list.',
    ].join(' '),
    defaultSeverity: 'error',
    defaultKinds: [],
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: { problem: '{{object}}: {{problem}}{{releases}}' },
  },
  check: (resource, _params, ctx) => schemaViolations(resource, ctx, 'problem', ['type']),
};

export default rule;
