import { getIn } from '../src/kit/rule-api.js';
import type { Inventory, RelatedLocation, Resource, Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'conflict';

type Params = Record<string, never>;

/** The API groups that have served Ingress. */
const INGRESS_GROUPS = ['networking.k8s.io', 'extensions'];

/** One Ingress rule that names a host. */
interface HostClaim {
  resource: Resource;
  /** Index in `spec.rules` of the first rule with this host. */
  ruleIndex: number;
  /** The host as written. */
  host: string;
}

/** Lower-cased host → every Ingress that claims it, each once. */
type HostIndex = ReadonlyMap<string, readonly HostClaim[]>;

const INDEX_KEY = 'unique-ingress-host/hosts';

/**
 * No two Ingresses claim the same host. Gatekeeper's K8sUniqueIngressHost,
 * with the whole input as its inventory: both Ingresses of a pair are
 * reported, each pointing at the other. Every Ingress in the input counts as
 * a claimant, even one the constraint's match leaves out, just as Gatekeeper
 * compares with every synced Ingress.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'unique-ingress-host',
    title: 'Ingress hosts are unique',
    description: 'Give each Ingress host to a single Ingress.',
    rationale: [
      'A host name is global to the cluster, not to a namespace. When two Ingresses claim the same host, the',
      'controller has to pick which rules win, and controllers pick differently: one team can silently take traffic',
      'meant for another, or a new release can shadow the old one depending on creation order. Catching the clash',
      'before it is applied keeps routing predictable and ownership of each host clear.',
    ].join(' '),
    remediation: [
      'Serve the host from one Ingress and move the other paths into it, or give one of the two Ingresses a',
      'different host. If your controller merges Ingresses on purpose, turn the rule off for those namespaces',
      'with `match.excludedNamespaces`. A host that is not a DNS name, such as a placeholder that a tool fills in',
      'before apply (`__INGRESS_HOST__`, `${HOST}`), is not compared. The rule takes every Ingress it is given as',
      'bound for one cluster: examples kept side by side that are never applied together (a folder of tutorials)',
      'collide, so lint each on its own or leave such folders out with `--exclude`.',
    ].join(' '),
    defaultSeverity: 'error',
    defaultKinds: [{ apiGroups: [...INGRESS_GROUPS], kinds: ['Ingress'] }],
    crossResource: true,
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      conflict: 'host "{{host}}" is also claimed by {{others}}',
    },
  },

  *check(resource, _params, ctx): Iterable<Violation<MessageId>> {
    if (!isIngress(resource)) return;
    const index = ctx.inventory.memo(INDEX_KEY, buildIndex);
    for (const claim of hostClaims(resource)) {
      const claimants = index.get(claim.host.toLowerCase()) ?? [];
      const others = claimants.filter((other) => !isSameObject(other.resource, resource, ctx.defaultNamespace));
      if (others.length === 0) continue;
      const labels = others.map((other) => `"${ingressLabel(other.resource, ctx.defaultNamespace)}"`);
      yield {
        messageId: 'conflict',
        data: { host: claim.host, others: `${others.length === 1 ? 'Ingress' : 'Ingresses'} ${labels.join(', ')}` },
        path: hostPath(claim),
        related: others.map((other) => relatedClaim(other, ctx.defaultNamespace)),
      };
    }
  },
};

function isIngress(resource: Resource): boolean {
  return resource.kind === 'Ingress' && INGRESS_GROUPS.includes(resource.group);
}

/** Built once per run through `ctx.inventory.memo`, so checking n Ingresses stays linear. */
function buildIndex(inventory: Inventory): HostIndex {
  const index = new Map<string, HostClaim[]>();
  for (const resource of ingressesInInputOrder(inventory)) {
    for (const claim of hostClaims(resource)) {
      const key = claim.host.toLowerCase();
      const list = index.get(key);
      if (list) list.push(claim);
      else index.set(key, [claim]);
    }
  }
  return index;
}

/** Ingresses of both API groups in the order the input has them, so messages list the others as the files do. */
function ingressesInInputOrder(inventory: Inventory): Resource[] {
  const perGroup = INGRESS_GROUPS.map((group) => inventory.ofKind(group, 'Ingress'));
  const ingresses = perGroup.flat();
  // Each list is in input order already; only a mix of both groups needs sorting.
  if (perGroup.filter((list) => list.length > 0).length < 2) return ingresses;
  const rank = new Map(inventory.resources.map((resource, position) => [resource, position]));
  return ingresses.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
}

/**
 * Each host an Ingress names, at its first rule. A host repeated inside one
 * Ingress is not a conflict (the controller merges the rules, as Gatekeeper
 * assumes), and rules without a host (catch-all) or with a placeholder for one claim nothing. Hosts compare
 * without case, like DNS names; a wildcard host clashes only with the same wildcard.
 */
function hostClaims(resource: Resource): HostClaim[] {
  const rules = getIn(resource.object, ['spec', 'rules']);
  if (!Array.isArray(rules)) return [];
  const seen = new Set<string>();
  const claims: HostClaim[] = [];
  rules.forEach((entry: unknown, ruleIndex) => {
    const host = getIn(entry, ['host']);
    if (typeof host !== 'string' || !isHostName(host) || seen.has(host.toLowerCase())) return;
    seen.add(host.toLowerCase());
    claims.push({ resource, ruleIndex, host });
  });
  return claims;
}

// A DNS name, or a wildcard one. Anything else (`__INGRESS_HOST__`, `${HOST}`) is a placeholder that a tool
// replaces before apply, or a host the API server refuses: either way, not a claim to compare.
const HOST_NAME = /^(?:\*\.)?[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/i;

function isHostName(host: string): boolean {
  return HOST_NAME.test(host);
}

/**
 * Two documents are one object when they have the same name and namespace: the
 * same Ingress rendered twice, or under two API versions. An Ingress without a
 * namespace gets `--namespace`; two without either are taken to land in the same one.
 */
function isSameObject(a: Resource, b: Resource, defaultNamespace: string | undefined): boolean {
  if (a === b) return true;
  if (a.name === undefined || a.name !== b.name) return false;
  return (a.namespace ?? defaultNamespace) === (b.namespace ?? defaultNamespace);
}

/** `namespace/name`, or just the name when the namespace is not known. */
function ingressLabel(resource: Resource, defaultNamespace: string | undefined): string {
  const name = resource.name ?? '(unnamed)';
  const namespace = resource.namespace ?? defaultNamespace;
  return namespace === undefined ? name : `${namespace}/${name}`;
}

function hostPath(claim: HostClaim): (string | number)[] {
  return ['spec', 'rules', claim.ruleIndex, 'host'];
}

function relatedClaim(claim: HostClaim, defaultNamespace: string | undefined): RelatedLocation {
  const label = ingressLabel(claim.resource, defaultNamespace);
  return {
    resource: claim.resource,
    path: hostPath(claim),
    message: `Ingress "${label}" claims host "${claim.host}" here`,
  };
}

export default rule;
