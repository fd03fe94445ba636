// Facts of the Kubernetes API types that none of the packages we read records, for the few
// fields that need them. Each is what the Go type declares.

/** The format of numbers of definitions that only client-node 0.x has, which records none. */
export const KNOWN_FORMATS = {
  'io.k8s.api.flowcontrol.v1beta2.LimitedPriorityLevelConfiguration#assuredConcurrencyShares': 'int32',
  'io.k8s.api.networking.v1alpha1.ClusterCIDRSpec#perNodeHostBits': 'int32',
  'io.k8s.api.resource.v1alpha2.NamedResourcesAttribute#int': 'int64',
  'io.k8s.api.resource.v1alpha2.NamedResourcesIntSlice#ints': 'int64',
};

/** Quantities (`resource.Quantity`) of alpha definitions that kubernetes-models does not declare. */
export const KNOWN_QUANTITIES = new Set([
  'io.k8s.api.resource.v1alpha2.NamedResourcesAttribute#quantity',
  'io.k8s.api.resource.v1alpha3.BasicDevice#capacity',
]);

/** Fields of alpha definitions that hold an empty struct, which takes no fields at all. */
export const KNOWN_EMPTY_STRUCTS = new Set(['io.k8s.api.apiserverinternal.v1alpha1.StorageVersion#spec']);

/**
 * Models whose definition the naming rules get wrong: kubernetes-models declares a
 * storagemigration v1 GroupResource, but the one client-node 2.x has is meta/v1's.
 */
export const KNOWN_NAMES = { V1GroupResource: 'io.k8s.apimachinery.pkg.apis.meta.v1.GroupResource' };
