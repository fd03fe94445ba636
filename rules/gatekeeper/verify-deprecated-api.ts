import { isRecord } from '../../src/kit/rule-api.js';
import { gatekeeperRule, sprintf } from '../../src/kit/rego/rego-api.js';

type DeprecatedApi = { deprecatedAPI?: string; kinds?: string[]; targetAPI?: string };
type Params = { kvs?: DeprecatedApi[]; k8sVersion?: number };

/**
 * Gatekeeper library `general/verifydeprecatedapi`: objects do not use an
 * apiVersion that the constraint lists as deprecated for their kind.
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'VerifyDeprecatedAPI', library: 'general', template: 'verifydeprecatedapi' },
  meta: {
    id: 'verify-deprecated-api',
    title: 'Objects avoid deprecated API versions (Gatekeeper VerifyDeprecatedAPI)',
    description: 'Flag objects written with an apiVersion that the constraint lists as deprecated for their kind.',
    rationale: [
      'An API version that is deprecated is removed in a later Kubernetes release; manifests still using it fail',
      'to apply after the upgrade, often at the worst moment, and the replacement may need field changes.',
    ].join(' '),
    remediation:
      'Move the manifest to the replacement API version the message names, adapting any fields that changed between the versions.',
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        kvs: {
          type: 'array',
          description: 'Deprecated API versions, each with the kinds it applies to and its replacement.',
          items: {
            type: 'object',
            properties: {
              deprecatedAPI: { type: 'string', description: 'The deprecated apiVersion, e.g. `apps/v1beta1`.' },
              kinds: {
                type: 'array',
                items: { type: 'string' },
                description: 'Kinds for which that apiVersion is deprecated.',
              },
              targetAPI: {
                type: 'string',
                description: 'The apiVersion to use instead, or `None` when there is no replacement.',
              },
            },
          },
        },
        k8sVersion: {
          type: 'number',
          description: 'The Kubernetes version in which the APIs are deprecated, shown in the message.',
        },
      },
    },
  },

  *review({ review }, params) {
    const { apiVersion, kind } = review.object;
    const entries = params.kvs;
    if (!Array.isArray(entries)) return;
    for (const entry of entries as unknown[]) {
      if (!isRecord(entry) || entry.deprecatedAPI !== apiVersion) continue;
      if (!Array.isArray(entry.kinds) || !entry.kinds.includes(kind)) continue;
      const target = entry.targetAPI;
      if (target === undefined) continue;
      const msg =
        target === 'None'
          ? sprintf(
              'API %v for %v is deprecated in Kubernetes version %v, please see Kubernetes API deprecation guide',
              [kind, apiVersion, params.k8sVersion],
            )
          : sprintf('API %v for %v is deprecated in Kubernetes version %v, please use %v instead', [
              kind,
              apiVersion,
              params.k8sVersion,
              target,
            ]);
      if (msg !== undefined) yield { msg, path: ['apiVersion'] };
    }
  },
});
