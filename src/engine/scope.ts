/**
 * Which kinds live outside namespaces. Offline there is no API discovery to
 * ask, so the answer comes from a CustomResourceDefinition in the input when
 * there is one, else from a table of well-known kinds.
 */
import { getIn, isRecord } from '../model/records.js';
import type { Inventory, Resource } from '../model/types.js';
import { ownEntry } from '../util/own-entry.js';

/** Well-known cluster-scoped kinds by API group. `*` stands for every kind of the group. */
const CLUSTER_SCOPED: Readonly<Record<string, readonly string[]>> = {
  '': ['Namespace', 'Node', 'PersistentVolume', 'ComponentStatus'],
  'admissionregistration.k8s.io': [
    'MutatingWebhookConfiguration',
    'ValidatingWebhookConfiguration',
    'ValidatingAdmissionPolicy',
    'ValidatingAdmissionPolicyBinding',
    'MutatingAdmissionPolicy',
    'MutatingAdmissionPolicyBinding',
  ],
  'apiextensions.k8s.io': ['CustomResourceDefinition'],
  'apiregistration.k8s.io': ['APIService'],
  'authentication.k8s.io': ['TokenReview', 'SelfSubjectReview'],
  'authorization.k8s.io': ['SubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview'],
  'certificates.k8s.io': ['CertificateSigningRequest', 'ClusterTrustBundle'],
  'flowcontrol.apiserver.k8s.io': ['FlowSchema', 'PriorityLevelConfiguration'],
  'internal.apiserver.k8s.io': ['StorageVersion'],
  'networking.k8s.io': ['IngressClass', 'IPAddress', 'ServiceCIDR'],
  'node.k8s.io': ['RuntimeClass'],
  policy: ['PodSecurityPolicy'],
  'rbac.authorization.k8s.io': ['ClusterRole', 'ClusterRoleBinding'],
  'resource.k8s.io': ['DeviceClass', 'ResourceSlice'],
  'scheduling.k8s.io': ['PriorityClass'],
  'storage.k8s.io': ['StorageClass', 'CSIDriver', 'CSINode', 'VolumeAttachment', 'VolumeAttributesClass'],
  'storagemigration.k8s.io': ['StorageVersionMigration'],
  // Gatekeeper's own kinds, which constraint files often sit next to.
  'constraints.gatekeeper.sh': ['*'],
  'templates.gatekeeper.sh': ['ConstraintTemplate'],
  'mutations.gatekeeper.sh': ['Assign', 'AssignMetadata', 'AssignImage', 'ModifySet'],
  'expansion.gatekeeper.sh': ['ExpansionTemplate'],
  'externaldata.gatekeeper.sh': ['Provider'],
  // Popular add-ons.
  'cert-manager.io': ['ClusterIssuer'],
  'gateway.networking.k8s.io': ['GatewayClass'],
  'snapshot.storage.k8s.io': ['VolumeSnapshotClass', 'VolumeSnapshotContent'],
  'kyverno.io': ['ClusterPolicy', 'ClusterCleanupPolicy'],
  'wgpolicyk8s.io': ['ClusterPolicyReport'],
  'argoproj.io': ['ClusterWorkflowTemplate'],
  'cilium.io': ['CiliumClusterwideNetworkPolicy', 'CiliumNode', 'CiliumIdentity'],
  'crd.projectcalico.org': ['GlobalNetworkPolicy', 'GlobalNetworkSet'],
  'projectcalico.org': ['GlobalNetworkPolicy', 'GlobalNetworkSet'],
  'external-secrets.io': ['ClusterSecretStore', 'ClusterExternalSecret'],
};

/**
 * True for the well-known cluster-scoped kinds listed above (core, RBAC,
 * storage, admission, API registration, Gatekeeper's own kinds and a few
 * popular add-ons). Any other kind counts as namespaced: most custom resources
 * are, and treating an unknown kind as namespaced keeps namespace filters
 * working on it. {@link resourceIsClusterScoped} also reads CRDs in the input.
 */
export function isClusterScoped(group: string, kind: string): boolean {
  const kinds = ownEntry(CLUSTER_SCOPED, group);
  return kinds !== undefined && (kinds.includes(kind) || kinds.includes('*'));
}

/** True for a core `Namespace` object, which Gatekeeper treats as its own namespace. */
export function isNamespaceKind(group: string, kind: string): boolean {
  return group === '' && kind === 'Namespace';
}

const CRD_SCOPES_MEMO = 'engine:crd-scopes';

/**
 * True when the resource's kind is cluster-scoped: as its CustomResourceDefinition
 * in the input says (`spec.scope`), else as {@link isClusterScoped} says.
 */
export function resourceIsClusterScoped(resource: Resource, inventory: Inventory): boolean {
  const scopes = inventory.memo(CRD_SCOPES_MEMO, readCrdScopes);
  // Asked for every resource and constraint: no key to build when the input has no CRDs.
  const fromCrd = scopes.size === 0 ? undefined : scopes.get(`${resource.group}/${resource.kind}`);
  return fromCrd ?? isClusterScoped(resource.group, resource.kind);
}

/** `group/kind` → cluster-scoped?, for every well-formed CRD in the input. */
function readCrdScopes(inventory: Inventory): Map<string, boolean> {
  const scopes = new Map<string, boolean>();
  for (const crd of inventory.ofKind('apiextensions.k8s.io', 'CustomResourceDefinition')) {
    const spec = crd.object['spec'];
    if (!isRecord(spec)) continue;
    const group = spec['group'];
    const kind = getIn(spec, ['names', 'kind']);
    const scope = spec['scope'];
    if (typeof group !== 'string' || typeof kind !== 'string') continue;
    if (scope === 'Cluster' || scope === 'Namespaced') scopes.set(`${group}/${kind}`, scope === 'Cluster');
  }
  return scopes;
}
