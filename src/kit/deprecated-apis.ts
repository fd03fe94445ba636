/**
 * Kubernetes API versions that are deprecated or no longer served, as data.
 *
 * Source: the Kubernetes "Deprecated API Migration Guide"
 * (https://kubernetes.io/docs/reference/using-api/deprecation-guide/, removals
 * from v1.16 to v1.32) for the removal releases and replacements, and the API
 * server's own deprecation warnings ("<apiVersion> <Kind> is deprecated in
 * v1.X+, unavailable in v1.Y+", generated from the `prerelease-lifecycle-gen`
 * tags of k8s.io/api) for the release each version was deprecated in. The
 * v1.33 deprecation of core `v1` Endpoints comes from KEP-4974 and the v1.33
 * release blog. Alpha versions are left out: they may disappear in any release
 * without a deprecation period, so the guide does not track them.
 *
 * To add an entry, append a row to {@link DEPRECATED_APIS}; nothing else changes.
 */

/** A successor API for a deprecated one. */
export interface ApiReplacement {
  /** `group/version`, e.g. `apps/v1`. */
  apiVersion: string;
  /** The release that first served it, e.g. `1.9`. */
  availableIn: string;
}

/** One kind at one deprecated API version. */
export interface DeprecatedApi {
  /** `group/version` as written in manifests. */
  apiVersion: string;
  kind: string;
  /** The first release that warned about it, e.g. `1.16`. */
  deprecatedIn: string;
  /** The first release that no longer serves it; absent when no removal is planned. */
  removedIn?: string;
  /** Successors, preferred first. Empty when the API has no successor. */
  replacements: readonly ApiReplacement[];
  /** What to do instead when no listed successor is served at the target release. */
  alternative?: string;
}

const APPS_V1: readonly ApiReplacement[] = [{ apiVersion: 'apps/v1', availableIn: '1.9' }];
const NETWORKING_V1: readonly ApiReplacement[] = [{ apiVersion: 'networking.k8s.io/v1', availableIn: '1.19' }];
const RBAC_V1: readonly ApiReplacement[] = [{ apiVersion: 'rbac.authorization.k8s.io/v1', availableIn: '1.8' }];
const FLOWCONTROL: readonly ApiReplacement[] = [
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1', availableIn: '1.29' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', availableIn: '1.26' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', availableIn: '1.23' },
];
const POD_SECURITY_ADMISSION =
  'PodSecurityPolicy has no successor API: enforce pod security with Pod Security Admission (`pod-security.kubernetes.io/*` labels on the Namespace) or a policy engine';

/** Rows of [apiVersion, kinds, deprecatedIn, removedIn, replacements, alternative?]. */
type Row = readonly [string, readonly string[], string, string | undefined, readonly ApiReplacement[], string?];

const ROWS: readonly Row[] = [
  // Removed in 1.16.
  ['extensions/v1beta1', ['Deployment', 'DaemonSet', 'ReplicaSet'], '1.9', '1.16', APPS_V1],
  ['apps/v1beta1', ['Deployment', 'StatefulSet', 'ReplicaSet'], '1.9', '1.16', APPS_V1],
  ['apps/v1beta2', ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'], '1.9', '1.16', APPS_V1],
  [
    'extensions/v1beta1',
    ['NetworkPolicy'],
    '1.9',
    '1.16',
    [{ apiVersion: 'networking.k8s.io/v1', availableIn: '1.8' }],
  ],
  [
    'extensions/v1beta1',
    ['PodSecurityPolicy'],
    '1.10',
    '1.16',
    [{ apiVersion: 'policy/v1beta1', availableIn: '1.10' }],
    POD_SECURITY_ADMISSION,
  ],
  // Removed in 1.22.
  [
    'extensions/v1beta1',
    ['Ingress'],
    '1.14',
    '1.22',
    [...NETWORKING_V1, { apiVersion: 'networking.k8s.io/v1beta1', availableIn: '1.14' }],
  ],
  ['networking.k8s.io/v1beta1', ['Ingress', 'IngressClass'], '1.19', '1.22', NETWORKING_V1],
  [
    'rbac.authorization.k8s.io/v1beta1',
    ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'],
    '1.17',
    '1.22',
    RBAC_V1,
  ],
  [
    'admissionregistration.k8s.io/v1beta1',
    ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
    '1.16',
    '1.22',
    [{ apiVersion: 'admissionregistration.k8s.io/v1', availableIn: '1.16' }],
  ],
  [
    'apiextensions.k8s.io/v1beta1',
    ['CustomResourceDefinition'],
    '1.16',
    '1.22',
    [{ apiVersion: 'apiextensions.k8s.io/v1', availableIn: '1.16' }],
  ],
  [
    'apiregistration.k8s.io/v1beta1',
    ['APIService'],
    '1.19',
    '1.22',
    [{ apiVersion: 'apiregistration.k8s.io/v1', availableIn: '1.10' }],
  ],
  [
    'authentication.k8s.io/v1beta1',
    ['TokenReview'],
    '1.19',
    '1.22',
    [{ apiVersion: 'authentication.k8s.io/v1', availableIn: '1.6' }],
  ],
  [
    'authorization.k8s.io/v1beta1',
    ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview'],
    '1.19',
    '1.22',
    [{ apiVersion: 'authorization.k8s.io/v1', availableIn: '1.6' }],
  ],
  [
    'certificates.k8s.io/v1beta1',
    ['CertificateSigningRequest'],
    '1.19',
    '1.22',
    [{ apiVersion: 'certificates.k8s.io/v1', availableIn: '1.19' }],
  ],
  [
    'coordination.k8s.io/v1beta1',
    ['Lease'],
    '1.19',
    '1.22',
    [{ apiVersion: 'coordination.k8s.io/v1', availableIn: '1.14' }],
  ],
  [
    'scheduling.k8s.io/v1beta1',
    ['PriorityClass'],
    '1.14',
    '1.22',
    [{ apiVersion: 'scheduling.k8s.io/v1', availableIn: '1.14' }],
  ],
  ['storage.k8s.io/v1beta1', ['CSIDriver'], '1.19', '1.22', [{ apiVersion: 'storage.k8s.io/v1', availableIn: '1.19' }]],
  ['storage.k8s.io/v1beta1', ['CSINode'], '1.17', '1.22', [{ apiVersion: 'storage.k8s.io/v1', availableIn: '1.17' }]],
  [
    'storage.k8s.io/v1beta1',
    ['StorageClass'],
    '1.19',
    '1.22',
    [{ apiVersion: 'storage.k8s.io/v1', availableIn: '1.6' }],
  ],
  [
    'storage.k8s.io/v1beta1',
    ['VolumeAttachment'],
    '1.19',
    '1.22',
    [{ apiVersion: 'storage.k8s.io/v1', availableIn: '1.13' }],
  ],
  // Removed in 1.25.
  ['batch/v1beta1', ['CronJob'], '1.21', '1.25', [{ apiVersion: 'batch/v1', availableIn: '1.21' }]],
  [
    'discovery.k8s.io/v1beta1',
    ['EndpointSlice'],
    '1.21',
    '1.25',
    [{ apiVersion: 'discovery.k8s.io/v1', availableIn: '1.21' }],
  ],
  ['events.k8s.io/v1beta1', ['Event'], '1.22', '1.25', [{ apiVersion: 'events.k8s.io/v1', availableIn: '1.19' }]],
  [
    'autoscaling/v2beta1',
    ['HorizontalPodAutoscaler'],
    '1.22',
    '1.25',
    [
      { apiVersion: 'autoscaling/v2', availableIn: '1.23' },
      { apiVersion: 'autoscaling/v2beta2', availableIn: '1.12' },
    ],
  ],
  ['policy/v1beta1', ['PodDisruptionBudget'], '1.21', '1.25', [{ apiVersion: 'policy/v1', availableIn: '1.21' }]],
  ['policy/v1beta1', ['PodSecurityPolicy'], '1.21', '1.25', [], POD_SECURITY_ADMISSION],
  ['node.k8s.io/v1beta1', ['RuntimeClass'], '1.22', '1.25', [{ apiVersion: 'node.k8s.io/v1', availableIn: '1.20' }]],
  // Removed in 1.26, 1.27, 1.29 and 1.32.
  [
    'autoscaling/v2beta2',
    ['HorizontalPodAutoscaler'],
    '1.23',
    '1.26',
    [{ apiVersion: 'autoscaling/v2', availableIn: '1.23' }],
  ],
  ['flowcontrol.apiserver.k8s.io/v1beta1', ['FlowSchema', 'PriorityLevelConfiguration'], '1.23', '1.26', FLOWCONTROL],
  [
    'storage.k8s.io/v1beta1',
    ['CSIStorageCapacity'],
    '1.24',
    '1.27',
    [{ apiVersion: 'storage.k8s.io/v1', availableIn: '1.24' }],
  ],
  ['flowcontrol.apiserver.k8s.io/v1beta2', ['FlowSchema', 'PriorityLevelConfiguration'], '1.26', '1.29', FLOWCONTROL],
  ['flowcontrol.apiserver.k8s.io/v1beta3', ['FlowSchema', 'PriorityLevelConfiguration'], '1.29', '1.32', FLOWCONTROL],
  // Deprecated, with no removal planned: stable APIs stay served.
  ['v1', ['ComponentStatus'], '1.19', undefined, []],
  ['v1', ['Endpoints'], '1.33', undefined, [{ apiVersion: 'discovery.k8s.io/v1', availableIn: '1.21' }]],
];

/** Every deprecated API version and kind the rule knows, one entry per kind. */
export const DEPRECATED_APIS: readonly DeprecatedApi[] = ROWS.flatMap(
  ([apiVersion, kinds, deprecatedIn, removedIn, replacements, alternative]) =>
    kinds.map((kind) => ({
      apiVersion,
      kind,
      deprecatedIn,
      ...(removedIn !== undefined && { removedIn }),
      // Shared successor lists (flow control) may name the version itself.
      replacements: replacements.filter((replacement) => replacement.apiVersion !== apiVersion),
      ...(alternative !== undefined && { alternative }),
    })),
);

const BY_KEY: ReadonlyMap<string, DeprecatedApi> = new Map(
  DEPRECATED_APIS.map((entry) => [`${entry.apiVersion} ${entry.kind}`, entry]),
);

/** The table entry for a kind at an API version, or undefined when that pair was never deprecated. */
export function findDeprecatedApi(apiVersion: string, kind: string): DeprecatedApi | undefined {
  return BY_KEY.get(`${apiVersion} ${kind}`);
}

/** A Kubernetes release as major and minor numbers. */
export interface KubernetesVersion {
  major: number;
  minor: number;
}

const VERSION = /^v?(\d+)\.(\d+)(?:\.\d+)?$/;

/** `1.33`, `v1.33` or `1.33.2` → `{major: 1, minor: 33}`; anything else → undefined. */
export function parseKubernetesVersion(text: string): KubernetesVersion | undefined {
  const match = VERSION.exec(text.trim());
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]) };
}

/** Negative, zero or positive as `a` is older than, the same as, or newer than `b` (release strings). */
export function compareKubernetesVersions(a: KubernetesVersion, b: string): number {
  const other = parseKubernetesVersion(b);
  if (!other) throw new Error(`not a Kubernetes version: ${b}`);
  return a.major - other.major || a.minor - other.minor;
}

/** True when the release `target` no longer serves the entry's API version. */
export function isRemovedAt(entry: DeprecatedApi, target: KubernetesVersion): boolean {
  return entry.removedIn !== undefined && compareKubernetesVersions(target, entry.removedIn) >= 0;
}

/** True when the release `target` warns about (or no longer serves) the entry's API version. */
export function isDeprecatedAt(entry: DeprecatedApi, target: KubernetesVersion): boolean {
  return compareKubernetesVersions(target, entry.deprecatedIn) >= 0;
}

/**
 * The successor to suggest at the release `target`: the first listed one that
 * `target` serves and that is not itself deprecated there, else the first
 * one it serves at all. Undefined when none is served (the entry's
 * `alternative`, if any, then says what to do).
 */
export function replacementAt(entry: DeprecatedApi, target: KubernetesVersion): ApiReplacement | undefined {
  const served = entry.replacements.filter((replacement) => {
    if (compareKubernetesVersions(target, replacement.availableIn) < 0) return false;
    const successor = findDeprecatedApi(replacement.apiVersion, entry.kind);
    return successor === undefined || !isRemovedAt(successor, target);
  });
  const current = served.find((replacement) => {
    const successor = findDeprecatedApi(replacement.apiVersion, entry.kind);
    return successor === undefined || !isDeprecatedAt(successor, target);
  });
  return current ?? served[0];
}
