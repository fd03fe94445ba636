// `npm run build-schemas`: writes schemas/kubernetes.json, the schemas of the built-in kinds of
// each supported Kubernetes release, which the package ships and src/schema/builtin/ reads.
//
// The facts come from npm packages, fetched with `npm pack` into node_modules/.cache/ (kept
// between runs; the versions are exact):
//   @kubernetes/client-node   one Kubernetes release per version: its models give each
//                             definition's fields, their types and formats and which are
//                             required; its API classes give the kinds served and their scope.
//   kubernetes-models and     Kubernetes' definition names, and what client-node loses: which
//   @kubernetes-models/       strings are quantities, and which definition an untyped field
//   apimachinery              holds (RawExtension, JSON, FieldsV1, an empty struct).
//   cdk8s-plus-31             the kinds and the fields manifests write of 1.31, which no
//                             client-node version carries (see BRIDGED_RELEASES).
// scripts/k8s-schemas/list-keys.mjs adds the keys of the lists manifests write most, and
// facts.mjs the few facts that none of the packages records.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDeclared } from './k8s-schemas/declared.mjs';
import { formatIndex } from './k8s-schemas/formats.mjs';
import { bridgeRelease, narrowToBindings } from './k8s-schemas/bridge.mjs';
import { isCdk8sImport, readCdk8sImport } from './k8s-schemas/cdk8s.mjs';
import { buildRelease, readClientNode } from './k8s-schemas/release.mjs';
import { fetchTarball, readTarball } from './k8s-schemas/tarballs.mjs';
import { compactOutput } from './k8s-schemas/output.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'k8s-bp-schemas');
const OUTPUT = path.join(ROOT, 'schemas', 'kubernetes.json');

const CLIENT_NODE = '@kubernetes/client-node';
/**
 * The client-node version that carries each release. Its generated files name the release: in
 * 0.x every model says "The version of the OpenAPI document: release-1.27"; later versions
 * rewrite only the models that changed, so the newest "OpenAPI spec version" among the models
 * is the release (2.0 says release-1.36). The README's compatibility table is one release
 * off for 0.19 (it pairs it with 1.28), which the models contradict: 0.19 has the 1.27 kinds
 * (admissionregistration v1alpha1 only) and 0.20 the 1.28 ones (v1beta1 added).
 */
const PACKAGED_RELEASES = {
  1.27: '0.19.0',
  1.28: '0.20.0',
  1.29: '0.21.0',
  '1.30': '0.22.3',
  1.32: '1.1.2',
  1.33: '1.3.0',
  1.34: '1.4.0',
  1.36: '2.0.2',
};
/** Releases that no version carries, built from the releases either side (see bridge.mjs). */
const BRIDGED_RELEASES = { 1.31: ['1.30', '1.32'], 1.35: ['1.34', '1.36'] };
/**
 * Generated bindings of a bridged release (cdk8s-plus-<minor>, made from that release's API),
 * which tell which kinds it serves and which fields and required fields the definitions that
 * manifests write have. None is published for 1.35.
 */
const BRIDGE_BINDINGS = { 1.31: ['cdk8s-plus-31', '2.6.43'] };
/** The releases the package ships. */
const SHIPPED = ['1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35'];
const DECLARATIONS = [
  ['kubernetes-models', '5.1.0'],
  ['@kubernetes-models/apimachinery', '3.0.2'],
];

function build() {
  const declared = readDeclared(DECLARATIONS.map(([name, version]) => fetchTarball(name, version, CACHE)));
  const packages = new Map();
  for (const [release, version] of Object.entries(PACKAGED_RELEASES)) {
    packages.set(release, readClientNode(fetchTarball(CLIENT_NODE, version, CACHE), declared));
  }
  const formatOf = formatIndex([...packages.values()]);
  const built = {};
  for (const [release, contents] of packages) built[release] = buildRelease(release, contents, declared, formatOf);
  for (const [release, [before, after]] of Object.entries(BRIDGED_RELEASES)) {
    built[release] = bridgeRelease(built[before], built[after]);
    const bindings = BRIDGE_BINDINGS[release];
    if (bindings === undefined) continue;
    const files = readTarball(fetchTarball(bindings[0], bindings[1], CACHE), isCdk8sImport);
    built[release] = narrowToBindings(built[release], readCdk8sImport(files), built[before], built[after]);
  }
  const releases = Object.fromEntries(SHIPPED.map((release) => [release, built[release]]));
  const sources = Object.fromEntries(SHIPPED.map((release) => [release, sourceOf(release)]));
  return compactOutput(releases, sources);
}

function sourceOf(release) {
  const packaged = (of) => `${CLIENT_NODE}@${PACKAGED_RELEASES[of]} (${of})`;
  const bridge = BRIDGED_RELEASES[release];
  if (!bridge) return packaged(release);
  const bindings = BRIDGE_BINDINGS[release];
  const narrowed = bindings ? `, cut to the kinds and fields of ${bindings[0]}@${bindings[1]}` : '';
  return `between ${packaged(bridge[0])} and ${packaged(bridge[1])}${narrowed}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = `${JSON.stringify(build())}\n`;
  mkdirSync(path.dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, text);
  console.log(`build-schemas: ${path.relative(ROOT, OUTPUT)} (${Math.round(Buffer.byteLength(text) / 1024)} kB)`);
}
