import {
  describeObject,
  formatLabelSelector,
  getIn,
  isEmptySelector,
  isRecord,
  labelSelectorMatches,
  readLabelSelector,
} from '../src/kit/rule-api.js';
import type { LabelSelector, ObjectPath, Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'labelMissing' | 'labelDiffers' | 'expressionUnmet' | 'missingSelector' | 'emptySelector';

type Params = Record<string, never>;

/** Where a controller keeps its selector and the template of the pods it creates. */
interface Layout {
  /** The object (`spec`, or a CronJob's `spec.jobTemplate.spec`) that holds `selector` and `template`. */
  spec: ObjectPath;
  /** `map`: a ReplicationController's plain label map; `labelSelector`: `matchLabels` and `matchExpressions`. */
  form: 'map' | 'labelSelector';
  /** Jobs: only a selector written by hand (`manualSelector: true`) can miss; the generated one cannot. */
  manual: boolean;
}

const SELECTOR_KINDS = ['Deployment', 'ReplicaSet', 'DaemonSet'];
const APPS_LAYOUT: Layout = { spec: ['spec'], form: 'labelSelector', manual: false };

/** The kinds the rule reads, by API group. */
// Maps, as they are looked up by the input's group and kind (an object would also answer `constructor`).
const LAYOUTS: ReadonlyMap<string, ReadonlyMap<string, Layout>> = new Map([
  ['apps', new Map([...SELECTOR_KINDS, 'StatefulSet'].map((kind) => [kind, APPS_LAYOUT]))],
  ['extensions', new Map(SELECTOR_KINDS.map((kind) => [kind, APPS_LAYOUT]))],
  [
    'batch',
    new Map<string, Layout>([
      ['Job', { spec: ['spec'], form: 'labelSelector', manual: true }],
      ['CronJob', { spec: ['spec', 'jobTemplate', 'spec'], form: 'labelSelector', manual: true }],
    ]),
  ],
  ['', new Map<string, Layout>([['ReplicationController', { spec: ['spec'], form: 'map', manual: false }]])],
]);

/**
 * A controller's selector selects the pods its own template creates. The
 * selector is compared with the template's labels as the API server compares
 * them (`labelSelectorMatches`); each requirement the labels fail is one
 * finding, at that requirement. Also reported: an `apps/v1` controller
 * without a selector, which the API requires, and an empty selector, which
 * the API refuses because it would claim every pod in the namespace. Older
 * API versions and ReplicationControllers default a missing selector to the
 * template's labels, so it cannot miss.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'selector-matches-template',
    title: 'Selectors select their own pod template',
    description: "Make every controller's selector match the labels of its own pod template.",
    rationale: [
      'A Deployment, StatefulSet, DaemonSet or ReplicaSet finds the pods it owns by its selector, not by how they',
      "were created. When the template's labels do not satisfy the selector the API server refuses the object, so",
      'the mistake surfaces only at deploy time, often in the middle of a pipeline; when a label is renamed in one',
      'place but not the other, the next apply fails the same way, and because selectors cannot be changed later the',
      'fix may mean deleting and recreating the workload. Catching the mismatch in review keeps the selector and the',
      'labels it depends on in step.',
    ].join(' '),
    remediation: [
      "Make the pod template's `metadata.labels` satisfy every `spec.selector` requirement, usually by selecting on",
      'one or two stable labels such as `app.kubernetes.io/name` and `app.kubernetes.io/instance` and setting both in',
      'the template; keep changing labels such as versions out of the selector. Where kustomize adds the selector',
      '(`labels` with `includeSelectors`, or `commonLabels`), lint the output of `kustomize build` instead of the base.',
    ].join(' '),
    defaultSeverity: 'error',
    defaultKinds: [...LAYOUTS].map(([group, kinds]) => ({ apiGroups: [group], kinds: [...kinds.keys()] })),
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      labelMissing: '{{object}} selects pods with {{key}}={{value}}, but its pod template has no label "{{key}}"',
      labelDiffers: '{{object}} selects pods with {{key}}={{value}}, but its pod template sets {{key}}={{actual}}',
      expressionUnmet: '{{object}} selects pods with "{{expression}}", which its pod template\'s labels do not meet',
      missingSelector: '{{object}} has no spec.selector, which {{apiVersion}} requires',
      emptySelector: '{{object}} has an empty spec.selector, which would claim every pod in its namespace',
    },
  },

  *check(resource): Iterable<Violation<MessageId>> {
    const layout = LAYOUTS.get(resource.group)?.get(resource.kind);
    if (!layout) return;
    const spec = getIn(resource.object, layout.spec);
    if (!isRecord(spec)) return;
    if (layout.manual && spec.manualSelector !== true) return;
    const object = describeObject(resource);
    const selectorPath = [...layout.spec, 'selector'];
    if (spec.selector === undefined || spec.selector === null) {
      if (resource.group === 'apps' && resource.version === 'v1') {
        yield {
          messageId: 'missingSelector',
          data: { object, apiVersion: resource.object.apiVersion },
          path: selectorPath,
        };
      }
      return;
    }
    const rawLabels = getIn(spec, ['template', 'metadata', 'labels']);
    const templateLabels = isRecord(rawLabels) ? rawLabels : {};
    if (layout.form === 'map') {
      yield* mapMismatches(object, spec.selector, selectorPath, templateLabels);
      return;
    }
    const selector = readLabelSelector(spec.selector);
    // A malformed selector is the API server's to refuse; there is nothing to compare.
    if (!selector) return;
    if (isEmptySelector(selector)) {
      if (!layout.manual) yield { messageId: 'emptySelector', data: { object }, path: selectorPath };
      return;
    }
    yield* selectorMismatches(object, selector, selectorPath, templateLabels);
  },
};

/** One finding per requirement of a `metav1.LabelSelector` that the template's labels fail. */
function* selectorMismatches(
  object: string,
  selector: LabelSelector,
  path: ObjectPath,
  templateLabels: Readonly<Record<string, unknown>>,
): Iterable<Violation<MessageId>> {
  const labels = stringLabels(templateLabels);
  if (labelSelectorMatches(selector, labels)) return;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    const violation = labelMismatch(object, key, value, templateLabels, [...path, 'matchLabels', key]);
    if (violation) yield violation;
  }
  const expressions = selector.matchExpressions ?? [];
  for (const [index, requirement] of expressions.entries()) {
    if (labelSelectorMatches({ matchExpressions: [requirement] }, labels)) continue;
    yield {
      messageId: 'expressionUnmet',
      data: { object, expression: formatLabelSelector({ matchExpressions: [requirement] }) },
      path: [...path, 'matchExpressions', index],
    };
  }
}

/** A ReplicationController's selector: a plain map of labels; an empty one defaults to the template's labels. */
function* mapMismatches(
  object: string,
  selector: unknown,
  path: ObjectPath,
  templateLabels: Readonly<Record<string, unknown>>,
): Iterable<Violation<MessageId>> {
  if (!isRecord(selector)) return;
  for (const [key, value] of Object.entries(selector)) {
    if (typeof value !== 'string') continue;
    const violation = labelMismatch(object, key, value, templateLabels, [...path, key]);
    if (violation) yield violation;
  }
}

function labelMismatch(
  object: string,
  key: string,
  value: string,
  templateLabels: Readonly<Record<string, unknown>>,
  path: ObjectPath,
): Violation<MessageId> | undefined {
  if (!Object.hasOwn(templateLabels, key)) {
    return { messageId: 'labelMissing', data: { object, key, value }, path };
  }
  const actual = templateLabels[key];
  if (actual === value) return undefined;
  return { messageId: 'labelDiffers', data: { object, key, value, actual: display(actual) }, path };
}

function stringLabels(labels: Readonly<Record<string, unknown>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(labels).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/** A label value as written; anything but a string (which the API server refuses) is marked as such. */
function display(value: unknown): string {
  return typeof value === 'string' ? value : `${JSON.stringify(value) ?? String(value)} (not a string)`;
}

export default rule;
