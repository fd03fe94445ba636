import { schemaViolations } from '../src/kit/rule-api.js';
import type { Rule } from '../src/kit/rule-api.js';

/**
 * Fields the target release's API does not have. The API server decodes
 * with strict field validation (kubectl's default), so a misspelt or
 * misindented field is refused rather than silently dropped. Custom
 * resources are judged against their CustomResourceDefinition, where an
 * unknown field is one the schema would prune, outside
 * `x-kubernetes-preserve-unknown-fields`.
 */
const rule: Rule<Record<string, never>, 'problem'> = {
  meta: {
    id: 'schema-unknown-field',
    title: 'Every field is one the API knows',
    description: 'Write only fields that the object’s schema has, at the place the schema has them.',
    rationale: [
      'A misspelt field (`resouces:`) or one indented a level too deep or too shallow is not an error in most YAML',
      'tools: the text is valid, it just means something else. kubectl applies with strict field validation, so the',
      'API server refuses the object, and a pipeline fails at deploy time. With validation turned off, the field is',
      'dropped, which is worse: the limits, probes or security settings the author meant to set are silently not',
      'there, and every other check that reads them judges an object that does not exist.',
    ].join(' '),
    remediation: [
      'Correct the spelling (the message suggests the nearest known field) or move the field to the level where',
      'the schema has it. For a custom resource, check the field against the CustomResourceDefinition of the version',
      'the manifest names.',
    ].join(' '),
    defaultSeverity: 'error',
    defaultKinds: [],
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: { problem: '{{object}}: {{problem}}{{releases}}' },
  },
  check: (resource, _params, ctx) => schemaViolations(resource, ctx, 'problem', ['unknown-field']),
};

export default rule;
