// The facts of kubernetes-models' declarations, indexed for lookups by name.
import { isModelDeclaration, readModelDeclarations } from './kubernetes-models.mjs';
import { splitDefinition } from './names.mjs';
import { readTarball } from './tarballs.mjs';

/**
 * `fields`: definition → field → referenced definitions; `byVersionAndName`: `v1.Container` →
 * definition names; `byPackageAndName`: `core.Container` → definition names (every version).
 */
export function readDeclared(tarballs) {
  const fields = new Map();
  for (const tarball of tarballs) {
    for (const [name, declared] of readModelDeclarations(readTarball(tarball, isModelDeclaration))) {
      fields.set(name, declared);
    }
  }
  const byVersionAndName = new Map();
  const byPackageAndName = new Map();
  for (const name of fields.keys()) {
    const parts = splitDefinition(name);
    if (!parts) continue;
    append(byVersionAndName, `${parts.version}.${parts.simple}`, name);
    append(byPackageAndName, `${parts.pkg}.${parts.simple}`, name);
  }
  return { fields, byVersionAndName, byPackageAndName };
}

function append(map, key, value) {
  if (!map.has(key)) map.set(key, []);
  map.get(key).push(value);
}
