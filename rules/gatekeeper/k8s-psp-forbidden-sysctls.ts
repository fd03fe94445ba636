import { isRecord } from '../../src/kit/rule-api.js';
import { gatekeeperRule, has, objectName, regoTerm, sprintf } from '../../src/kit/rego/rego-api.js';

type Params = { forbiddenSysctls?: string[]; allowedSysctls?: string[] };

/** The template's sysctl patterns: `*` matches all, `prefix*` a prefix (minus one `*`), anything else exactly. */
function matchesAny(sysctl: unknown, patterns: unknown): boolean {
  if (!Array.isArray(patterns)) return false;
  return patterns.some((pattern) => {
    if (pattern === '*') return true;
    if (typeof pattern === 'string' && pattern.endsWith('*')) {
      return typeof sysctl === 'string' && sysctl.startsWith(pattern.slice(0, -1));
    }
    return regoTerm(pattern) === regoTerm(sysctl);
  });
}

/**
 * Gatekeeper library `pod-security-policy/forbidden-sysctls`: the pod's
 * sysctls are neither forbidden nor, when an allow-list is given, outside it.
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sPSPForbiddenSysctls', library: 'pod-security-policy', template: 'forbidden-sysctls' },
  meta: {
    id: 'k8s-psp-forbidden-sysctls',
    title: 'Pods set only permitted sysctls (Gatekeeper K8sPSPForbiddenSysctls)',
    description: 'Flag pod sysctls that are forbidden or, when an allow-list is given, not on it.',
    rationale: [
      'Many kernel parameters are shared by every pod on the node or weaken its isolation; letting a pod tune',
      'them can degrade or compromise its neighbours.',
    ].join(' '),
    remediation: [
      'Remove the sysctl from `spec.securityContext.sysctls`, or change `forbiddenSysctls` / `allowedSysctls`.',
      'Entries may be exact names, prefixes ending in `*`, or `*` for every sysctl; an empty `allowedSysctls`',
      'allows none, an absent one allows all that are not forbidden.',
    ].join(' '),
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        forbiddenSysctls: {
          type: 'array',
          items: { type: 'string' },
          description: 'Sysctls no pod may set: exact names, prefixes ending in `*` (`kernel.*`), or `*` for all.',
        },
        allowedSysctls: {
          type: 'array',
          items: { type: 'string' },
          description:
            'The only sysctls pods may set, in the same syntax. Absent allows every sysctl that is not forbidden; `[]` allows none.',
        },
      },
    },
  },

  *review({ review }, params) {
    if (review.operation === 'UPDATE') return;
    const object = review.object;
    const spec = isRecord(object) ? object.spec : undefined;
    const securityContext = isRecord(spec) ? spec.securityContext : undefined;
    const sysctls = isRecord(securityContext) ? securityContext.sysctls : undefined;
    if (!Array.isArray(sysctls)) return;
    const name = objectName(object);
    for (const [index, entry] of sysctls.entries()) {
      if (!has(entry, 'name')) continue;
      const sysctl = (entry as Record<string, unknown>).name;
      const path = ['spec', 'securityContext', 'sysctls', index, 'name'];
      if (matchesAny(sysctl, params.forbiddenSysctls)) {
        const msg = sprintf('The sysctl %v is not allowed, pod: %v. Forbidden sysctls: %v', [
          sysctl,
          name,
          params.forbiddenSysctls,
        ]);
        yield msg === undefined ? undefined : { msg, path };
      }
      if (params.allowedSysctls !== undefined && !matchesAny(sysctl, params.allowedSysctls)) {
        const msg = sprintf('The sysctl %v is not explicitly allowed, pod: %v. Allowed sysctls: %v', [
          sysctl,
          name,
          params.allowedSysctls,
        ]);
        yield msg === undefined ? undefined : { msg, path };
      }
    }
  },
});
