import { exemptImagesParam, getIn, isRecord, judgedContainers } from '../src/kit/rule-api.js';
import type { ContainerRef, Resource, Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'missingProbe' | 'identicalProbes';

const PROBES = ['readinessProbe', 'livenessProbe', 'startupProbe'] as const;
type ProbeName = (typeof PROBES)[number];

type Params = {
  requiredProbes: ProbeName[];
  allowIdenticalProbes: boolean;
  exemptImages: string[];
};

/** Pod restart policies of pods that run to completion, which need no probes. */
const RUN_TO_COMPLETION = ['Never', 'OnFailure'];

/**
 * Long-running workloads probe every regular container. Jobs and CronJobs run
 * to completion and are not checked; neither is a bare Pod whose
 * `restartPolicy` says it runs to completion. Init and ephemeral containers
 * are not checked: they finish before the pod is ready, or are debugging aids.
 *
 * A livenessProbe identical to the readinessProbe is one of this rule's
 * findings, so it has the rule's severity (a warning by default); teams that
 * raise the rule to `deny` and disagree can set `allowIdenticalProbes`.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'probes-configured',
    title: 'Long-running containers have probes',
    description: 'Give every container of a long-running workload a readinessProbe and a livenessProbe that differ.',
    rationale: [
      'Without a readiness probe a pod gets traffic as soon as its process starts, before it has loaded its',
      'configuration or warmed its caches, and keeps getting it while it is overloaded or has lost its database;',
      'rolling updates also move on to the next pod before the new one can serve. Without a liveness probe a',
      'container that hangs (a deadlock, a stuck event loop) stays up forever, because its process never exits.',
      'The two probes answer different questions, so they should not be the same check: a liveness probe',
      'that fails whenever the pod is merely busy or a dependency is down makes the kubelet restart healthy',
      'containers, often all replicas at once, which turns a slowdown into an outage. Only workloads that keep',
      'running are checked (Deployments, StatefulSets, DaemonSets, ReplicaSets, ReplicationControllers and Pods',
      'that restart always); Jobs and CronJobs run to completion. The identical-probe finding shares the severity',
      'of the rule, a warning unless a constraint says otherwise.',
    ].join(' '),
    remediation: [
      'Add a `readinessProbe` that checks the container can serve now (for example an HTTP `/ready` endpoint) and',
      'a `livenessProbe` that checks only that the process is not stuck (a cheap `/healthz`, with a higher',
      '`failureThreshold`); list sidecars that you do not build in `exemptImages`.',
    ].join(' '),
    defaultSeverity: 'warning',
    defaultKinds: [
      { apiGroups: [''], kinds: ['Pod', 'ReplicationController'] },
      { apiGroups: ['apps'], kinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'] },
    ],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        requiredProbes: {
          type: 'array',
          items: { type: 'string', enum: [...PROBES] },
          uniqueItems: true,
          default: ['readinessProbe', 'livenessProbe'],
          description:
            'The probes every container must define: any of `readinessProbe`, `livenessProbe` and `startupProbe`.',
        },
        allowIdenticalProbes: {
          type: 'boolean',
          default: false,
          description: 'Accept a livenessProbe that is the same as the readinessProbe in every field.',
        },
        exemptImages: exemptImagesParam(),
      },
    },
    messages: {
      missingProbe: 'container "{{container}}" has no {{probe}}',
      identicalProbes:
        'container "{{container}}" has a livenessProbe identical to its readinessProbe, so a busy container is restarted instead of only taken out of service',
    },
  },

  *check(resource, params): Iterable<Violation<MessageId>> {
    if (runsToCompletion(resource)) return;
    for (const ref of judgedContainers(resource, params)) {
      if (ref.type !== 'container') continue;
      yield* checkContainer(resource, ref, params);
    }
  },
};

function* checkContainer(resource: Resource, ref: ContainerRef, params: Params): Generator<Violation<MessageId>> {
  for (const probe of params.requiredProbes ?? []) {
    if (!isRecord(ref.container[probe])) {
      yield { messageId: 'missingProbe', data: { container: ref.name, probe }, path: [...ref.path, probe] };
    }
  }
  const { livenessProbe, readinessProbe } = ref.container;
  if (params.allowIdenticalProbes || !isRecord(livenessProbe) || !deepEqual(livenessProbe, readinessProbe)) return;
  yield {
    messageId: 'identicalProbes',
    data: { container: ref.name },
    path: [...ref.path, 'livenessProbe'],
    related: [
      {
        resource,
        path: [...ref.path, 'readinessProbe'],
        message: `the readinessProbe of container "${ref.name}"`,
      },
    ],
  };
}

/** A bare Pod that does not restart always runs to completion, like a Job's pods. */
function runsToCompletion(resource: Resource): boolean {
  if (resource.group !== '' || resource.kind !== 'Pod') return false;
  const policy = getIn(resource.object, ['spec', 'restartPolicy']);
  return typeof policy === 'string' && RUN_TO_COMPLETION.includes(policy);
}

/** Structural equality of parsed YAML values; key order does not matter. */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]))
  );
}

export default rule;
