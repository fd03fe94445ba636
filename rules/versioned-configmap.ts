import {
  MAX_USER_PATTERN_LENGTH,
  WORKLOAD_KINDS,
  compileUserRegex,
  configReferencesOf,
  describeReferenceSite,
  getIn,
  isRecord,
  targetNamespace,
  userRegexProblem,
} from '../src/kit/rule-api.js';
import type { ConfigReference, Inventory, Resource, Rule, RuleContext, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'unversioned';

type Params = {
  pattern: string;
  exemptConfigMaps: string[];
};

const DEFAULT_PATTERN = '-v\\d+$';

/** The longest name the API server accepts (a DNS subdomain); longer names are not tested against the pattern. */
const MAX_NAME_LENGTH = 253;

/**
 * The CA bundle that Kubernetes publishes into every namespace. Projected
 * service account token volumes written out by hand name it; nobody versions it.
 */
const BUILT_IN_CONFIGMAPS = ['kube-root-ca.crt'];

/**
 * The suffix kustomize's `configMapGenerator` appends: a dash and ten
 * characters of a hash of the content, in an alphabet without vowels or
 * look-alike digits. It changes whenever the content does.
 */
const CONTENT_HASH_SUFFIX = /-[2456789bcdfghkmt]{10}$/;

const INDEX_KEY = 'versioned-configmap/config-maps';

/** A ConfigMap of the input, with what decides whether the rule can judge the references to it. */
interface ConfigMapEntry {
  namespace: string | undefined;
  /** No `ownerReferences`, some `data` or `binaryData`, and no Role naming it: its name and content are the input's. */
  judgeable: boolean;
}

/** The ConfigMaps of the input by name, and the names that Roles let a program read through the API. */
interface ConfigMapIndex {
  byName: ReadonlyMap<string, readonly ConfigMapEntry[]>;
}

/**
 * ConfigMaps that workloads use carry a version in their name, so that a
 * configuration change is a new ConfigMap and a rollout. Checked at every
 * reference in the workload: volumes, projected sources, `configMapKeyRef`
 * and `envFrom[].configMapRef`, in every container. Each unversioned
 * ConfigMap is reported once per workload, at its first reference (counting
 * the others), since renaming it fixes them all.
 *
 * Only references the input can answer for are judged: the ConfigMap is in
 * the input (in the workload's namespace, or one of the two has none) with
 * content of its own. One that the input does not hold is made elsewhere (an
 * operator, a generator that adds its own hash, another tool); one with
 * `ownerReferences` belongs to a controller; one without `data` or
 * `binaryData` is filled in place by someone else; one that a Role or
 * ClusterRole names in `resourceNames` is read by name through the API by the
 * software itself; and an `optional: true` reference is an override the
 * workload runs without, whose name the software fixes. A name that ends in
 * kustomize's content hash is versioned.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'versioned-configmap',
    title: 'ConfigMaps in use are versioned',
    description: 'Reference ConfigMaps from workloads by a versioned name such as `settings-v3`.',
    rationale: [
      'Editing a ConfigMap in place changes configuration behind the back of the rollout machinery: pods that read',
      'it through environment variables keep the old values until they happen to restart, mounted files change at a',
      'moment nobody chose and only in applications that reload them, and a bad change cannot be rolled back because',
      'the previous content is gone. Treating each version as a new ConfigMap (`settings-v2` next to `settings-v1`)',
      'and pointing the workload at it turns every configuration change into an ordinary rollout, visible in the',
      'pod template, applied to all pods the same way, and undone by rolling back to the template that named',
      '`settings-v1`, which still exists.',
    ].join(' '),
    remediation: [
      'Rename the ConfigMap with a version suffix (`settings-v1`), create a new one with the next number for each',
      'change, update the workload to reference it, and delete old versions only once no rollback needs them.',
      "kustomize's `configMapGenerator` does the same job with a content hash, which the rule accepts as it is;",
      'for other tools, widen `pattern` to accept their suffix, for example `-(v\\d+|[a-z0-9]{12})$`. The rule judges',
      'only what the input decides: a reference to a ConfigMap that the input holds (in the same namespace) with',
      'content of its own. It cannot know about a ConfigMap that an operator, a generator or another tool creates',
      '(one the input does not hold), one a controller owns (`ownerReferences`), one that is created empty to be',
      'filled in place, one that a Role names in `resourceNames` (software that reads it by name through the API),',
      'or one referenced with `optional: true` (an override under a name the software fixes), so it leaves those',
      'alone; lint the ConfigMaps together with the workloads that use them.',
    ].join(' '),
    defaultSeverity: 'warning',
    defaultKinds: WORKLOAD_KINDS,
    crossResource: true,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        pattern: {
          type: 'string',
          minLength: 1,
          maxLength: MAX_USER_PATTERN_LENGTH,
          default: DEFAULT_PATTERN,
          description: [
            'A regular expression that a versioned name contains. It is searched for anywhere in the name, so anchor',
            'it (`$`, `^`) as the default does. JavaScript syntax; a leading `(?i)` makes it ignore case, as in Go.',
            `Refused when the config loads if it does not compile or is longer than ${MAX_USER_PATTERN_LENGTH}`,
            'characters; avoid nested repetition such as `(a+)+`.',
          ].join(' '),
        },
        exemptConfigMaps: {
          type: 'array',
          items: { type: 'string' },
          default: [],
          description: [
            'ConfigMap names the rule skips, such as ones another tool owns. An entry ending in `*` matches every',
            'name that starts with the rest of it. `kube-root-ca.crt`, which Kubernetes itself publishes, is always',
            'skipped.',
          ].join(' '),
        },
      },
    },
    messages: {
      unversioned:
        '{{site}} uses ConfigMap "{{configMap}}"{{more}}, whose name has no version suffix matching /{{pattern}}/',
    },
  },

  validate(params): string[] {
    const problem = userRegexProblem(params.pattern);
    return problem === undefined ? [] : [`pattern "${params.pattern}" ${problem}`];
  },

  *check(resource, params, ctx): Iterable<Violation<MessageId>> {
    const matcher = compileUserRegex(params.pattern);
    // validate() refuses patterns that do not compile; this only guards a caller that skipped it.
    if (!(matcher instanceof RegExp)) return;
    const index = ctx.inventory.memo(INDEX_KEY, (inventory) => buildIndex(inventory, ctx));
    const namespace = targetNamespace(resource, ctx);
    const unversioned = new Map<string, ConfigReference[]>();
    for (const reference of configReferencesOf(resource)) {
      if (isVersioned(reference, params, matcher)) continue;
      if (!isJudgeable(resource, reference, namespace, index)) continue;
      const name = reference.name ?? '';
      const list = unversioned.get(name);
      if (list) list.push(reference);
      else unversioned.set(name, [reference]);
    }
    // One finding per ConfigMap, at its first reference: renaming it fixes them all.
    for (const [name, [first, ...others]] of unversioned) {
      if (!first) continue;
      const site = describeReferenceSite(first.site);
      const more = others.length === 0 ? '' : ` (and ${others.length} more reference${others.length === 1 ? '' : 's'})`;
      yield {
        messageId: 'unversioned',
        data: { site, configMap: name, pattern: params.pattern, more },
        path: first.namePath,
      };
    }
  },
};

/** True for references the rule accepts, and for the ones it does not judge (Secrets, missing or built-in names). */
function isVersioned(reference: ConfigReference, params: Params, matcher: RegExp): boolean {
  const name = reference.name;
  if (reference.kind !== 'ConfigMap' || name === undefined || name === '') return true;
  if (BUILT_IN_CONFIGMAPS.includes(name) || isExemptName(name, params.exemptConfigMaps)) return true;
  if (name.length > MAX_NAME_LENGTH) return false;
  return CONTENT_HASH_SUFFIX.test(name) || matcher.test(name);
}

/**
 * True when the input answers for the ConfigMap a reference names: the
 * reference is not optional, and a ConfigMap of that name that may land in
 * the workload's namespace is in the input with content of its own, no owner
 * and no Role reading it by name.
 */
function isJudgeable(
  resource: Resource,
  reference: ConfigReference,
  namespace: string | undefined,
  index: ConfigMapIndex,
): boolean {
  if (getIn(resource.object, [...reference.path, 'optional']) === true) return false;
  const entries = index.byName.get(reference.name ?? '') ?? [];
  return entries.some(
    (entry) =>
      entry.judgeable && (namespace === undefined || entry.namespace === undefined || entry.namespace === namespace),
  );
}

/** Built once per run through `ctx.inventory.memo`. */
function buildIndex(inventory: Inventory, ctx: RuleContext): ConfigMapIndex {
  const readByName = namesRolesRead(inventory);
  const byName = new Map<string, ConfigMapEntry[]>();
  for (const configMap of inventory.ofKind('', 'ConfigMap')) {
    if (configMap.name === undefined) continue;
    const entry: ConfigMapEntry = {
      namespace: targetNamespace(configMap, { inventory, defaultNamespace: ctx.defaultNamespace }),
      judgeable: !hasOwner(configMap) && hasContent(configMap) && !readByName.has(configMap.name),
    };
    const list = byName.get(configMap.name);
    if (list) list.push(entry);
    else byName.set(configMap.name, [entry]);
  }
  return { byName };
}

function hasOwner(configMap: Resource): boolean {
  const owners = getIn(configMap.object, ['metadata', 'ownerReferences']);
  return Array.isArray(owners) && owners.length > 0;
}

/** Some `data` or `binaryData`: an empty ConfigMap is a place for content that someone else writes. */
function hasContent(configMap: Resource): boolean {
  return ['data', 'binaryData'].some((field) => {
    const value = configMap.object[field];
    return isRecord(value) && Object.keys(value).length > 0;
  });
}

/** ConfigMap names that a Role or ClusterRole of the input lists in `resourceNames`. */
function namesRolesRead(inventory: Inventory): ReadonlySet<string> {
  const names = new Set<string>();
  const roles = [
    ...inventory.ofKind('rbac.authorization.k8s.io', 'Role'),
    ...inventory.ofKind('rbac.authorization.k8s.io', 'ClusterRole'),
  ];
  for (const role of roles) {
    const rules = role.object['rules'];
    if (!Array.isArray(rules)) continue;
    for (const rule of rules) {
      const resources = getIn(rule, ['resources']);
      const resourceNames = getIn(rule, ['resourceNames']);
      if (!Array.isArray(resources) || !Array.isArray(resourceNames)) continue;
      if (!resources.includes('configmaps') && !resources.includes('*')) continue;
      for (const name of resourceNames) if (typeof name === 'string') names.add(name);
    }
  }
  return names;
}

function isExemptName(name: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => (pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern));
}

export default rule;
