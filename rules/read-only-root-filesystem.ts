import {
  WORKLOAD_KINDS,
  effectiveSecurityContext,
  exemptImagesParam,
  isWindowsPod,
  judgedContainers,
} from '../src/kit/rule-api.js';
import type { Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'notSet' | 'writable';

type Params = {
  exemptImages: string[];
};

/**
 * Every container mounts its root filesystem read-only. Gatekeeper’s
 * K8sPSPReadOnlyRootFilesystem (same `exemptImages`, same container lists,
 * only an explicit `true` passes), except that pods declaring
 * `os.name: windows`, on which the field cannot be set, are skipped.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'read-only-root-filesystem',
    title: 'Containers have a read-only root filesystem',
    description: 'Set `securityContext.readOnlyRootFilesystem: true` on every container.',
    rationale: [
      'A writable image filesystem lets an intruder drop tools, alter binaries or configuration, and keep them for',
      'as long as the container lives, and it lets an application quietly write data that vanishes on restart.',
      'Making the root filesystem read-only turns the image into what it should be, an immutable artifact, and',
      'forces every place the application writes to be declared as a volume, where its size and lifetime are',
      'visible. The field defaults to false, so it has to be set on each container.',
    ].join(' '),
    remediation: [
      'Add `readOnlyRootFilesystem: true` to the container’s `securityContext`, and mount an `emptyDir` volume',
      'at each path the application writes to (such as `/tmp` or a cache directory).',
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
      notSet:
        '{{type}} "{{container}}" does not set securityContext.readOnlyRootFilesystem, so its root filesystem is writable',
      writable: '{{type}} "{{container}}" sets securityContext.readOnlyRootFilesystem to false',
    },
  },

  *check(resource, params): Iterable<Violation<MessageId>> {
    for (const ref of judgedContainers(resource, params)) {
      if (isWindowsPod(ref.podSpec)) continue;
      const field = effectiveSecurityContext(ref).readOnlyRootFilesystem;
      if (field.value === true) continue;
      const messageId = field.value === false ? 'writable' : 'notSet';
      yield { messageId, data: { type: ref.type, container: ref.name }, path: field.path };
    }
  },
};

export default rule;
