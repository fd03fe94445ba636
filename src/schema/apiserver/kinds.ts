/**
 * What the API server requires of each built-in kind's name, and whether the
 * kind lives in a namespace. Kinds not listed get no checks at all: an
 * unknown kind is not judged.
 */
import { ownEntry } from '../../util/own-entry.js';
import {
  dns1035LabelProblems,
  dnsLabelProblems,
  dnsSubdomainProblems,
  maskTrailingDash,
  pathSegmentProblems,
} from './syntax.js';

/** The rule a kind's `metadata.name` follows. */
export interface NameRule {
  /** How the rule is called in a message. */
  readonly format: string;
  /** What is wrong with a name (or, with `isPrefix`, with a `generateName`). */
  problems(name: string, isPrefix: boolean): string[];
}

const SUBDOMAIN: NameRule = {
  format: 'DNS-1123 subdomain',
  problems: (name, isPrefix) => dnsSubdomainProblems(maskTrailingDash(name, isPrefix)),
};
const LABEL: NameRule = {
  format: 'DNS-1123 label',
  problems: (name, isPrefix) => dnsLabelProblems(maskTrailingDash(name, isPrefix)),
};
const DNS_1035_LABEL: NameRule = {
  format: 'DNS-1035 label',
  problems: (name, isPrefix) => dns1035LabelProblems(maskTrailingDash(name, isPrefix)),
};
/** The rule every stored object meets, whatever its kind: a name that fits in a URL path. */
const PATH_SEGMENT: NameRule = {
  format: 'path segment name',
  problems: (name, isPrefix) => pathSegmentProblems(name, isPrefix),
};

/** One kind's metadata rules. */
export interface KindRules {
  readonly name: NameRule;
  readonly namespaced: boolean;
  /**
   * True when the kind's own validation runs the core metadata checks, which
   * also require a finalizer without a domain to be a standard one.
   */
  readonly kubeFinalizers: boolean;
}

const namespaced = (name: NameRule): KindRules => ({ name, namespaced: true, kubeFinalizers: true });
const clusterWide = (name: NameRule): KindRules => ({ name, namespaced: false, kubeFinalizers: true });
/** A namespaced kind judged only by the checks every stored object gets. */
const storedInNamespace: KindRules = { name: PATH_SEGMENT, namespaced: true, kubeFinalizers: false };

/**
 * Keyed by `group/Kind` (`/Pod` for the core group). StatefulSet names are
 * DNS labels from 1.27, the oldest release judged here. Kinds whose own rule
 * we have not confirmed (PodDisruptionBudget, Lease, EndpointSlice) get only
 * the path-segment rule every stored object meets.
 */
const KIND_RULES: Readonly<Record<string, KindRules>> = {
  '/Pod': namespaced(SUBDOMAIN),
  '/Service': namespaced(DNS_1035_LABEL),
  '/Namespace': clusterWide(LABEL),
  '/Node': clusterWide(SUBDOMAIN),
  '/ConfigMap': namespaced(SUBDOMAIN),
  '/Secret': namespaced(SUBDOMAIN),
  '/ServiceAccount': namespaced(SUBDOMAIN),
  '/Endpoints': namespaced(SUBDOMAIN),
  '/PersistentVolumeClaim': namespaced(SUBDOMAIN),
  '/PersistentVolume': clusterWide(SUBDOMAIN),
  '/ReplicationController': namespaced(SUBDOMAIN),
  '/PodTemplate': namespaced(SUBDOMAIN),
  '/LimitRange': namespaced(SUBDOMAIN),
  '/ResourceQuota': namespaced(SUBDOMAIN),
  'apps/Deployment': namespaced(SUBDOMAIN),
  'apps/ReplicaSet': namespaced(SUBDOMAIN),
  'apps/DaemonSet': namespaced(SUBDOMAIN),
  'apps/StatefulSet': namespaced(LABEL),
  'apps/ControllerRevision': namespaced(SUBDOMAIN),
  'batch/Job': namespaced(SUBDOMAIN),
  'batch/CronJob': namespaced(SUBDOMAIN),
  'autoscaling/HorizontalPodAutoscaler': namespaced(SUBDOMAIN),
  'networking.k8s.io/Ingress': namespaced(SUBDOMAIN),
  'networking.k8s.io/NetworkPolicy': namespaced(SUBDOMAIN),
  'networking.k8s.io/IngressClass': clusterWide(SUBDOMAIN),
  'rbac.authorization.k8s.io/Role': namespaced(PATH_SEGMENT),
  'rbac.authorization.k8s.io/RoleBinding': namespaced(PATH_SEGMENT),
  'rbac.authorization.k8s.io/ClusterRole': clusterWide(PATH_SEGMENT),
  'rbac.authorization.k8s.io/ClusterRoleBinding': clusterWide(PATH_SEGMENT),
  'storage.k8s.io/StorageClass': clusterWide(SUBDOMAIN),
  'scheduling.k8s.io/PriorityClass': clusterWide(SUBDOMAIN),
  'policy/PodDisruptionBudget': storedInNamespace,
  'coordination.k8s.io/Lease': storedInNamespace,
  'discovery.k8s.io/EndpointSlice': storedInNamespace,
};

/** The versions of each group that releases 1.27 to 1.35 serve the kinds above in. */
const SERVED_VERSIONS: Readonly<Record<string, readonly string[]>> = {
  '': ['v1'],
  apps: ['v1'],
  batch: ['v1'],
  autoscaling: ['v1', 'v2'],
  'networking.k8s.io': ['v1'],
  'rbac.authorization.k8s.io': ['v1'],
  'storage.k8s.io': ['v1'],
  'scheduling.k8s.io': ['v1'],
  policy: ['v1'],
  'coordination.k8s.io': ['v1'],
  'discovery.k8s.io': ['v1'],
};

/**
 * The metadata rules of a built-in kind, or undefined for a kind (or a
 * version of it) this module does not judge.
 */
export function kindRulesOf(group: string, version: string, kind: string): KindRules | undefined {
  if (!ownEntry(SERVED_VERSIONS, group)?.includes(version)) return undefined;
  return ownEntry(KIND_RULES, `${group}/${kind}`);
}
