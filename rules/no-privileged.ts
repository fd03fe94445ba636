import { WORKLOAD_KINDS, effectiveSecurityContext, exemptImagesParam, judgedContainers } from '../src/kit/rule-api.js';
import type { Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'privileged';

type Params = {
  exemptImages: string[];
};

/**
 * No container runs privileged. Gatekeeper’s K8sPSPPrivilegedContainer with
 * the same `exemptImages` and the same container lists (containers,
 * initContainers, ephemeralContainers); only a boolean `true` counts, since
 * the API server rejects anything else in that field.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'no-privileged',
    title: 'Containers do not run privileged',
    description: 'Never set `securityContext.privileged: true` on a container.',
    rationale: [
      'A privileged container gets every Linux capability, sees all of the node’s devices, and runs without the',
      'seccomp, AppArmor and SELinux confinement the runtime otherwise applies. Whoever controls its process',
      'controls the node: they can load kernel modules, mount the host’s disks and read every other pod’s data.',
      'Ordinary applications never need this, and the few system agents that do are better granted the one',
      'capability or device they use, reviewed case by case.',
    ].join(' '),
    remediation: [
      'Remove `privileged: true` (or set it to `false`). If the container needs one specific power, such as',
      'binding a low port or changing network settings, add only that capability under',
      '`securityContext.capabilities.add` and keep the rest dropped; exempt a trusted system image with',
      '`exemptImages` if it truly needs full access.',
    ].join(' '),
    defaultSeverity: 'error',
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        exemptImages: exemptImagesParam(),
      },
    },
    messages: {
      privileged: '{{type}} "{{container}}" runs privileged (securityContext.privileged: true)',
    },
  },

  *check(resource, params): Iterable<Violation<MessageId>> {
    for (const ref of judgedContainers(resource, params)) {
      const { privileged } = effectiveSecurityContext(ref);
      if (privileged.value === true) {
        yield { messageId: 'privileged', data: { type: ref.type, container: ref.name }, path: privileged.path };
      }
    }
  },
};

export default rule;
