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
