import { schemaViolations } from '../src/kit/rule-api.js';
import type { Rule } from '../src/kit/rule-api.js';

/**
 * Custom resources whose CustomResourceDefinition is nowhere in sight: not
 * among the linted files, the inventory, or the config's `crds` folders.
 * Such a resource cannot be validated. Off in the presets, since most
 * repositories install their operators' CRDs from elsewhere (`--verbose`
 * names such kinds anyway); turn it on to require every custom resource to be
 * checked, with the CRDs given through `crds:` or `--inventory`.
 */
const rule: Rule<Record<string, never>, 'problem'> = {
  meta: {
    id: 'schema-missing-crd',
    title: 'Custom resources have their CRD in sight',
    description: 'Give k8s-bp the CustomResourceDefinition of every custom resource, so that it can be validated.',
    rationale: [
      'A custom resource is only as valid as its CustomResourceDefinition says, and without the CRD nothing about',
      'it can be checked: a typo in its kind, a field its operator does not know, or a broken CEL rule all pass.',
      'A team that wants every object checked before it reaches a cluster can require the CRDs to be present, for',
      'example from a folder of vendored operator CRDs named in the config.',
    ].join(' '),
    remediation: [
      'Add the CustomResourceDefinition to the linted files, pass it with `--inventory`, or name its folder under',
      '`crds:` in `.k8s-bp.yaml`. If the kind is not a custom resource at all, check its `apiVersion` for a typo.',
    ].join(' '),
    defaultSeverity: 'error',
    defaultKinds: [],
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: { problem: '{{object}}: {{problem}}{{releases}}' },
  },
  check: (resource, _params, ctx) => schemaViolations(resource, ctx, 'problem', ['no-crd']),
};

export default rule;
