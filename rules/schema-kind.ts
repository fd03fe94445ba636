import { schemaViolations } from '../src/kit/rule-api.js';
import type { Rule } from '../src/kit/rule-api.js';

/**
 * Objects whose `apiVersion` and `kind` the target release serves: a
 * misspelt kind (`Deploymnet`), a version that never existed (`apps/v2`), a
 * kind in the wrong group, or an API that a later release removed. Custom
 * resources are judged against their CustomResourceDefinition: a version it
 * does not serve is refused too. API versions that `deprecated-api-version`
 * knows as removed are left to that rule, which names the replacement.
 */
const rule: Rule<Record<string, never>, 'problem'> = {
  meta: {
    id: 'schema-kind',
    title: 'The target release serves the kind',
    description: 'Use an `apiVersion` and `kind` that the target Kubernetes release serves.',
    rationale: [
      'The API server routes an object by its group, version and kind before it reads anything else; if it serves',
      'no such kind, kubectl stops with "no matches for kind" and nothing in the file is applied. A typo in the kind,',
      'a guessed version, or a kind that moved between groups is otherwise found only when the manifest meets a',
      'cluster, and the answer depends on the cluster’s release.',
    ].join(' '),
    remediation: [
      'Correct the kind or `apiVersion` to one the message lists as served. For a custom resource, use a version',
      'that its CustomResourceDefinition marks `served: true`. Set `kubernetesVersion` in the config to the',
      'releases your clusters run.',
    ].join(' '),
    defaultSeverity: 'error',
    defaultKinds: [],
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: { problem: '{{object}}: {{problem}}{{releases}}' },
  },
  check: (resource, _params, ctx) => schemaViolations(resource, ctx, 'problem', ['kind']),
};

export default rule;
