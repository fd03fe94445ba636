// A release that no package carries, built from the releases either side of it. Where the two
// disagree the result accepts what either accepts: the kinds of both, the fields of both, and
// only the fields both require. It may so accept what the release itself refused (a field
// added after it), never the reverse, except where both sides refuse what it accepted.

/** The kinds and definitions of a release between `before` and `after`. */
export function bridgeRelease(before, after) {
  const key = (kind) => `${kind.group}/${kind.version}/${kind.kind}`;
  const afterKinds = new Set(after.kinds.map(key));
  const kinds = [...after.kinds, ...before.kinds.filter((kind) => !afterKinds.has(key(kind)))];
  const definitions = new Map(before.definitions);
  for (const [name, schema] of after.definitions) {
    const earlier = definitions.get(name);
    definitions.set(name, earlier ? mergeDefinitions(earlier, schema) : schema);
  }
  return { kinds, definitions: new Map([...definitions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
}

function mergeDefinitions(earlier, later) {
  const required = (later.required ?? []).filter((field) => earlier.required?.includes(field));
  const merged = { ...later, properties: { ...earlier.properties, ...later.properties } };
  delete merged.required;
  return required.length > 0 ? { ...merged, required } : merged;
}

/** Fields of a kind's own definition that the generated bindings leave out, as manifests need not write them. */
const KIND_FIELDS = ['apiVersion', 'kind', 'status'];

/**
 * A bridged release cut to what the release's own bindings (cdk8s.mjs) declare: of the kinds
 * that only one side served, those the bindings serve, and in each definition the bindings
 * describe, only their fields and their required ones. A kind both sides served stays: the
 * bindings leave out one of two kinds of the same name (core v1 Event, for events.k8s.io's).
 */
export function narrowToBindings({ kinds, definitions }, bindings, before, after) {
  const key = (kind) => `${kind.group}/${kind.version}/${kind.kind}`;
  const both = new Set(before.kinds.map(key).filter((name) => after.kinds.some((kind) => key(kind) === name)));
  const served = kinds.filter((kind) => both.has(key(kind)) || bindings.kinds.has(key(kind)));
  const kindDefinitions = new Set(served.map((kind) => kind.definition));
  const narrowed = new Map();
  for (const name of reachableFrom([...kindDefinitions], definitions)) {
    const schema = definitions.get(name);
    const declared = bindings.definitions.get(name);
    narrowed.set(name, declared ? narrowDefinition(schema, declared, kindDefinitions.has(name)) : schema);
  }
  return { kinds: served, definitions: new Map([...narrowed].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
}

function narrowDefinition(schema, declared, isKind) {
  const own = (field) => isKind && KIND_FIELDS.includes(field);
  const kept = (field) => declared.has(field) || own(field);
  const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([field]) => kept(field)));
  const required = Object.keys(properties)
    .filter((field) => (own(field) ? schema.required?.includes(field) : declared.get(field) === true))
    .sort();
  const narrowed = { ...schema, properties };
  delete narrowed.required;
  return required.length > 0 ? { ...narrowed, required } : narrowed;
}

function reachableFrom(roots, definitions) {
  const seen = new Set(roots);
  const queue = [...roots];
  while (queue.length > 0) {
    for (const match of JSON.stringify(definitions.get(queue.shift()) ?? {}).matchAll(/"#\/definitions\/([^"]+)"/g)) {
      if (seen.has(match[1])) continue;
      seen.add(match[1]);
      queue.push(match[1]);
    }
  }
  return seen;
}
