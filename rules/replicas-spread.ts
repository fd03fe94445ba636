import { getIn, isRecord, podSpecOf, replicaCount } from '../src/kit/rule-api.js';
import type { ObjectPath, PodSpecRef, Resource, Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'notSpread';

type Params = Record<string, never>;

/** The workload kinds with a replica count; a DaemonSet places one pod per node by design. */
const REPLICATED_KINDS = ['Deployment', 'StatefulSet', 'ReplicaSet'];

/**
 * Workloads with more than one replica tell the scheduler to spread them:
 * pod anti-affinity (required or preferred) or topology spread constraints.
 * The rule checks that a spreading field is there, not what its selector
 * picks: templated selectors are common, and reading them wrongly would
 * report workloads that do spread.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'replicas-spread',
    title: 'Replicas are spread across nodes',
    description:
      'Declare pod anti-affinity or topology spread constraints on every workload with more than one replica.',
    rationale: [
      'Running several replicas only protects a service if they do not fail together. Left to itself the scheduler',
      'places pods wherever they fit best, and it is common for every replica of a Deployment to end up on the same',
      'node or in the same zone; one node drain, kernel panic or zone outage then takes the whole service down even',
      'though the manifest asks for three copies. Pod anti-affinity or topology spread constraints tell the',
      'scheduler to keep replicas apart, so the redundancy you pay for is real.',
    ].join(' '),
    remediation: [
      'Add `topologySpreadConstraints` to the pod template (for example `maxSkew: 1`,',
      '`topologyKey: kubernetes.io/hostname`, `whenUnsatisfiable: ScheduleAnyway` and a `labelSelector` that matches',
      "the workload's own pods), or a preferred `podAntiAffinity` term on the same labels.",
    ].join(' '),
    defaultSeverity: 'warning',
    defaultKinds: [{ apiGroups: ['apps'], kinds: [...REPLICATED_KINDS] }],
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      notSpread:
        '{{kind}} "{{name}}" runs {{replicas}} replicas but its pod template sets neither affinity.podAntiAffinity nor topologySpreadConstraints',
    },
  },

  *check(resource): Iterable<Violation<MessageId>> {
    if (!isReplicatedKind(resource)) return;
    const replicas = replicaCount(resource);
    if (!replicas || replicas.count <= 1) return;
    const podSpec = podSpecOf(resource);
    if (!podSpec || spreads(podSpec)) return;
    yield {
      messageId: 'notSpread',
      data: { kind: resource.kind, name: resource.name ?? '(unnamed)', replicas: replicas.count },
      path: missingFieldPath(podSpec),
    };
  },
};

/** True when the pod spec has a non-empty anti-affinity term list or topology spread constraint list. */
function spreads(podSpec: PodSpecRef): boolean {
  const antiAffinity = getIn(podSpec.spec, ['affinity', 'podAntiAffinity']);
  return (
    isNonEmptyList(getIn(antiAffinity, ['requiredDuringSchedulingIgnoredDuringExecution'])) ||
    isNonEmptyList(getIn(antiAffinity, ['preferredDuringSchedulingIgnoredDuringExecution'])) ||
    isNonEmptyList(podSpec.spec.topologySpreadConstraints)
  );
}

/**
 * Where the fix goes: inside `affinity` when the pod already has one (so the
 * finding lands on it, or on an empty `podAntiAffinity`), else at
 * `topologySpreadConstraints`, which the engine shows at the pod spec.
 */
function missingFieldPath(podSpec: PodSpecRef): ObjectPath {
  if (isRecord(podSpec.spec.affinity)) return [...podSpec.path, 'affinity', 'podAntiAffinity'];
  return [...podSpec.path, 'topologySpreadConstraints'];
}

function isNonEmptyList(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}

function isReplicatedKind(resource: Resource): boolean {
  return resource.group === 'apps' && REPLICATED_KINDS.includes(resource.kind);
}

export default rule;
