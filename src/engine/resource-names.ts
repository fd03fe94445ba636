/**
 * The API resource of a manifest's kind, as admission requests and rules name
 * it (plural, lowercase): by the CustomResourceDefinitions in the input, a
 * table of kinds whose plural is irregular, or the regular English plural of
 * the lowercase kind.
 */
import { getIn, isRecord } from '../model/records.js';
import type { Inventory, Resource } from '../model/types.js';
import { ownEntry } from '../util/own-entry.js';

/** Kinds whose resource name is not the regular plural of the lowercase kind. */
const IRREGULAR: Readonly<Record<string, string>> = {
  Endpoints: 'endpoints',
  SecurityContextConstraints: 'securitycontextconstraints',
  PodMetrics: 'pods',
  NodeMetrics: 'nodes',
};

const CRD_PLURALS_MEMO = 'vap:crd-plurals';

/** The API resource of a manifest's kind, as admission rules name it (`Deployment` → `deployments`). */
export function resourceName(resource: Resource, inventory: Inventory): string {
  const fromCrd = inventory.memo(CRD_PLURALS_MEMO, readCrdPlurals).get(`${resource.group}/${resource.kind}`);
  return fromCrd ?? ownEntry(IRREGULAR, resource.kind) ?? plural(resource.kind.toLowerCase());
}

function plural(word: string): string {
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

function readCrdPlurals(inventory: Inventory): Map<string, string> {
  const plurals = new Map<string, string>();
  for (const crd of inventory.ofKind('apiextensions.k8s.io', 'CustomResourceDefinition')) {
    const spec = crd.object.spec;
    if (!isRecord(spec)) continue;
    const kind = getIn(spec, ['names', 'kind']);
    const name = getIn(spec, ['names', 'plural']);
    if (typeof spec.group === 'string' && typeof kind === 'string' && typeof name === 'string') {
      plurals.set(`${spec.group}/${kind}`, name);
    }
  }
  return plurals;
}
