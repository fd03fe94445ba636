// Reads what a cdk8s-plus package's generated bindings (lib/imports/k8s.js and k8s.d.ts) say of
// the Kubernetes release they were made from: the kinds it serves, and for each definition a
// manifest writes, its fields and which are required. They leave out what a manifest does not
// write: the kinds' status, and the definitions only status uses.

/** Which files of the tarball the reader needs. */
export function isCdk8sImport(file) {
  return file === 'lib/imports/k8s.js' || file === 'lib/imports/k8s.d.ts';
}

/**
 * `kinds`: `apps/v1/Deployment` for each kind; `definitions`: definition name → Map of JSON
 * field name → whether it is required.
 */
export function readCdk8sImport(files) {
  const kinds = new Set();
  for (const match of (files.get('lib/imports/k8s.js') ?? '').matchAll(
    /\.GVK = \{\s*apiVersion: '([^']+)',\s*kind: '([^']+)',/g,
  )) {
    kinds.add(`${match[1].includes('/') ? match[1] : `/${match[1]}`}/${match[2]}`);
  }
  const definitions = new Map();
  for (const match of (files.get('lib/imports/k8s.d.ts') ?? '').matchAll(
    /@schema ([\w.-]+)#(\S+)\s*\*\/\s*readonly [\w$]+(\??):/g,
  )) {
    if (!definitions.has(match[1])) definitions.set(match[1], new Map());
    definitions.get(match[1]).set(match[2], match[3] !== '?');
  }
  return { kinds, definitions };
}
