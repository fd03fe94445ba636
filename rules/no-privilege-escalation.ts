import {
  WORKLOAD_KINDS,
  effectiveSecurityContext,
  exemptImagesParam,
  isWindowsPod,
  judgedContainers,
  privilegeEscalation,
} from '../src/kit/rule-api.js';
import type { Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'notDisabled' | 'allowed' | 'privileged' | 'sysAdmin';

type Params = {
  exemptImages: string[];
};

const MESSAGE_FOR_REASON = {
  default: 'notDisabled',
  explicit: 'allowed',
  privileged: 'privileged',
  sysAdmin: 'sysAdmin',
} as const;

/**
 * Every container sets `allowPrivilegeEscalation: false`. Unset counts as
 * allowed, because the kernel lets a process gain privileges unless the
 * runtime sets `no_new_privs`, and it does so only when the field is false.
 *
 * Follows Gatekeeper’s K8sPSPAllowPrivilegeEscalationContainer (same
 * `exemptImages`, same container lists, only an explicit `false` passes), but
 * also reports a container that sets `false` while being privileged or adding
 * SYS_ADMIN, where escalation stays possible, and skips pods that declare
 * `os.name: windows`, on which the field cannot be set.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'no-privilege-escalation',
    title: 'Containers cannot gain privileges',
    description: 'Set `securityContext.allowPrivilegeEscalation: false` on every container.',
    rationale: [
      'Unless told otherwise, a process in a container may gain more privileges than it started with, for',
      'instance by running a setuid-root binary or one with file capabilities. An attacker who gets code running',
      'as an unprivileged user can then climb to root inside the container, which is the first step of most',
      'container escapes. Setting the field to false makes the runtime set the kernel’s no_new_privs flag, which',
      'closes that path for good. The field has to be written explicitly: leaving it out means escalation is',
      'allowed. It has no effect on a privileged container or one that adds CAP_SYS_ADMIN, so those are reported',
      'even when the field says false.',
    ].join(' '),
    remediation: [
      'Add `allowPrivilegeEscalation: false` to the container’s `securityContext`, and remove `privileged: true`',
      'and any `SYS_ADMIN` capability, which keep escalation possible (the API server rejects them together with',
      'the field set to false).',
    ].join(' '),
    defaultSeverity: 'warning',
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        exemptImages: exemptImagesParam(),
      },
    },
    messages: {
      notDisabled:
        '{{type}} "{{container}}" does not set securityContext.allowPrivilegeEscalation to false, so it is allowed',
      allowed: '{{type}} "{{container}}" sets securityContext.allowPrivilegeEscalation to true',
      privileged: '{{type}} "{{container}}" runs privileged, which always allows privilege escalation',
      sysAdmin: '{{type}} "{{container}}" adds capability "{{capability}}", which always allows privilege escalation',
    },
  },

  *check(resource, params): Iterable<Violation<MessageId>> {
    for (const ref of judgedContainers(resource, params)) {
      if (isWindowsPod(ref.podSpec)) continue;
      const escalation = privilegeEscalation(effectiveSecurityContext(ref));
      if (!escalation.allowed) continue;
      const data: Record<string, string> = { type: ref.type, container: ref.name };
      if (escalation.capability !== undefined) data.capability = escalation.capability;
      yield { messageId: MESSAGE_FOR_REASON[escalation.reason], data, path: escalation.path };
    }
  },
};

export default rule;
