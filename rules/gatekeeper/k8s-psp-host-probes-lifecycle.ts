import { exemptImagesParam, isRecord } from '../../src/kit/rule-api.js';
import { ALL_CONTAINER_LISTS, checkedContainers, gatekeeperRule, isSet, sprintf } from '../../src/kit/rego/rego-api.js';

type Params = { exemptImages?: string[] };

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const HOOKS = ['postStart', 'preStop'] as const;
const HANDLERS = ['httpGet', 'tcpSocket'] as const;

/** The `host` values a probe or hook sets (present, not `false`, not `""`), with the handler they are in. */
function hosts(handler: unknown): { kind: (typeof HANDLERS)[number]; host: unknown }[] {
  if (!isRecord(handler)) return [];
  return HANDLERS.flatMap((kind) => {
    const action = handler[kind];
    if (!isSet(action, 'host')) return [];
    const host = (action as Record<string, unknown>).host;
    return host === '' ? [] : [{ kind, host }];
  });
}

/**
 * Gatekeeper library `pod-security-policy/host-probes-lifecycle`: probes and
 * lifecycle hooks of containers that are not exempt leave `host` unset, so
 * the kubelet only talks to the pod itself.
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sPSPHostProbesLifecycle', library: 'pod-security-policy', template: 'host-probes-lifecycle' },
  meta: {
    id: 'k8s-psp-host-probes-lifecycle',
    title: 'Probes and lifecycle hooks do not set a host (Gatekeeper K8sPSPHostProbesLifecycle)',
    description: 'Flag httpGet and tcpSocket probes or lifecycle hooks that set the host field.',
    rationale: [
      'The kubelet runs probes and hooks from the node; a host field lets a pod aim those requests at any',
      'address the node can reach, such as node-local services or the cloud metadata endpoint.',
    ].join(' '),
    remediation: [
      'Remove `host` from `httpGet` and `tcpSocket` in liveness, readiness and startup probes and in',
      '`lifecycle.postStart` / `preStop`, so they target the pod IP; list images that need it in `exemptImages`.',
    ].join(' '),
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        exemptImages: exemptImagesParam({ withDefault: false }),
      },
    },
  },

  *review({ review }, params) {
    if (review.operation === 'UPDATE') return;
    for (const { container, path } of checkedContainers(review.object, ALL_CONTAINER_LISTS, params.exemptImages)) {
      for (const probe of PROBES) {
        for (const { kind, host } of hosts(container[probe])) {
          const msg = sprintf('Container %v has probe with host field set: %v', [container.name, host]);
          yield msg === undefined ? undefined : { msg, path: [...path, probe, kind, 'host'] };
        }
      }
      const lifecycle = container.lifecycle;
      if (!isRecord(lifecycle)) continue;
      for (const hook of HOOKS) {
        for (const { kind, host } of hosts(lifecycle[hook])) {
          const msg = sprintf('Container %v has lifecycle hook with host field set: %v', [container.name, host]);
          yield msg === undefined ? undefined : { msg, path: [...path, 'lifecycle', hook, kind, 'host'] };
        }
      }
    }
  },
});
