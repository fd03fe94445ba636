// Kubernetes' canonical definition names (`io.k8s.api.core.v1.Container`), from the names that
// generated clients give the same definitions.

/** Go packages whose definition prefix is not `io.k8s.api.<package>`. */
const PACKAGE_PREFIXES = {
  apiextensions: 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions',
  apiregistration: 'io.k8s.kube-aggregator.pkg.apis.apiregistration',
  meta: 'io.k8s.apimachinery.pkg.apis.meta',
};

/** API groups whose Go package is not the group's first label (the core group is ''). */
const GROUP_PACKAGES = { '': 'core', 'internal.apiserver.k8s.io': 'apiserverinternal' };

/** An API group's Go package: `rbac.authorization.k8s.io` → `rbac`. */
export function packageOfGroup(group) {
  return GROUP_PACKAGES[group] ?? group.split('.')[0];
}

/** The definition prefix of a package and version: (`apps`, `v1`) → `io.k8s.api.apps.v1`. */
export function definitionPrefix(pkg, version) {
  return `${PACKAGE_PREFIXES[pkg] ?? `io.k8s.api.${pkg}`}.${version}`;
}

/**
 * A definition's package and version, or undefined for one outside the versioned API packages:
 * `io.k8s.api.apps.v1.Deployment` → { pkg: 'apps', version: 'v1', simple: 'Deployment' }.
 */
export function splitDefinition(name) {
  const match = /^(.*)\.(v\d+(?:(?:alpha|beta)\d+)?)\.(\w+)$/.exec(name);
  if (!match) return undefined;
  const pkg = Object.entries(PACKAGE_PREFIXES).find(([, prefix]) => prefix === match[1])?.[0];
  const api = /^io\.k8s\.api\.(\w+)$/.exec(match[1]);
  return { pkg: pkg ?? api?.[1], version: match[2], simple: match[3] };
}

/** The API group of a package (the inverse of packageOfGroup for the packages of served kinds). */
export function groupOfPackage(pkg, knownGroups) {
  return knownGroups.find((group) => packageOfGroup(group) === pkg);
}

/**
 * A client-node model name's parts: `CoreV1EndpointPort` → { prefix: 'core', version: 'v1',
 * simple: 'EndpointPort' }. client-node drops the package from a name, and puts it back as a
 * prefix only where two packages of one version have a definition of that name.
 */
export function splitModelName(name) {
  const match = /^([A-Z][a-z]+)?(V\d+(?:(?:alpha|beta)\d+)?)([A-Z]\w*)$/.exec(name);
  if (!match) return undefined;
  return { prefix: match[1]?.toLowerCase(), version: match[2].toLowerCase(), simple: match[3] };
}

/**
 * A definition name from the PascalCase form that kubernetes-models uses:
 * `IoK8sApiCoreV1Container` → `io.k8s.api.core.v1.Container`.
 */
export function definitionOfPascalName(name) {
  const forms = [
    [/^IoK8sApi([A-Z][a-z]+)(V\d+(?:(?:alpha|beta)\d+)?)([A-Z]\w*)$/, (m) => `io.k8s.api.${m[1].toLowerCase()}`],
    [/^IoK8sApimachineryPkgApisMeta(V1)([A-Z]\w*)$/, () => PACKAGE_PREFIXES.meta],
    [/^IoK8sApiextensionsApiserverPkgApisApiextensions(V\w+?)([A-Z]\w*)$/, () => PACKAGE_PREFIXES.apiextensions],
    [/^IoK8sKubeAggregatorPkgApisApiregistration(V\w+?)([A-Z]\w*)$/, () => PACKAGE_PREFIXES.apiregistration],
  ];
  for (const [pattern, prefix] of forms) {
    const match = pattern.exec(name);
    if (!match) continue;
    const [version, simple] = match.length === 4 ? [match[2], match[3]] : [match[1], match[2]];
    return `${prefix(match)}.${version.toLowerCase()}.${simple}`;
  }
  const unversioned = {
    IoK8sApimachineryPkgApiResourceQuantity: 'io.k8s.apimachinery.pkg.api.resource.Quantity',
    IoK8sApimachineryPkgRuntimeRawExtension: 'io.k8s.apimachinery.pkg.runtime.RawExtension',
    IoK8sApimachineryPkgUtilIntstrIntOrString: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
    IoK8sApimachineryPkgVersionInfo: 'io.k8s.apimachinery.pkg.version.Info',
  };
  return unversioned[name];
}
