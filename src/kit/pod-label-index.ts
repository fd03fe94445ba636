/**
 * The labels of the pods an input will create, indexed by namespace and by
 * label, so that rules can ask "does this selector select any pod?" for many
 * selectors without comparing every selector with every pod. Built once per
 * run through `inventory.memo`.
 */
import { getIn, isRecord } from '../model/records.js';
import { labelSelectorMatches } from '../engine/label-selector.js';
import { targetNamespace } from './namespace-coverage.js';
import type { Inventory, LabelSelector, ObjectPath, Resource, RuleContext } from '../model/types.js';
import { ownEntry } from '../util/own-entry.js';

/** Where each kind that creates pods keeps their labels, by API group. */
const POD_LABEL_PATHS: Readonly<Record<string, Readonly<Record<string, ObjectPath>>>> = {
  '': {
    Pod: ['metadata', 'labels'],
    ReplicationController: ['spec', 'template', 'metadata', 'labels'],
  },
  apps: {
    Deployment: ['spec', 'template', 'metadata', 'labels'],
    ReplicaSet: ['spec', 'template', 'metadata', 'labels'],
    StatefulSet: ['spec', 'template', 'metadata', 'labels'],
    DaemonSet: ['spec', 'template', 'metadata', 'labels'],
  },
  // Old manifests still say extensions/v1beta1; the pods are the same.
  extensions: {
    Deployment: ['spec', 'template', 'metadata', 'labels'],
    ReplicaSet: ['spec', 'template', 'metadata', 'labels'],
    DaemonSet: ['spec', 'template', 'metadata', 'labels'],
  },
  batch: {
    Job: ['spec', 'template', 'metadata', 'labels'],
    CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'metadata', 'labels'],
  },
};

/**
 * Labels that controllers add to the pods they create, with values a manifest
 * cannot know (`pod-template-hash`) or that differ per pod
 * (`statefulset.kubernetes.io/pod-name: web-0`). A selector's requirements on
 * them are taken as met, so a Service for one StatefulSet pod is not reported.
 */
export const CONTROLLER_POD_LABELS: ReadonlySet<string> = new Set([
  'pod-template-hash',
  'controller-revision-hash',
  'pod-template-generation',
  'statefulset.kubernetes.io/pod-name',
  'apps.kubernetes.io/pod-index',
  'controller-uid',
  'job-name',
  'batch.kubernetes.io/controller-uid',
  'batch.kubernetes.io/job-name',
  'batch.kubernetes.io/job-completion-index',
]);

/** Answers selector questions about the pods of the input. */
export interface PodLabelIndex {
  /**
   * True when the input says which pods may land in `namespace`, so that a
   * selector there can be judged: some pod source may land there (one in that
   * namespace, or one whose namespace is not known), and none of them is an
   * operator's resource whose pods' labels the manifests do not show. For an
   * unknown `namespace`, the pod sources whose namespace is not known decide.
   */
  judges(namespace: string | undefined): boolean;
  /**
   * True when some pod that may land in `namespace` satisfies the selector.
   * Pods whose namespace is not known (no `metadata.namespace`, no
   * `--namespace`) may land anywhere, so they count for every namespace; and
   * an unknown `namespace` looks at the pods of all namespaces.
   */
  selectsAny(namespace: string | undefined, selector: LabelSelector): boolean;
}

/** The pods of one namespace, and for each `key=value` the positions of the pods that carry it. */
interface Bucket {
  pods: Record<string, string>[];
  postings: Map<string, number[]>;
  /** An operator's resource lands here whose pods have labels the input does not show. */
  opaque: boolean;
}

/** API groups of Kubernetes itself (besides `*.k8s.io`): their pod-creating kinds are all in the table above. */
const BUILT_IN_GROUPS: ReadonlySet<string> = new Set(['', 'apps', 'batch', 'extensions', 'policy', 'autoscaling']);

/**
 * Where the pods' labels of a resource are, or undefined when it creates no
 * pods the index can see. Besides the built-in kinds, any other kind with a pod
 * template (`spec.template.spec.containers`, as Argo Rollouts, Knative
 * Services or OpenKruise workloads have) counts, with the template's labels.
 */
function podLabelsPath(resource: Resource): ObjectPath | undefined {
  const byKind = ownEntry(POD_LABEL_PATHS, resource.group);
  const known = byKind && ownEntry(byKind, resource.kind);
  if (known) return known;
  if (BUILT_IN_GROUPS.has(resource.group) || resource.group.endsWith('.k8s.io')) return undefined;
  return Array.isArray(getIn(resource.object, ['spec', 'template', 'spec', 'containers']))
    ? ['spec', 'template', 'metadata', 'labels']
    : undefined;
}

/**
 * Indexes the pod labels of every pod-creating object of the input.
 * `opaqueKinds` (`group/Kind`, such as `monitoring.coreos.com/Prometheus`) are
 * custom resources whose operator creates pods with labels the manifest does
 * not spell out: a namespace with one of them is not judged.
 */
export function buildPodLabelIndex(
  inventory: Inventory,
  ctx: Pick<RuleContext, 'defaultNamespace'>,
  opaqueKinds: readonly string[] = [],
): PodLabelIndex {
  const buckets = new Map<string | undefined, Bucket>();
  const opaque = new Set(opaqueKinds);
  for (const resource of inventory.resources) {
    const isOpaque = opaque.has(`${resource.group}/${resource.kind}`);
    const path = isOpaque ? undefined : podLabelsPath(resource);
    if (!path && !isOpaque) continue;
    const bucket = bucketFor(buckets, targetNamespace(resource, { inventory, defaultNamespace: ctx.defaultNamespace }));
    if (path) addPod(bucket, stringLabels(getIn(resource.object, path)));
    else bucket.opaque = true;
  }
  const answers = new Map<string, boolean>();
  const relevantBuckets = (namespace: string | undefined): Bucket[] =>
    (namespace === undefined ? [...buckets.values()] : [buckets.get(namespace), buckets.get(undefined)]).filter(
      (bucket): bucket is Bucket => bucket !== undefined,
    );
  return {
    judges(namespace) {
      const sources = namespace === undefined ? [buckets.get(undefined)] : relevantBuckets(namespace);
      const present = sources.filter((bucket): bucket is Bucket => bucket !== undefined);
      return present.some((bucket) => bucket.pods.length > 0) && !present.some((bucket) => bucket.opaque);
    },
    selectsAny(namespace, selector) {
      const relevant = withoutControllerLabels(selector);
      const key = `${namespace ?? ''}\u0000${namespace === undefined ? 1 : 0}\u0000${JSON.stringify(relevant)}`;
      let answer = answers.get(key);
      if (answer === undefined) {
        answer = relevantBuckets(namespace).some((bucket) => bucket.opaque || bucketSelectsAny(bucket, relevant));
        answers.set(key, answer);
      }
      return answer;
    },
  };
}

function bucketFor(buckets: Map<string | undefined, Bucket>, namespace: string | undefined): Bucket {
  let bucket = buckets.get(namespace);
  if (!bucket) {
    bucket = { pods: [], postings: new Map(), opaque: false };
    buckets.set(namespace, bucket);
  }
  return bucket;
}

function addPod(bucket: Bucket, labels: Record<string, string>): void {
  const position = bucket.pods.length;
  bucket.pods.push(labels);
  for (const [key, value] of Object.entries(labels)) {
    const posting = pairKey(key, value);
    const list = bucket.postings.get(posting);
    if (list) list.push(position);
    else bucket.postings.set(posting, [position]);
  }
}

/**
 * Only the pods that could match are tested: those carrying the rarest
 * `matchLabels` pair, else those with a value an `In` requirement lists, else
 * all of the namespace's pods.
 */
function bucketSelectsAny(bucket: Bucket, selector: LabelSelector): boolean {
  const candidates = candidatePods(bucket, selector);
  return candidates.some((position) => labelSelectorMatches(selector, bucket.pods[position] ?? {}));
}

function candidatePods(bucket: Bucket, selector: LabelSelector): readonly number[] {
  const pairs = Object.entries(selector.matchLabels ?? {});
  if (pairs.length > 0) {
    const lists = pairs.map(([key, value]) => bucket.postings.get(pairKey(key, value)) ?? []);
    return lists.reduce((shortest, list) => (list.length < shortest.length ? list : shortest));
  }
  const inRequirement = (selector.matchExpressions ?? []).find((requirement) => requirement.operator === 'In');
  if (inRequirement) {
    const positions = new Set<number>();
    for (const value of inRequirement.values ?? []) {
      for (const position of bucket.postings.get(pairKey(inRequirement.key, value)) ?? []) positions.add(position);
    }
    return [...positions];
  }
  return bucket.pods.map((_, position) => position);
}

/** The selector without the requirements on labels that controllers add ({@link CONTROLLER_POD_LABELS}). */
function withoutControllerLabels(selector: LabelSelector): LabelSelector {
  const matchLabels = Object.fromEntries(
    Object.entries(selector.matchLabels ?? {}).filter(([key]) => !CONTROLLER_POD_LABELS.has(key)),
  );
  const matchExpressions = (selector.matchExpressions ?? []).filter(
    (requirement) => !CONTROLLER_POD_LABELS.has(requirement.key),
  );
  return { matchLabels, matchExpressions };
}

function pairKey(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

function stringLabels(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/** `app=web, tier notin (db, cache), !legacy`: a selector as `kubectl get -l` writes it. */
export function formatLabelSelector(selector: LabelSelector): string {
  const parts = Object.entries(selector.matchLabels ?? {}).map(([key, value]) => `${key}=${value}`);
  for (const requirement of selector.matchExpressions ?? []) {
    const values = `(${(requirement.values ?? []).join(', ')})`;
    if (requirement.operator === 'In') parts.push(`${requirement.key} in ${values}`);
    else if (requirement.operator === 'NotIn') parts.push(`${requirement.key} notin ${values}`);
    else if (requirement.operator === 'Exists') parts.push(requirement.key);
    else parts.push(`!${requirement.key}`);
  }
  return parts.join(', ');
}
