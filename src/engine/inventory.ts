import type { Inventory, Resource } from '../model/types.js';

/** Indexes every loaded resource once, so that cross-resource rules look things up instead of scanning. */
export function createInventory(resources: readonly Resource[]): Inventory {
  const byKind = new Map<string, Resource[]>();
  const namespaces = new Map<string, Resource>();
  for (const resource of resources) {
    const key = kindKey(resource.group, resource.kind);
    const list = byKind.get(key);
    if (list) list.push(resource);
    else byKind.set(key, [resource]);
    if (resource.group === '' && resource.kind === 'Namespace' && resource.name !== undefined) {
      namespaces.set(resource.name, resource);
    }
  }
  const memos = new Map<string, unknown>();
  const inventory: Inventory = {
    resources,
    ofKind: (group, kind) => byKind.get(kindKey(group, kind)) ?? [],
    namespaceObject: (name) => namespaces.get(name),
    memo<T>(key: string, build: (inventory: Inventory) => T): T {
      if (!memos.has(key)) memos.set(key, build(inventory));
      return memos.get(key) as T;
    },
  };
  return inventory;
}

function kindKey(group: string, kind: string): string {
  return `${group}/${kind}`;
}
