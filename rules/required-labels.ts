import {
  MAX_USER_PATTERN_LENGTH,
  compileUserRegex,
  describeObject,
  getIn,
  isRecord,
  labelKeyProblem,
} from '../src/kit/rule-api.js';
import type { RelatedLocation, Resource, Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'missing' | 'badValue' | 'custom';

interface RequiredLabel {
  key: string;
  allowedRegex?: string;
}

type Params = {
  labels: RequiredLabel[];
  message: string;
};

/** Longest label value the API server accepts; longer values are reported without running the regex. */
const MAX_LABEL_VALUE_LENGTH = 63;

/** A label whose value the regex refuses. */
interface BadValue {
  key: string;
  value: string;
  allowedRegex: string;
}

/**
 * Objects carry the labels a team relies on. Gatekeeper's K8sRequiredLabels
 * (`general/requiredlabels`), with the same parameters and the same findings:
 *
 * - one finding listing every missing key (`you must provide labels: {"a", "b"}`)
 *   at `metadata.labels`; a key counts as present whatever its value, `""` included;
 * - one finding per present label whose value does not contain a match of its
 *   entry's `allowedRegex` (searched, not anchored, as RE2's match is), at
 *   `metadata.labels.<key>`; an entry without a regex, or with `""`, only needs the key;
 * - a non-empty `message` replaces both texts, and then, as in Gatekeeper, all
 *   regex failures of an object are one finding (at the first, with the others
 *   as related locations).
 *
 * Messages start with the object (`Deployment "api": …`) so that a finding
 * reads on its own; the rest is Gatekeeper's text.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'required-labels',
    title: 'Objects carry the required labels',
    description: 'Label every object with the keys your team requires, with values in the agreed format.',
    rationale: [
      'Labels are how everything after `kubectl apply` finds an object: selectors of Services and policies, cost',
      'and ownership reports, dashboards, alert routing, cleanup jobs and the rollout tooling that tells one release',
      'or environment from another. A resource without them is invisible to that tooling, and a label whose value',
      'drifts from the agreed format (`Prod` here, `production` there) splits one group into several. Requiring a',
      'small set of keys, such as the application, its version and its environment, with values that follow a',
      'pattern, keeps every object traceable to who runs it, what it is and where it belongs.',
    ].join(' '),
    remediation: [
      'Add the missing labels under `metadata.labels` (for workloads, also on the pod template so that pods carry',
      'them), with values that match the required pattern; most teams set them once in a Helm helper or a kustomize',
      '`labels` entry so that every object gets them.',
    ].join(' '),
    defaultSeverity: 'error',
    defaultKinds: [],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        labels: {
          type: 'array',
          default: [],
          description: [
            'The labels every matched object must have: `key`, and optionally `allowedRegex`, a regular expression',
            'the value must contain a match of (write `^…$` to match the whole value; a leading `(?i)` ignores',
            'case). A key counts as present whatever its value, empty included. Missing keys are one finding at',
            '`metadata.labels`; each refused value is one at its label. Patterns are checked when the config loads',
            `and may be at most ${MAX_USER_PATTERN_LENGTH} characters; avoid nested repetition such as \`(a+)+\`.`,
          ].join(' '),
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['key'],
            properties: {
              key: { type: 'string', description: 'The label key, such as `app.kubernetes.io/name`.' },
              allowedRegex: {
                type: 'string',
                maxLength: MAX_USER_PATTERN_LENGTH,
                description: 'A pattern the value must contain a match of; empty or absent accepts any value.',
              },
            },
          },
        },
        message: {
          type: 'string',
          default: '',
          description:
            "A text that replaces the built-in messages of both findings, as Gatekeeper's `message` does; empty keeps them.",
        },
      },
    },
    messages: {
      missing: '{{object}}: you must provide labels: {{missing}}',
      badValue: '{{object}}: Label <{{key}}: {{value}}> does not satisfy allowed regex: {{allowedRegex}}',
      custom: '{{object}}: {{message}}',
    },
  },

  validate(params): string[] {
    const problems: string[] = [];
    params.labels.forEach((label, index) => {
      const keyProblem = labelKeyProblem(label.key);
      if (keyProblem) problems.push(`labels[${index}].key ${keyProblem}`);
      if (!label.allowedRegex) return;
      const compiled = compileUserRegex(label.allowedRegex);
      if (!(compiled instanceof RegExp))
        problems.push(`labels[${index}].allowedRegex "${label.allowedRegex}" ${compiled.problem}`);
    });
    return problems;
  },

  *check(resource, params): Iterable<Violation<MessageId>> {
    const labels = getIn(resource.object, ['metadata', 'labels']);
    const present = isRecord(labels) ? labels : {};
    const object = describeObject(resource);
    const missing = [...new Set(params.labels.map((label) => label.key))].filter((key) => !Object.hasOwn(present, key));
    if (missing.length > 0) {
      const path = ['metadata', 'labels'];
      if (params.message) yield { messageId: 'custom', data: { object, message: params.message }, path };
      else yield { messageId: 'missing', data: { object, missing: regoSet(missing) }, path };
    }
    const bad = badValues(params.labels, present);
    if (bad.length === 0) return;
    if (params.message) {
      yield customBadValues(resource, object, params.message, bad);
      return;
    }
    for (const { key, value, allowedRegex } of bad) {
      yield { messageId: 'badValue', data: { object, key, value, allowedRegex }, path: labelPath(key) };
    }
  },
};

/**
 * The present labels whose value an entry's regex refuses, in the order of the
 * entries. Values that are not strings are the API server's to refuse; values
 * longer than a label may be are refused without running the regex.
 */
function badValues(required: readonly RequiredLabel[], present: Readonly<Record<string, unknown>>): BadValue[] {
  const bad: BadValue[] = [];
  const seen = new Set<string>();
  for (const { key, allowedRegex } of required) {
    const value = present[key];
    if (!allowedRegex || typeof value !== 'string' || !Object.hasOwn(present, key)) continue;
    const matcher = compileUserRegex(allowedRegex);
    // validate() refuses patterns that do not compile.
    if (!(matcher instanceof RegExp)) continue;
    if (value.length <= MAX_LABEL_VALUE_LENGTH && matcher.test(value)) continue;
    // Two entries for one key with different regexes are two findings, as in Gatekeeper; the same pair once.
    const identity = `${key}\u0000${allowedRegex}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    bad.push({ key, value, allowedRegex });
  }
  return bad;
}

/** With a custom message every regex failure has the same text, so Gatekeeper counts them once. */
function customBadValues(
  resource: Resource,
  object: string,
  message: string,
  bad: readonly BadValue[],
): Violation<MessageId> {
  const [first, ...others] = bad;
  const related: RelatedLocation[] = others.map(({ key, value }) => ({
    resource,
    path: labelPath(key),
    message: `label "${key}" has the value "${value}", which its pattern does not allow`,
  }));
  return {
    messageId: 'custom',
    data: { object, message },
    path: labelPath(first?.key ?? ''),
    ...(related.length > 0 && { related }),
  };
}

function labelPath(key: string): string[] {
  return ['metadata', 'labels', key];
}

/** A set as Rego prints it: sorted, each string quoted, `{"app", "version"}`. */
function regoSet(values: readonly string[]): string {
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${sorted.map((value) => JSON.stringify(value)).join(', ')}}`;
}

export default rule;
