import { compileUserRegex, isRecord } from '../../src/kit/rule-api.js';
import { RegoSet, gatekeeperRule, isSet, sprintf, type GatekeeperResult } from '../../src/kit/rego/rego-api.js';

type Entry = { key?: string; allowedRegex?: string };
type Params = { labels?: Entry[]; message?: string };

/**
 * The API server refuses a label value longer than 63 characters, so no
 * longer value is ever matched (which also bounds the regex's work).
 */
const MAX_LABEL_VALUE_LENGTH = 63;

/**
 * Gatekeeper library `general/requiredlabels`: the object carries every
 * listed label, and values match the entry's `allowedRegex` where one is
 * given. A `message` replaces the text of both findings.
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sRequiredLabels', library: 'general', template: 'requiredlabels' },
  meta: {
    id: 'k8s-required-labels',
    title: 'Objects carry the required labels (Gatekeeper K8sRequiredLabels)',
    description: 'Flag objects that lack a required label or whose label value does not match its pattern.',
    rationale: [
      'Selectors, cost reports and on-call routing all key on labels such as an owner or a team; an object',
      'without them, or with a value nobody recognises, drops out of every one of those views.',
    ].join(' '),
    remediation: [
      "Add each listed label under `metadata.labels`, with a value that contains a match of the entry's",
      '`allowedRegex` when it has one.',
    ].join(' '),
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        labels: {
          type: 'array',
          description: 'Labels every object must carry.',
          items: {
            type: 'object',
            additionalProperties: false,
            properties: {
              key: { type: 'string', description: 'The label key that must be present.' },
              allowedRegex: {
                type: 'string',
                description:
                  'When set and not empty, the value must contain a match of this regular expression; write `^…$` to match the whole value.',
              },
            },
          },
        },
        message: {
          type: 'string',
          description:
            'Text reported instead of the built-in messages, for missing labels and for values that do not match alike.',
        },
      },
    },
  },

  validate(params): string[] {
    return (params.labels ?? []).flatMap((entry, index) => {
      const problem = patternProblem(entry.allowedRegex);
      return problem === undefined ? [] : [`labels[${index}].allowedRegex ${shown(entry.allowedRegex)} ${problem}`];
    });
  },

  *review({ review }, params) {
    const metadata = isRecord(review.object.metadata) ? review.object.metadata : {};
    const present = isRecord(metadata.labels) ? metadata.labels : {};
    const entries = (Array.isArray(params.labels) ? params.labels : []).filter(isRecord) as Entry[];
    // A message that is set (even empty) replaces both built-in texts.
    const message = isSet(params, 'message') && typeof params.message === 'string' ? params.message : undefined;

    const missing = new RegoSet(
      entries.map((entry) => entry.key).filter((key) => key !== undefined && !isSet(present, key)),
    );
    if (missing.size > 0) {
      const msg = message ?? sprintf('you must provide labels: %v', [missing]);
      if (msg !== undefined) {
        yield { msg, path: ['metadata', 'labels'], details: { missing_labels: [...missing.values] } };
      }
    }

    for (const [key, value] of Object.entries(present)) {
      for (const entry of entries) {
        if (entry.key !== key) continue;
        yield regexFailure(key, value, entry.allowedRegex, message);
      }
    }
  },
});

/** A pattern quoted for a message, shortened when long. */
function shown(pattern: unknown): string {
  const text = String(pattern);
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text);
}

/** Why a non-empty pattern cannot be used, or undefined. */
function patternProblem(pattern: unknown): string | undefined {
  if (typeof pattern !== 'string' || pattern === '') return undefined;
  const compiled = compileUserRegex(pattern);
  return compiled instanceof RegExp ? undefined : compiled.problem;
}

const compiledPatterns = new Map<string, RegExp | undefined>();

/** The pattern compiled for unanchored search, or undefined when it does not compile (validate refuses those). */
function matcherFor(pattern: string): RegExp | undefined {
  if (!compiledPatterns.has(pattern)) {
    const compiled = compileUserRegex(pattern);
    compiledPatterns.set(pattern, compiled instanceof RegExp ? compiled : undefined);
  }
  return compiledPatterns.get(pattern);
}

/** A present label whose value contains no match of the entry's non-empty pattern. */
function regexFailure(
  key: string,
  value: unknown,
  allowedRegex: unknown,
  message: string | undefined,
): GatekeeperResult | undefined {
  if (typeof allowedRegex !== 'string' || allowedRegex === '') return undefined;
  const matcher = matcherFor(allowedRegex);
  // A value that is not a string cannot match, as in Rego, where the match fails on it.
  if (matcher && typeof value === 'string' && value.length <= MAX_LABEL_VALUE_LENGTH && matcher.test(value)) {
    return undefined;
  }
  const msg = message ?? sprintf('Label <%v: %v> does not satisfy allowed regex: %v', [key, value, allowedRegex]);
  return msg === undefined ? undefined : { msg, path: ['metadata', 'labels', key] };
}
