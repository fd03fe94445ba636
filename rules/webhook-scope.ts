import { getIn, isExemptName, isRecord, labelSelectorMatches } from '../src/kit/rule-api.js';
import type {
  Inventory,
  LabelSelector,
  LabelSelectorRequirement,
  Resource,
  Rule,
  RuleContext,
  Violation,
} from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'noNamespaceSelector' | 'selectsKubeSystem' | 'allResources' | 'secrets';

type Params = {
  exemptWebhooks: string[];
  kubeSystemLabels: Record<string, string>;
};

const ADMISSION_GROUP = 'admissionregistration.k8s.io';
const WEBHOOK_KINDS = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];
const KUBE_SYSTEM = 'kube-system';
const NAME_LABEL = 'kubernetes.io/metadata.name';
const OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);
const CRD_GROUP = 'apiextensions.k8s.io';
const CUSTOM_GROUPS_KEY = 'webhook-scope/custom-groups';

/** One webhook of a configuration, with what the checks need. */
interface WebhookRef {
  path: (string | number)[];
  name: string;
  webhook: Record<string, unknown>;
  /** Each entry of `rules` that is a mapping, with its index. */
  rules: { index: number; rule: Record<string, unknown> }[];
}

/**
 * Admission webhooks stay out of kube-system and away from Secrets and
 * catch-all rules.
 *
 * kube-system: the webhook's `namespaceSelector` is evaluated against the
 * labels kube-system has: `kubernetes.io/metadata.name: kube-system` (set by
 * the API server), the labels of a kube-system Namespace in the input, and
 * `kubeSystemLabels`. If the selector matches, kube-system is not excluded.
 * A missing selector matches everything. Only webhooks that can hold up
 * kube-system are checked for this: those with a rule that reaches namespaced
 * objects (`scope` other than `Cluster`) of Kubernetes' own API groups (the
 * core group, `apps`, `batch` and the other groups without a dot, any
 * `*.k8s.io` group, or `*`), unless a CustomResourceDefinition in the input
 * defines that group (as `sparkoperator.k8s.io` is). A webhook for an
 * operator's custom resources (such as `metallb.io`) cannot block the
 * components in kube-system, so it is left alone; so is one whose
 * `objectSelector` requires a label (`matchLabels`, `In` or `Exists`), which
 * sees only the objects that opt in. A webhook without rules matches nothing
 * and is skipped.
 *
 * Scope is judged by API group and resource together: a rule matches every
 * resource only when both its `apiGroups` and its resources hold `*` (a
 * subresource may follow, as in `*` + `/*`); `*` in named groups such as
 * `cert-manager.io` is that project's resources. Secrets reach the webhook
 * through `secrets`, or through `*` (or `*` + `/*`) in the core group, of the
 * core group or `*`. Both are reported on the resource item unless the
 * webhook's name is in `exemptWebhooks`. A selector the API server would
 * refuse (an unknown operator, values of the wrong type) is skipped.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'webhook-scope',
    title: 'Admission webhooks are narrowly scoped',
    description: 'Keep every admission webhook out of kube-system and away from Secrets and catch-all resource rules.',
    rationale: [
      'Every request an admission webhook matches waits for it, and fails or skips policy when it is down. If it',
      'matches kube-system, an outage of the webhook can stop the very components that would bring it back, such as',
      'DNS, the CNI or the pods of the webhook itself, and the cluster cannot heal. Matching every resource multiplies that',
      'risk and the load, and sending Secrets to a webhook exposes every credential written to the cluster to one',
      'more service. A selector that excludes kube-system and rules that list only the resources the webhook acts on',
      'keep its blast radius small.',
    ].join(' '),
    remediation: [
      'Give the webhook a `namespaceSelector` that leaves kube-system out, for example a `matchExpressions` entry',
      'with key `kubernetes.io/metadata.name`, operator `NotIn` and values `[kube-system]`, and list only the',
      'resources it needs in its rules. A policy engine that must see everything goes in `exemptWebhooks`. Scope is',
      'judged by group and resource together: `resources: ["*"]` under named groups (such as `cert-manager.io`) is',
      "only that project's resources and is not reported, while `*` in the core group sends Secrets. A webhook whose",
      '`objectSelector` requires a label (`matchLabels`, `In` or `Exists`) sees only objects that opt in, and one',
      'whose groups a CustomResourceDefinition in the input defines handles custom resources only; neither can hold',
      'up kube-system, so neither needs a namespace selector.',
    ].join(' '),
    defaultSeverity: 'error',
    defaultKinds: [{ apiGroups: [ADMISSION_GROUP], kinds: [...WEBHOOK_KINDS] }],
    crossResource: true,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        exemptWebhooks: {
          type: 'array',
          items: { type: 'string' },
          default: [],
          description:
            'Names of webhooks (`webhooks[].name`) that may match every resource or Secrets. An entry may start or end with `*`, as in `argocd-*` or `*.example.com`.',
        },
        kubeSystemLabels: {
          type: 'object',
          additionalProperties: { type: 'string' },
          default: {},
          description:
            'Labels your kube-system Namespace carries besides `kubernetes.io/metadata.name`, for clusters whose manifests do not include it (for example a label a webhook excludes).',
        },
      },
    },
    messages: {
      noNamespaceSelector:
        'webhook "{{webhook}}" of {{object}} has no namespaceSelector, so it intercepts kube-system too',
      selectsKubeSystem:
        'webhook "{{webhook}}" of {{object}} has a namespaceSelector that matches kube-system, whose labels are {{labels}}',
      allResources:
        'webhook "{{webhook}}" of {{object}} matches every resource: rules[{{rule}}].resources has "{{resource}}"',
      secrets: 'webhook "{{webhook}}" of {{object}} receives Secrets: rules[{{rule}}].resources has "{{resource}}"',
    },
  },

  *check(resource, params, ctx): Iterable<Violation<MessageId>> {
    if (resource.group !== ADMISSION_GROUP || !WEBHOOK_KINDS.includes(resource.kind)) return;
    const object = `${resource.kind} "${resource.name ?? '(unnamed)'}"`;
    const labels = kubeSystemLabels(params, ctx);
    const customGroups = ctx.inventory.memo(CUSTOM_GROUPS_KEY, groupsOfCustomResources);
    for (const ref of webhooksOf(resource)) {
      const data = { webhook: ref.name, object };
      const reachesKubeSystem =
        !requiresObjectLabel(ref.webhook) &&
        ref.rules.some(({ rule: entry }) => reachesBuiltInNamespacedObjects(entry, customGroups));
      if (reachesKubeSystem) {
        const violation = kubeSystemViolation(ref, labels);
        if (violation) yield { ...violation, data: { ...data, ...violation.data } };
      }
      if (isExemptName(ref.name, params.exemptWebhooks)) continue;
      for (const violation of scopeViolations(ref)) yield { ...violation, data: { ...data, ...violation.data } };
    }
  },
};

/** The labels kube-system has in the cluster, as far as the input and the parameters say. */
function kubeSystemLabels(params: Params, ctx: RuleContext): Readonly<Record<string, string>> {
  const namespace = ctx.inventory.namespaceObject(KUBE_SYSTEM);
  return { ...params.kubeSystemLabels, ...namespace?.labels, [NAME_LABEL]: KUBE_SYSTEM };
}

/** The API groups that CustomResourceDefinitions in the input define: custom resources, whatever their name. */
function groupsOfCustomResources(inventory: Inventory): ReadonlySet<string> {
  const groups = new Set<string>();
  for (const crd of inventory.ofKind(CRD_GROUP, 'CustomResourceDefinition')) {
    const group = getIn(crd.object, ['spec', 'group']);
    if (typeof group === 'string' && group !== '') groups.add(group);
  }
  return groups;
}

/**
 * True for a rule that can send the webhook namespaced objects of Kubernetes'
 * own API groups. A group that a CRD of the input defines is custom even when
 * it ends in `.k8s.io` (`sparkoperator.k8s.io`).
 */
function reachesBuiltInNamespacedObjects(entry: Record<string, unknown>, customGroups: ReadonlySet<string>): boolean {
  const groups = entry['apiGroups'];
  if (entry['scope'] === 'Cluster' || !Array.isArray(groups)) return false;
  return groups.some(
    (group) =>
      typeof group === 'string' &&
      (group === '*' || ((!group.includes('.') || group.endsWith('.k8s.io')) && !customGroups.has(group))),
  );
}

/**
 * True when the webhook's `objectSelector` only passes objects that carry a
 * label (a `matchLabels` entry, an `In` or an `Exists` requirement): it sees
 * the objects that opt in, which kube-system's components do not. A selector
 * the API server would refuse counts as none.
 */
function requiresObjectLabel(webhook: Record<string, unknown>): boolean {
  const selector = readLabelSelector(webhook['objectSelector']);
  if (!selector) return false;
  return (
    Object.keys(selector.matchLabels ?? {}).length > 0 ||
    (selector.matchExpressions ?? []).some(({ operator }) => operator === 'In' || operator === 'Exists')
  );
}

/** The webhooks that match something: mappings with at least one rule. */
function webhooksOf(resource: Resource): WebhookRef[] {
  const webhooks = resource.object['webhooks'];
  if (!Array.isArray(webhooks)) return [];
  const result: WebhookRef[] = [];
  webhooks.forEach((webhook: unknown, index) => {
    if (!isRecord(webhook)) return;
    const list = webhook['rules'];
    const rules = (Array.isArray(list) ? list : []).flatMap((entry: unknown, ruleIndex) =>
      isRecord(entry) ? [{ index: ruleIndex, rule: entry }] : [],
    );
    if (rules.length === 0) return;
    const name = typeof webhook['name'] === 'string' ? webhook['name'] : `#${index}`;
    result.push({ path: ['webhooks', index], name, webhook, rules });
  });
  return result;
}

function kubeSystemViolation(
  ref: WebhookRef,
  labels: Readonly<Record<string, string>>,
): Violation<MessageId> | undefined {
  const path = [...ref.path, 'namespaceSelector'];
  const raw = ref.webhook['namespaceSelector'];
  if (raw === undefined || raw === null) return { messageId: 'noNamespaceSelector', path };
  const selector = readLabelSelector(raw);
  if (!selector || !labelSelectorMatches(selector, labels)) return undefined;
  const shown = Object.entries(labels)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
  return { messageId: 'selectsKubeSystem', data: { labels: shown }, path };
}

/** Catch-all and Secret resources in the webhook's rules, each on its list item. */
function* scopeViolations(ref: WebhookRef): Generator<Violation<MessageId>> {
  for (const { index, rule: entry } of ref.rules) {
    const resources = entry['resources'];
    if (!Array.isArray(resources)) continue;
    const groups = entry['apiGroups'];
    const allGroups = Array.isArray(groups) && groups.includes('*');
    const coreGroup = Array.isArray(groups) && groups.includes('');
    for (const [itemIndex, item] of resources.entries()) {
      if (typeof item !== 'string') continue;
      const messageId = scopeOf(item, allGroups, coreGroup);
      if (messageId === undefined) continue;
      yield {
        messageId,
        data: { rule: index, resource: item },
        path: [...ref.path, 'rules', index, 'resources', itemIndex],
      };
    }
  }
}

/**
 * What one resource item of a rule reaches: every resource (`*` in every
 * group), Secrets (`secrets`, or `*` in the core group), or nothing to report.
 * `*` under named groups only is those groups' resources.
 */
function scopeOf(item: string, allGroups: boolean, coreGroup: boolean): 'allResources' | 'secrets' | undefined {
  const [base, subresource] = item.split('/');
  if (base === '*') {
    if (allGroups) return 'allResources';
    // `*/status`, `*/scale`: subresources only, and Secrets have none that carry their data.
    return coreGroup && (subresource === undefined || subresource === '*') ? 'secrets' : undefined;
  }
  return base === 'secrets' && (allGroups || coreGroup) ? 'secrets' : undefined;
}

/** A `metav1.LabelSelector` from a manifest, or undefined when the API server would refuse it. */
function readLabelSelector(value: unknown): LabelSelector | undefined {
  if (!isRecord(value)) return undefined;
  const matchLabels = value['matchLabels'] ?? {};
  const expressions = value['matchExpressions'] ?? [];
  if (!isRecord(matchLabels) || !Object.values(matchLabels).every((label) => typeof label === 'string')) {
    return undefined;
  }
  if (!Array.isArray(expressions)) return undefined;
  const matchExpressions: LabelSelectorRequirement[] = [];
  for (const expression of expressions) {
    const requirement = readRequirement(expression);
    if (!requirement) return undefined;
    matchExpressions.push(requirement);
  }
  return { matchLabels: matchLabels as Record<string, string>, matchExpressions };
}

function readRequirement(value: unknown): LabelSelectorRequirement | undefined {
  const key = getIn(value, ['key']);
  const operator = getIn(value, ['operator']);
  const values = getIn(value, ['values']) ?? [];
  if (typeof key !== 'string' || typeof operator !== 'string' || !OPERATORS.has(operator)) return undefined;
  if (!Array.isArray(values) || !values.every((entry) => typeof entry === 'string')) return undefined;
  return { key, operator: operator as LabelSelectorRequirement['operator'], values: values as string[] };
}

export default rule;
