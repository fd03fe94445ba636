import {
  WORKLOAD_KINDS,
  capabilityEntries,
  effectiveSecurityContext,
  exemptImagesParam,
  isWindowsPod,
  judgedContainers,
  normalizeCapability,
} from '../src/kit/rule-api.js';
import type { CapabilityEntry, ContainerRef, EffectiveSecurityContext, Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'notDropped' | 'privilegedNotDropped' | 'dropAllSpelling' | 'notAllowed';

type Params = {
  requiredDropCapabilities: string[];
  allowedCapabilities: string[];
  exemptImages: string[];
};

/**
 * Every container drops all Linux capabilities and adds back only allowed
 * ones. Gatekeeper’s K8sPSPCapabilities with the same parameter names and the
 * same case-insensitive comparisons: a required drop is satisfied by the
 * capability itself or by `ALL`; `*` in `allowedCapabilities` allows any.
 * Differences: the default requires dropping `ALL` (map an absent
 * `requiredDropCapabilities` to `[]`), each disallowed capability is its own
 * finding, `all` in lower case is reported because Pod Security admission
 * accepts only `ALL`, and pods declaring `os.name: windows` are skipped.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'drop-all-capabilities',
    title: 'Containers drop all capabilities',
    description: 'Drop `ALL` capabilities in every container and add back only those on the allowed list.',
    rationale: [
      'Container runtimes hand every container a default set of Linux capabilities, such as making raw network',
      'packets, changing file ownership or bypassing file permission checks, whether or not the application uses',
      'them. Each one is a tool for an attacker who gets code running in the container, and several have been the',
      'key to past escapes. Dropping them all and adding back only what the application proves it needs (most',
      'often nothing, sometimes NET_BIND_SERVICE to listen on a port below 1024) keeps the container to the least',
      'privilege it can work with. A privileged container keeps every capability whatever it drops; the',
      '`no-privileged` rule reports that, and this rule then says that the drop only counts once the container is no',
      'longer privileged.',
    ].join(' '),
    remediation: [
      'Add `capabilities: {drop: [ALL]}` to the container’s `securityContext`, written in capitals, and list under',
      '`capabilities.add` only capabilities in `allowedCapabilities`; prefer changing the application (for',
      'instance to listen on a port above 1024) to adding one.',
    ].join(' '),
    defaultSeverity: 'warning',
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        requiredDropCapabilities: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          default: ['ALL'],
          description:
            'Capabilities every container must drop, compared without regard to case; dropping `ALL` satisfies any list. Empty: no drop is required.',
        },
        allowedCapabilities: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          default: [],
          description:
            'Capabilities a container may add, compared without regard to case, such as `NET_BIND_SERVICE`. `*` allows any. Empty: none may be added.',
        },
        exemptImages: exemptImagesParam(),
      },
    },
    messages: {
      notDropped:
        '{{type}} "{{container}}" keeps capabilities: securityContext.capabilities.drop does not list {{missing}}',
      privilegedNotDropped:
        '{{type}} "{{container}}" runs privileged, so it holds every capability: dropping {{missing}} takes effect only once privileged is false',
      dropAllSpelling:
        '{{type}} "{{container}}" drops "{{written}}": runtimes accept it, but Pod Security admission only recognises "ALL"',
      notAllowed:
        '{{type}} "{{container}}" adds capability "{{capability}}", which is not allowed (allowed: {{allowed}})',
    },
  },

  *check(resource, params): Iterable<Violation<MessageId>> {
    for (const ref of judgedContainers(resource, params)) {
      if (isWindowsPod(ref.podSpec)) continue;
      const context = effectiveSecurityContext(ref);
      const dropped = checkDrops(ref, context, params.requiredDropCapabilities);
      if (dropped) yield dropped;
      yield* checkAdds(ref, capabilityEntries(context, 'add'), params.allowedCapabilities);
    }
  },
};

/** The finding for a container that keeps a capability it must drop, if any. */
function checkDrops(
  ref: ContainerRef,
  context: EffectiveSecurityContext,
  required: readonly string[],
): Violation<MessageId> | undefined {
  if (required.length === 0) return undefined;
  const drops = capabilityEntries(context, 'drop');
  const data = { type: ref.type, container: ref.name };
  if (drops.some((entry) => entry.name === 'ALL')) return undefined;
  // The runtimes read `all` as ALL, which satisfies any list; only a list that asks for ALL itself,
  // as Pod Security admission does, needs the capitals.
  const otherCaseAll = drops.find((entry) => normalizeCapability(entry.name) === 'ALL');
  if (otherCaseAll) {
    if (!required.some((name) => normalizeCapability(name) === 'ALL')) return undefined;
    return { messageId: 'dropAllSpelling', data: { ...data, written: otherCaseAll.name }, path: otherCaseAll.path };
  }
  const dropped = new Set(drops.map((entry) => normalizeCapability(entry.name)));
  const missing = required.filter((name) => !dropped.has(normalizeCapability(name)));
  if (missing.length === 0) return undefined;
  const wanted = missing.map((name) => `"${name}"`).join(', ');
  const described = missing.some((name) => normalizeCapability(name) === 'ALL') ? wanted : `${wanted} (or "ALL")`;
  // A privileged container gets every capability whatever it drops: adding the drop alone would not fix it.
  return {
    messageId: context.privileged.value === true ? 'privilegedNotDropped' : 'notDropped',
    data: { ...data, missing: described },
    path: [...context.containerPath, 'capabilities', 'drop'],
  };
}

/** One finding per added capability that the allow-list does not name. */
function* checkAdds(
  ref: ContainerRef,
  adds: readonly CapabilityEntry[],
  allowed: readonly string[],
): Generator<Violation<MessageId>> {
  if (allowed.includes('*')) return;
  const permitted = new Set(allowed.map(normalizeCapability));
  const listed = allowed.length === 0 ? 'none' : allowed.join(', ');
  for (const entry of adds) {
    if (permitted.has(normalizeCapability(entry.name))) continue;
    yield {
      messageId: 'notAllowed',
      data: { type: ref.type, container: ref.name, capability: entry.name, allowed: listed },
      path: entry.path,
    };
  }
}

export default rule;
