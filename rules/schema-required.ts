import { schemaViolations } from '../src/kit/rule-api.js';
import type { Rule } from '../src/kit/rule-api.js';

/**
 * Fields the API server requires: those the published schema marks required
 * (a Deployment's `selector`, a Service port's `port`) and those only its
 * hand-written validation requires (a container's `image`, an object's
 * `metadata.name` unless `generateName`). The finding points at the map that
 * lacks the field and names it.
 */
const rule: Rule<Record<string, never>, 'problem'> = {
  meta: {
    id: 'schema-required',
    title: 'Required fields are present',
    description: 'Set every field that the API server requires of the object.',
    rationale: [
      'An object that lacks a required field is refused when it is applied. Some of these are easy to miss because',
      'older API versions filled them in: `apps/v1` made a Deployment’s `selector` required where',
      '`extensions/v1beta1` derived it from the template, and manifests copied from old tutorials still omit it.',
      'Others are required only by the API server’s own checks and appear in no published schema, so schema',
      'validators that read only the schema let them through.',
    ].join(' '),
    remediation: [
      'Add the field the message names, in the map the finding points at. For a custom resource, the',
      'CustomResourceDefinition’s schema says what the field holds.',
    ].join(' '),
    defaultSeverity: 'error',
    defaultKinds: [],
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: { problem: '{{object}}: {{problem}}{{releases}}' },
  },
  check: (resource, _params, ctx) => schemaViolations(resource, ctx, 'problem', ['required']),
};

export default rule;
