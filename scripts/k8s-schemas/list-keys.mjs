// Lists that the API server merges by key. The packages we read do not carry these markers;
// they are facts of the Kubernetes API types (`+listType=map`, `+listMapKey=…`), kept here for
// the lists that manifests write most. The validator only warns on duplicate keys of built-in
// kinds, as the API server does.

const POD_SPEC_LISTS = {
  containers: ['name'],
  initContainers: ['name'],
  ephemeralContainers: ['name'],
  volumes: ['name'],
  hostAliases: ['ip'],
  topologySpreadConstraints: ['topologyKey', 'whenUnsatisfiable'],
  resourceClaims: ['name'],
  schedulingGates: ['name'],
};
const CONTAINER_LISTS = {
  ports: ['containerPort', 'protocol'],
  env: ['name'],
  volumeMounts: ['mountPath'],
  volumeDevices: ['devicePath'],
};

/** Definition name → field → the keys of its list entries. */
export const LIST_MAP_KEYS = {
  'io.k8s.api.core.v1.PodSpec': POD_SPEC_LISTS,
  'io.k8s.api.core.v1.Container': CONTAINER_LISTS,
  'io.k8s.api.core.v1.EphemeralContainer': CONTAINER_LISTS,
  'io.k8s.api.core.v1.ServiceSpec': { ports: ['port', 'protocol'] },
  'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta': { ownerReferences: ['uid'] },
};

/**
 * Defaults of list keys: the API server fills them in before it compares entries, so two ports
 * that both leave out `protocol` are both TCP.
 */
const KEY_DEFAULTS = {
  'io.k8s.api.core.v1.ContainerPort': { protocol: 'TCP' },
  'io.k8s.api.core.v1.ServicePort': { protocol: 'TCP' },
};

/** Kubernetes publishes these markers from 1.30 on; earlier, only patch merge keys. */
const PUBLISHED_SINCE_MINOR = 30;

/** The schema with the list-map markers of its definition added to the lists it has. */
export function withListMapKeys(release, definition, schema) {
  const defaults = KEY_DEFAULTS[definition];
  if (defaults) schema = withDefaults(schema, defaults);
  const lists = LIST_MAP_KEYS[definition];
  if (!lists || Number(release.split('.')[1]) < PUBLISHED_SINCE_MINOR) return schema;
  const properties = { ...schema.properties };
  for (const [field, keys] of Object.entries(lists)) {
    if (properties[field]?.type !== 'array') continue;
    properties[field] = { ...properties[field], 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': keys };
  }
  return { ...schema, properties };
}

function withDefaults(schema, defaults) {
  const properties = { ...schema.properties };
  for (const [field, value] of Object.entries(defaults)) {
    if (properties[field]) properties[field] = { ...properties[field], default: value };
  }
  return { ...schema, properties };
}
