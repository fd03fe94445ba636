import { schemaViolations } from '../src/kit/rule-api.js';
import type { Rule } from '../src/kit/rule-api.js';

/**
 * Values of the right type that the API server still refuses: enumerations
 * (`protocol: tcp`), names and label syntax, quantities (`memory: 1Gb`),
 * port ranges and names, integer ranges, duplicate names within a pod, and,
 * for custom resources, the CRD schema's enums, patterns (RE2), formats,
 * bounds, lengths and list types. A CustomResourceDefinition itself is
 * checked as the API server checks it on create (structural schema, CEL
 * rules that compile).
 */
const rule: Rule<Record<string, never>, 'problem'> = {
  meta: {
    id: 'schema-value',
    title: 'Every value is one the API server accepts',
    description: 'Use values that the API server’s validation accepts for each field.',
    rationale: [
      'Much of what the API server refuses is not in the published schema: a protocol in lower case, a Service named',
      'with a dot, a memory request of `1Gb`, a port number above 65535, two containers with one name. Schema',
      'validators that read only the schema pass these, and the mistake surfaces when the manifest is applied. For',
      'custom resources, the CustomResourceDefinition carries enums, patterns and bounds that the API server',
      'enforces in the same way.',
    ].join(' '),
    remediation: [
      'Change the value as the message says: use one of the listed values, the name or quantity syntax it names,',
      'or a number within the range. For a CustomResourceDefinition, fix its schema or rule where the finding points.',
    ].join(' '),
    defaultSeverity: 'error',
    defaultKinds: [],
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: { problem: '{{object}}: {{problem}}{{releases}}' },
  },
  check: (resource, _params, ctx) => schemaViolations(resource, ctx, 'problem', ['value']),
};

export default rule;
