import {
  buildPodLabelIndex,
  describeObject,
  formatLabelSelector,
  getIn,
  isClusterScoped,
  isEmptySelector,
  isRecord,
  readLabelSelector,
  targetNamespace,
} from '../src/kit/rule-api.js';
import type {
  Inventory,
  LabelSelector,
  ObjectPath,
  PodLabelIndex,
  Resource,
  Rule,
  RuleContext,
  Violation,
} from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'serviceSelector' | 'ingressBackend' | 'hpaTarget' | 'pdbSelector' | 'networkPolicySelector';

type Params = {
  operatorPodKinds: string[];
};

/** Operators whose custom resources become pods with labels that no template in the input spells out. */
const DEFAULT_OPERATOR_POD_KINDS = [
  'monitoring.coreos.com/Prometheus',
  'monitoring.coreos.com/PrometheusAgent',
  'monitoring.coreos.com/Alertmanager',
  'monitoring.coreos.com/ThanosRuler',
  'postgresql.cnpg.io/Cluster',
  'kafka.strimzi.io/Kafka',
  'elasticsearch.k8s.elastic.co/Elasticsearch',
  'kibana.k8s.elastic.co/Kibana',
  'rabbitmq.com/RabbitmqCluster',
  'minio.min.io/Tenant',
];

/** Kind → namespace (undefined: not known) → the names of that kind in the input. */
type NameIndex = ReadonlyMap<string, ReadonlyMap<string | undefined, ReadonlySet<string>>>;

/** Everything the checks look up, built once per run. */
interface Indexes {
  pods: PodLabelIndex;
  names: NameIndex;
  scope: Scope;
}

/** What the input can answer for. */
interface Scope {
  /**
   * True when the input plainly holds the objects of `namespace`: the user
   * says so (`--namespaces-complete`), or the input creates the Namespace and
   * every namespaced object of Kubernetes' own kinds in it states where it
   * goes (so no tool assigns namespaces or adds objects on the way).
   */
  knows(namespace: string | undefined): boolean;
  /**
   * True when a Role or ClusterRole of the input lets something create objects
   * of `group`/`resource` in `namespace` at runtime (for pods, also relabel
   * them): a controller or operator of the input makes them, so the
   * manifests do not show them all.
   */
  madeAtRuntime(namespace: string | undefined, group: string, resource: string): boolean;
}

/** Where the Roles of the input let something create (or change) objects of one `group/resource`. */
interface Grants {
  /** A ClusterRole, or a Role whose namespace is not known. */
  everywhere: boolean;
  namespaces: Set<string>;
}

/** One Ingress backend that names a Service. */
interface Backend {
  service: string;
  path: ObjectPath;
}

const INDEX_KEY = 'dangling-references/indexes';
const INGRESS_GROUPS = ['networking.k8s.io', 'extensions'];
const RBAC_GROUP = 'rbac.authorization.k8s.io';
/** Verbs that let a controller bring objects into being; for pods, also change their labels. */
const CREATE_VERBS = ['create', '*'];
const RELABEL_VERBS = ['patch', 'update'];

/**
 * References between objects of the input point at something. A reference is
 * judged only where the input can know the answer: the input plainly holds
 * the namespace's objects (see {@link Scope.knows}), nothing of the input
 * creates the target kind there at runtime (a Role or ClusterRole granting
 * `create`, or for pods `patch`/`update`), and the input holds the kind it
 * points at in that namespace. So a partial input (one file, one chart, a
 * kustomize base, one team's namespace) stays quiet about what lives
 * elsewhere:
 *
 * - a Service's `spec.selector` matches some pod template in its namespace;
 * - an Ingress backend (`service.name`, `defaultBackend`, or the older
 *   `serviceName`) names a Service of its namespace;
 * - an HPA's `scaleTargetRef` names an object of that kind in its namespace;
 * - a PodDisruptionBudget's selector, and a NetworkPolicy's non-empty
 *   `podSelector`, select some pod in the namespace.
 *
 * Pods come from the built-in workload kinds and from any other kind with a
 * pod template (`spec.template.spec.containers`). A namespace holding one of
 * `operatorPodKinds` (an operator's resource, such as a Prometheus, whose
 * pods' labels the manifests do not show) is not judged for selectors.
 *
 * An object without a namespace (and no `--namespace`) may land anywhere, so
 * it satisfies and is satisfied by every namespace; it is judged when the
 * input has targets without a namespace too. Labels that controllers add to
 * pods (`pod-template-hash`, `statefulset.kubernetes.io/pod-name`, …) are
 * taken as present.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'dangling-references',
    title: 'References point at objects in the input',
    description:
      'Make Service selectors, Ingress backends, autoscaler targets, disruption budgets and network policies point at objects that exist.',
    rationale: [
      'Kubernetes accepts a reference to nothing without complaint: a Service whose selector matches no pod simply',
      'has no endpoints, an Ingress backend naming a missing Service returns errors to every request, an autoscaler',
      'with a wrong target scales nothing, a disruption budget that selects no pods protects nothing during a drain,',
      'and a network policy that selects no pods leaves the pods it was written for unprotected. Each one looks',
      'fine in review and fails quietly in production, typically after a rename or a label change in one file but',
      'not the other. Checking the references across the manifests catches the drift before it is deployed.',
    ].join(' '),
    remediation: [
      'Fix the name or the labels so the reference points at the object it was written for: align the selector with',
      'the pod template labels, or the backend or target name with the Service or workload. If the target is',
      "created elsewhere, lint it together with this input, add the operator's kind to `operatorPodKinds` when an",
      "operator creates the pods, or exclude the object with the constraint's `match`. The rule speaks only where the",
      'manifests can settle the question, since much of what a reference points at never appears in them: Services',
      'and pods that operators create (an Elasticsearch Service, the pods of a Ray cluster), labels that kustomize,',
      'Helm or a service mesh add on the way or at admission, and objects that other tools or people apply. It judges',
      'a namespace only when the input plainly holds its objects: the input creates the Namespace and every object',
      "of Kubernetes' own namespaced kinds says which namespace it goes to (or `--namespace` does); with",
      '`--namespaces-complete` you say so for every namespace the input touches. Even then it stays quiet about a',
      'kind that a Role or ClusterRole of the input lets something create in that namespace (for pods, also patch or',
      'update), since a controller makes those at runtime.',
    ].join(' '),
    defaultSeverity: 'warning',
    defaultKinds: [
      { apiGroups: [''], kinds: ['Service'] },
      { apiGroups: [...INGRESS_GROUPS], kinds: ['Ingress'] },
      { apiGroups: ['autoscaling'], kinds: ['HorizontalPodAutoscaler'] },
      { apiGroups: ['policy'], kinds: ['PodDisruptionBudget'] },
      { apiGroups: ['networking.k8s.io'], kinds: ['NetworkPolicy'] },
    ],
    crossResource: true,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        operatorPodKinds: {
          type: 'array',
          items: { type: 'string', pattern: '^[^/]*/[^/]+$' },
          default: DEFAULT_OPERATOR_POD_KINDS,
          description: [
            'Custom resources, as `group/Kind`, whose operator creates pods with labels that no pod template in the',
            'input shows (a Prometheus, a Kafka cluster). Service, PodDisruptionBudget and NetworkPolicy selectors in',
            'a namespace that holds one are not judged. Kinds with a pod template of their own (Argo Rollouts, Knative',
            'Services) need no entry: their template counts.',
          ].join(' '),
        },
      },
    },
    messages: {
      serviceSelector:
        '{{object}} selects pods with {{selector}}, but no pod template in the input{{where}} has those labels',
      ingressBackend: '{{object}} routes to Service "{{service}}", but the input has no such Service{{where}}',
      hpaTarget: '{{object}} scales {{kind}} "{{target}}", but the input has no such {{kind}}{{where}}',
      pdbSelector:
        '{{object}} selects pods with {{selector}}, but no pod template in the input{{where}} has those labels',
      networkPolicySelector:
        '{{object}} applies to pods with {{selector}}, but no pod template in the input{{where}} has those labels',
    },
  },

  *check(resource, params, ctx): Iterable<Violation<MessageId>> {
    const kinds = params.operatorPodKinds ?? [];
    const key = `${INDEX_KEY}/${JSON.stringify(kinds)}`;
    const indexes = ctx.inventory.memo(key, (inventory) => buildIndexes(inventory, ctx, kinds));
    const namespace = targetNamespace(resource, ctx);
    const where = namespace === undefined ? '' : ` in namespace "${namespace}"`;
    const object = describeObject(resource);
    const found = (violation: Violation<MessageId>): Violation<MessageId> => ({
      ...violation,
      data: { object, where, ...violation.data },
    });
    // Objects the input does not plainly hold can be made by tools, operators or people: nothing to judge.
    if (!indexes.scope.knows(namespace)) return;
    for (const violation of checkResource(resource, namespace, indexes)) yield found(violation);
  },
};

function checkResource(resource: Resource, namespace: string | undefined, indexes: Indexes): Violation<MessageId>[] {
  const { group, kind } = resource;
  if (group === '' && kind === 'Service') return checkService(resource, namespace, indexes);
  if (INGRESS_GROUPS.includes(group) && kind === 'Ingress') return checkIngress(resource, namespace, indexes);
  if (group === 'autoscaling' && kind === 'HorizontalPodAutoscaler') return checkHpa(resource, namespace, indexes);
  if (group === 'policy' && kind === 'PodDisruptionBudget') return checkPdb(resource, namespace, indexes);
  if (group === 'networking.k8s.io' && kind === 'NetworkPolicy')
    return checkNetworkPolicy(resource, namespace, indexes);
  return [];
}

/** Built once per run through `ctx.inventory.memo`; every check is then a lookup. */
function buildIndexes(inventory: Inventory, ctx: RuleContext, operatorPodKinds: readonly string[]): Indexes {
  const names = new Map<string, Map<string | undefined, Set<string>>>();
  for (const resource of inventory.resources) {
    if (resource.name === undefined) continue;
    const namespace = targetNamespace(resource, { inventory, defaultNamespace: ctx.defaultNamespace });
    let byNamespace = names.get(resource.kind);
    if (!byNamespace) names.set(resource.kind, (byNamespace = new Map()));
    let set = byNamespace.get(namespace);
    if (!set) byNamespace.set(namespace, (set = new Set()));
    set.add(resource.name);
  }
  return { pods: buildPodLabelIndex(inventory, ctx, operatorPodKinds), names, scope: buildScope(inventory, ctx) };
}

function buildScope(inventory: Inventory, ctx: RuleContext): Scope {
  const explicit = ctx.defaultNamespace !== undefined || inventory.resources.every(statesItsNamespace);
  const grants = runtimeGrants(inventory, ctx);
  return {
    knows(namespace) {
      if (ctx.namespacesComplete) return true;
      return explicit && namespace !== undefined && inventory.namespaceObject(namespace) !== undefined;
    },
    madeAtRuntime(namespace, group, resource) {
      const keys = [`${group}/${resource}`, `*/${resource}`, `${group}/*`, '*/*'];
      return keys.some((key) => {
        const grant = grants.get(key);
        if (!grant) return false;
        if (grant.everywhere || namespace === undefined) return true;
        return grant.namespaces.has(namespace);
      });
    },
  };
}

/**
 * True unless the object is of a namespaced kind of Kubernetes itself and
 * names no namespace: such an input leaves namespaces to a tool (kustomize,
 * Helm, `kubectl -n`) and is part of something larger. Custom kinds are left
 * out, since their scope may not be known.
 */
function statesItsNamespace(resource: Resource): boolean {
  const { group, kind } = resource;
  const builtIn = group === '' || !group.includes('.') || group.endsWith('.k8s.io');
  return !builtIn || isClusterScoped(group, kind) || (resource.namespace !== undefined && resource.namespace !== '');
}

/**
 * `group/resource` (with `*` as the Role wrote it) → where the Roles and
 * ClusterRoles of the input grant creating such objects; pods also count when
 * they may be patched or updated, since a controller can relabel them.
 */
function runtimeGrants(inventory: Inventory, ctx: RuleContext): ReadonlyMap<string, Grants> {
  const grants = new Map<string, Grants>();
  const roles = [...inventory.ofKind(RBAC_GROUP, 'Role'), ...inventory.ofKind(RBAC_GROUP, 'ClusterRole')];
  for (const role of roles) {
    const namespace = role.kind === 'Role' ? targetNamespace(role, ctx) : undefined;
    const rules = role.object['rules'];
    if (!Array.isArray(rules)) continue;
    for (const rule of rules) {
      const groups = stringList(getIn(rule, ['apiGroups']));
      const resources = stringList(getIn(rule, ['resources']));
      const verbs = stringList(getIn(rule, ['verbs']));
      for (const group of groups) {
        for (const resource of resources) {
          const relabels = resource === 'pods' || resource === '*';
          if (!verbs.some((verb) => CREATE_VERBS.includes(verb) || (relabels && RELABEL_VERBS.includes(verb))))
            continue;
          addGrant(grants, `${group}/${resource}`, namespace);
        }
      }
    }
  }
  return grants;
}

function addGrant(grants: Map<string, Grants>, key: string, namespace: string | undefined): void {
  let grant = grants.get(key);
  if (!grant) grants.set(key, (grant = { everywhere: false, namespaces: new Set() }));
  if (namespace === undefined) grant.everywhere = true;
  else grant.namespaces.add(namespace);
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}

/**
 * True when the input says which objects of `kind` may land in `namespace`:
 * it has some in that namespace or without a known namespace. For an unknown
 * `namespace`, only those without a known namespace decide.
 */
function judgesNames(names: NameIndex, kind: string, namespace: string | undefined): boolean {
  const byNamespace = names.get(kind);
  if (!byNamespace) return false;
  return byNamespace.has(undefined) || (namespace !== undefined && byNamespace.has(namespace));
}

/**
 * True when an object of `kind` named `name` may land in `namespace`: one in
 * that namespace, or one whose namespace is not known; an unknown `namespace`
 * accepts the name in any namespace.
 */
function hasName(names: NameIndex, kind: string, namespace: string | undefined, name: string): boolean {
  const byNamespace = names.get(kind);
  if (!byNamespace) return false;
  if (namespace === undefined) return [...byNamespace.values()].some((set) => set.has(name));
  return (byNamespace.get(namespace)?.has(name) ?? false) || (byNamespace.get(undefined)?.has(name) ?? false);
}

/** The pods that may land in the namespace are all in the input: none from operators or the input's own controllers. */
function judgesPods(namespace: string | undefined, indexes: Indexes): boolean {
  return indexes.pods.judges(namespace) && !indexes.scope.madeAtRuntime(namespace, '', 'pods');
}

/** A Service with a selector (not ExternalName, not one with hand-made endpoints) must select some pod. */
function checkService(resource: Resource, namespace: string | undefined, indexes: Indexes): Violation<MessageId>[] {
  if (!judgesPods(namespace, indexes)) return [];
  if (getIn(resource.object, ['spec', 'type']) === 'ExternalName') return [];
  const selector = getIn(resource.object, ['spec', 'selector']);
  if (!isRecord(selector) || Object.keys(selector).length === 0) return [];
  if (!Object.values(selector).every((value) => typeof value === 'string')) return [];
  const labelSelector: LabelSelector = { matchLabels: selector as Record<string, string> };
  if (indexes.pods.selectsAny(namespace, labelSelector)) return [];
  return [
    {
      messageId: 'serviceSelector',
      data: { selector: formatLabelSelector(labelSelector) },
      path: ['spec', 'selector'],
    },
  ];
}

function checkIngress(resource: Resource, namespace: string | undefined, indexes: Indexes): Violation<MessageId>[] {
  if (!judgesNames(indexes.names, 'Service', namespace)) return [];
  if (indexes.scope.madeAtRuntime(namespace, '', 'services')) return [];
  return ingressBackends(resource)
    .filter((backend) => !hasName(indexes.names, 'Service', namespace, backend.service))
    .map((backend) => ({ messageId: 'ingressBackend', data: { service: backend.service }, path: backend.path }));
}

/**
 * The Services an Ingress routes to: the default backend and every path's
 * backend, in both the `networking.k8s.io/v1` shape (`service.name`) and the
 * older one (`serviceName`). Resource backends name no Service.
 */
function ingressBackends(resource: Resource): Backend[] {
  const backends: Backend[] = [];
  const add = (backend: unknown, path: ObjectPath): void => {
    const modern = getIn(backend, ['service', 'name']);
    if (typeof modern === 'string' && modern !== '')
      backends.push({ service: modern, path: [...path, 'service', 'name'] });
    const legacy = getIn(backend, ['serviceName']);
    if (typeof legacy === 'string' && legacy !== '') backends.push({ service: legacy, path: [...path, 'serviceName'] });
  };
  add(getIn(resource.object, ['spec', 'defaultBackend']), ['spec', 'defaultBackend']);
  add(getIn(resource.object, ['spec', 'backend']), ['spec', 'backend']);
  const rules = getIn(resource.object, ['spec', 'rules']);
  if (!Array.isArray(rules)) return backends;
  rules.forEach((entry: unknown, ruleIndex) => {
    const paths = getIn(entry, ['http', 'paths']);
    if (!Array.isArray(paths)) return;
    paths.forEach((path: unknown, pathIndex) => {
      add(getIn(path, ['backend']), ['spec', 'rules', ruleIndex, 'http', 'paths', pathIndex, 'backend']);
    });
  });
  return backends;
}

function checkHpa(resource: Resource, namespace: string | undefined, indexes: Indexes): Violation<MessageId>[] {
  const kind = getIn(resource.object, ['spec', 'scaleTargetRef', 'kind']);
  const target = getIn(resource.object, ['spec', 'scaleTargetRef', 'name']);
  if (typeof kind !== 'string' || typeof target !== 'string' || target === '') return [];
  if (!judgesNames(indexes.names, kind, namespace) || hasName(indexes.names, kind, namespace, target)) return [];
  const apiVersion = getIn(resource.object, ['spec', 'scaleTargetRef', 'apiVersion']);
  const group = typeof apiVersion === 'string' && apiVersion.includes('/') ? (apiVersion.split('/')[0] ?? '') : '';
  if (indexes.scope.madeAtRuntime(namespace, group, `${kind.toLowerCase()}s`)) return [];
  return [{ messageId: 'hpaTarget', data: { kind, target }, path: ['spec', 'scaleTargetRef', 'name'] }];
}

/**
 * A budget must select some pod. A missing or malformed selector is left to
 * the API server. An empty one selects every pod of the namespace in
 * `policy/v1`, so it cannot miss where the namespace is judged; in the removed
 * `policy/v1beta1` it selects none, which `deprecated-api-version` already
 * brings up.
 */
function checkPdb(resource: Resource, namespace: string | undefined, indexes: Indexes): Violation<MessageId>[] {
  if (!judgesPods(namespace, indexes)) return [];
  const selector = readLabelSelector(getIn(resource.object, ['spec', 'selector']));
  if (!selector || isEmptySelector(selector) || indexes.pods.selectsAny(namespace, selector)) return [];
  return [{ messageId: 'pdbSelector', data: { selector: formatLabelSelector(selector) }, path: ['spec', 'selector'] }];
}

/** An empty podSelector is the namespace-wide policy; only a non-empty one can miss. */
function checkNetworkPolicy(
  resource: Resource,
  namespace: string | undefined,
  indexes: Indexes,
): Violation<MessageId>[] {
  if (!judgesPods(namespace, indexes)) return [];
  const selector = readLabelSelector(getIn(resource.object, ['spec', 'podSelector']));
  if (!selector || isEmptySelector(selector) || indexes.pods.selectsAny(namespace, selector)) return [];
  return [
    {
      messageId: 'networkPolicySelector',
      data: { selector: formatLabelSelector(selector) },
      path: ['spec', 'podSelector'],
    },
  ];
}

export default rule;
