import {
  WORKLOAD_KINDS,
  effectiveSecurityContext,
  exemptImagesParam,
  judgedContainers,
  usesUserNamespace,
} from '../src/kit/rule-api.js';
import type { ContainerRef, EffectiveSetting, Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'rootUser' | 'rootUserDespiteNonRoot' | 'rootAllowed' | 'notEnforced';

type Params = {
  exemptImages: string[];
  allowRootInUserNamespace: boolean;
};

/**
 * Every container is known not to run as root: its effective `runAsNonRoot`
 * is true or its effective `runAsUser` is above 0, with container fields
 * overriding the pod’s as in the kubelet. An effective `runAsUser: 0` is
 * reported even with `runAsNonRoot: true` (the kubelet then refuses to start
 * the container).
 *
 * Covers Gatekeeper’s K8sPSPAllowedUsers with `runAsUser.rule:
 * MustRunAsNonRoot` (map with `allowRootInUserNamespace: false`), except that
 * pod-level fields count for every workload kind, not only for Pods.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'run-as-non-root',
    title: 'Containers run as a non-root user',
    description: 'Make every container run as a non-root user: `runAsNonRoot: true` or a non-zero `runAsUser`.',
    rationale: [
      'Root inside a container is the same user as root on the node, held back only by the capabilities and',
      'confinement the runtime applies. A bug in the application, the runtime or the kernel that lets a process',
      'escape the container hands a root process the whole node. Most images run as root simply because their',
      'Dockerfile never named another user. Requiring `runAsNonRoot: true` makes the kubelet check the user before',
      'starting the container, and a fixed non-zero `runAsUser` removes the doubt altogether; either can be set',
      'once for the pod. `runAsUser: 0` asks for root outright, so it is reported even next to `runAsNonRoot`.',
    ].join(' '),
    remediation: [
      'Set `securityContext.runAsNonRoot: true` on the pod (or the container) and make sure the image has a',
      'numeric non-root `USER`, or set `runAsUser` to a non-zero UID such as 10001; remove any `runAsUser: 0`.',
    ].join(' '),
    defaultSeverity: 'warning',
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        exemptImages: exemptImagesParam(),
        allowRootInUserNamespace: {
          type: 'boolean',
          default: true,
          description:
            'Skip pods with `hostUsers: false`, whose root user maps to an unprivileged user on the node, as Pod Security admission does from policy version 1.35.',
        },
      },
    },
    messages: {
      rootUser: '{{type}} "{{container}}" runs as root: {{field}} is 0',
      rootUserDespiteNonRoot:
        '{{type}} "{{container}}" has runAsNonRoot true but {{field}} is 0, so the kubelet will refuse to start it',
      rootAllowed: '{{type}} "{{container}}" may run as root: {{field}} is false and no non-zero runAsUser is set',
      notEnforced:
        '{{type}} "{{container}}" may run as root: neither it nor its pod sets runAsNonRoot: true or a non-zero runAsUser',
    },
  },

  *check(resource, params): Iterable<Violation<MessageId>> {
    for (const ref of judgedContainers(resource, params)) {
      if (params.allowRootInUserNamespace && usesUserNamespace(ref.podSpec)) continue;
      const violation = checkContainer(ref);
      if (violation) yield violation;
    }
  },
};

/** At most one finding per container, at the field that decides. */
function checkContainer(ref: ContainerRef): Violation<MessageId> | undefined {
  const context = effectiveSecurityContext(ref);
  const { runAsUser, runAsNonRoot } = context;
  const data = { type: ref.type, container: ref.name };
  if (runAsUser.value === 0) {
    const messageId = runAsNonRoot.value === true ? 'rootUserDespiteNonRoot' : 'rootUser';
    return { messageId, data: { ...data, field: describeField(runAsUser, 'runAsUser') }, path: runAsUser.path };
  }
  if ((runAsUser.value ?? 0) > 0 || runAsNonRoot.value === true) return undefined;
  if (runAsNonRoot.value === false) {
    return {
      messageId: 'rootAllowed',
      data: { ...data, field: describeField(runAsNonRoot, 'runAsNonRoot') },
      path: runAsNonRoot.path,
    };
  }
  return { messageId: 'notEnforced', data, path: runAsNonRoot.path };
}

/** Where the deciding value was set, in words: the container’s own field or the pod’s. */
function describeField(setting: EffectiveSetting<unknown>, field: string): string {
  return `${setting.source === 'pod' ? "the pod's" : 'its'} securityContext.${field}`;
}

export default rule;
