// Builds one release's kinds and definitions from one client-node package.
import { isClientNodeFile, readApiTraffic, readModels } from './client-node.mjs';
import { modelSchema } from './convert.mjs';
import { withListMapKeys } from './list-keys.mjs';
import { groupsOfPackages, nameModels, referencedModels } from './naming.mjs';
import { splitDefinition } from './names.mjs';
import { readTarball } from './tarballs.mjs';

/**
 * A client-node tarball's models, API traffic, which models are kinds, and the definition name
 * of each model reachable from a kind.
 */
export function readClientNode(tarball, declared) {
  const files = readTarball(tarball, isClientNodeFile);
  const models = currentModels(files, readModels(files));
  const traffic = readApiTraffic(files);
  const kindModels = [...models].filter(([name, model]) => isKind(name, model, traffic)).map(([name]) => name);
  return { models, traffic, kindModels, names: nameModels(models, kindModels, declared, traffic) };
}

/**
 * Later packages keep files of models that the API no longer has, which no longer appear in
 * the serializer's table of types (dist/gen/models/ObjectSerializer.js); those are dropped.
 */
function currentModels(files, models) {
  const serializer = files.get('dist/gen/models/ObjectSerializer.js');
  if (serializer === undefined) return models;
  const listed = new Set([...serializer.matchAll(/"(\w+)": \w+,?$/gm)].map((match) => match[1]));
  return new Map([...models].filter(([name]) => listed.has(name)));
}

/** A model that is a kind: it has apiVersion and kind, travels on a request path, and is no list. */
function isKind(name, model, traffic) {
  const fields = new Set(model.fields.map((field) => field.json));
  return fields.has('apiVersion') && fields.has('kind') && traffic.has(name) && !name.endsWith('List');
}

/**
 * The release's kinds ({ group, version, kind, definition, namespaced }) and its definitions
 * (name → schema), those reachable from the kinds.
 */
export function buildRelease(release, { models, traffic, kindModels, names }, declared, formatOf) {
  const groupOf = groupsOfPackages(traffic);
  const kinds = [];
  for (const model of kindModels) {
    const definition = names.get(model);
    const parts = splitDefinition(definition);
    if (definition.startsWith('io.k8s.apimachinery.')) continue;
    const namespaced = [...traffic.get(model)].some((requestPath) => requestPath.includes('{namespace}'));
    kinds.push({ group: groupOf(parts.pkg), version: parts.version, kind: parts.simple, definition, namespaced });
  }
  const definitions = new Map();
  const context = { names, declared, formatOf };
  for (const model of reachable(kinds, names, models)) {
    const definition = names.get(model);
    if (definition === undefined) throw new Error(`build-schemas: no definition name for ${model}`);
    definitions.set(
      definition,
      withListMapKeys(release, definition, modelSchema(definition, models.get(model), context)),
    );
  }
  return { kinds, definitions };
}

function reachable(kinds, names, models) {
  const byDefinition = new Map([...names].map(([model, definition]) => [definition, model]));
  const queue = kinds.map((kind) => byDefinition.get(kind.definition));
  const seen = new Set(queue);
  while (queue.length > 0) {
    for (const referenced of referencedModels(models.get(queue.shift()), models)) {
      if (seen.has(referenced)) continue;
      seen.add(referenced);
      queue.push(referenced);
    }
  }
  return [...seen].filter((model) => !isInline(names.get(model))).sort();
}

function isInline(definition) {
  return /\.(MicroTime|Time)$/.test(definition ?? '') && definition.startsWith('io.k8s.apimachinery.');
}
