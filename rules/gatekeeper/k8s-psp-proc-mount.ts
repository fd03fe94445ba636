import { exemptImagesParam, isRecord } from '../../src/kit/rule-api.js';
import { ALL_CONTAINER_LISTS, checkedContainers, gatekeeperRule, has, sprintf } from '../../src/kit/rego/rego-api.js';

type Params = { procMount?: 'Default' | 'Unmasked'; exemptImages?: string[] };

/** The allowed type, lower-cased: `unmasked` only when asked for (in any case); anything else means `default`. */
function allowedProcMount(value: unknown): 'default' | 'unmasked' {
  return typeof value === 'string' && value.toLowerCase() === 'unmasked' ? 'unmasked' : 'default';
}

/**
 * Gatekeeper library `pod-security-policy/proc-mount`: containers that set
 * `securityContext.procMount` use an allowed type (`Default` unless the
 * constraint allows `Unmasked`).
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sPSPProcMount', library: 'pod-security-policy', template: 'proc-mount' },
  meta: {
    id: 'k8s-psp-proc-mount',
    title: 'Containers keep the default /proc mask (Gatekeeper K8sPSPProcMount)',
    description: 'Flag containers whose securityContext.procMount is not an allowed proc mount type.',
    rationale: [
      'The default proc mount hides and write-protects sensitive paths under /proc; an unmasked /proc exposes',
      'kernel interfaces that help a process escape its container.',
    ].join(' '),
    remediation: [
      'Remove `securityContext.procMount` or set it to `Default`; allow `Unmasked` in `procMount` only for',
      'workloads such as nested container runtimes that need it, or list their images in `exemptImages`.',
    ].join(' '),
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        procMount: {
          type: 'string',
          enum: ['Default', 'Unmasked'],
          description:
            'The allowed proc mount type. `Default` (also the behaviour without it) allows only `Default`; `Unmasked` allows both.',
        },
        exemptImages: exemptImagesParam({ withDefault: false }),
      },
    },
  },

  *review({ review }, params) {
    if (review.operation === 'UPDATE') return;
    const allowed = allowedProcMount(params.procMount);
    if (allowed === 'unmasked') return;
    for (const { container, path } of checkedContainers(review.object, ALL_CONTAINER_LISTS, params.exemptImages)) {
      const securityContext = container.securityContext;
      if (!isRecord(securityContext) || !has(securityContext, 'procMount')) continue;
      const procMount = securityContext.procMount;
      if (procMount === null) continue;
      if (typeof procMount === 'string' && procMount.toLowerCase() === allowed) continue;
      const msg = sprintf('ProcMount type is not allowed, container: %v. Allowed procMount types: %v', [
        container.name,
        allowed,
      ]);
      if (msg !== undefined) yield { msg, path: [...path, 'securityContext', 'procMount'] };
    }
  },
});
