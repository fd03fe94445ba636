// Gives each client-node model of one release its Kubernetes definition name.
import { KNOWN_NAMES } from './facts.mjs';
import { definitionPrefix, groupOfPackage, packageOfGroup, splitDefinition, splitModelName } from './names.mjs';

/**
 * client-node name → definition name, for the models reachable from the kinds. A name is found,
 * in this order, from the package prefix client-node adds to names that two packages share;
 * from the one definition of that version and name that kubernetes-models declares (several:
 * the one in a package whose kinds reach the model); else from the package of the kinds that
 * reach it (the core package when core kinds do: core types are used by other groups, never
 * the reverse).
 */
export function nameModels(models, kindNames, declared, traffic) {
  const names = new Map();
  const candidates = new Map();
  for (const model of models.keys()) {
    const found = nameByModelName(model, declared);
    if (typeof found === 'string') names.set(model, found);
    else if (found) candidates.set(model, found);
  }
  for (const kind of kindNames) if (!names.has(kind)) names.set(kind, nameFromPaths(kind, traffic.get(kind)));
  const reachedFrom = packagesReaching(models, kindNames, names);
  for (const [model, packages] of reachedFrom) {
    if (names.has(model)) continue;
    const parts = splitModelName(model);
    const pkg = pickPackage(packages, candidates.get(model));
    if (parts && pkg) names.set(model, `${definitionPrefix(pkg, parts.version)}.${parts.simple}`);
  }
  return names;
}

function nameByModelName(model, declared) {
  if (KNOWN_NAMES[model]) return KNOWN_NAMES[model];
  const parts = splitModelName(model);
  if (!parts) return undefined;
  if (parts.prefix) return `${definitionPrefix(parts.prefix, parts.version)}.${parts.simple}`;
  const matching = declared.byVersionAndName.get(`${parts.version}.${parts.simple}`) ?? [];
  return matching.length === 1 ? matching[0] : matching.length > 1 ? matching : undefined;
}

function nameFromPaths(kind, paths = new Set()) {
  const parts = splitModelName(kind);
  for (const requestPath of paths) {
    const match = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))\//.exec(requestPath);
    if (!match || (match[1] ?? match[3]) !== parts.version) continue;
    return `${definitionPrefix(packageOfGroup(match[2] ?? ''), parts.version)}.${parts.simple}`;
  }
  throw new Error(`build-schemas: no request path names the group of ${kind}`);
}

/** For each model reachable from a kind: the packages of the kinds that reach it. */
function packagesReaching(models, kindNames, names) {
  const reached = new Map();
  for (const kind of kindNames) {
    const pkg = splitDefinition(names.get(kind))?.pkg;
    const queue = [kind];
    const seen = new Set(queue);
    while (queue.length > 0) {
      const model = queue.shift();
      if (!reached.has(model)) reached.set(model, new Set());
      reached.get(model).add(pkg);
      for (const referenced of referencedModels(models.get(model), models)) {
        if (seen.has(referenced)) continue;
        seen.add(referenced);
        queue.push(referenced);
      }
    }
  }
  return reached;
}

/** The models a model's fields refer to. */
export function referencedModels(model, models) {
  const referenced = [];
  for (const field of model?.fields ?? []) {
    for (const word of field.type.match(/\w+/g) ?? []) if (models.has(word)) referenced.push(word);
  }
  return referenced;
}

function pickPackage(packages, candidates) {
  if (candidates) {
    const inReach = candidates.find((name) => packages.has(splitDefinition(name)?.pkg));
    return splitDefinition(inReach ?? candidates[0])?.pkg;
  }
  if (packages.has('core')) return 'core';
  if (packages.size > 1) console.warn(`build-schemas: reached from several packages: ${[...packages].join(', ')}`);
  return [...packages][0];
}

/** The API group of a package, as the request paths of the release spell it. */
export function groupsOfPackages(traffic) {
  const groups = new Set(['']);
  for (const paths of traffic.values()) {
    for (const requestPath of paths) {
      const match = /^\/apis\/([^/]+)\//.exec(requestPath);
      if (match) groups.add(match[1]);
    }
  }
  return (pkg) => groupOfPackage(pkg, [...groups]);
}
