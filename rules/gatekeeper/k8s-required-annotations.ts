import { compileUserRegex, isRecord } from '../../src/kit/rule-api.js';
import { RegoSet, gatekeeperRule, isSet, sprintf, type GatekeeperResult } from '../../src/kit/rego/rego-api.js';

type Entry = { key?: string; allowedRegex?: string };
type Params = { annotations?: Entry[]; message?: string };

/**
 * The API server refuses an object whose annotations take more than 256 KiB,
 * so no longer value is ever matched (which also bounds the regex's work).
 */
const MAX_ANNOTATION_VALUE_LENGTH = 256 * 1024;

/**
 * Gatekeeper library `general/requiredannotations`: the object carries every
 * listed annotation, and values match the entry's `allowedRegex` where one
 * is given.
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sRequiredAnnotations', library: 'general', template: 'requiredannotations' },
  meta: {
    id: 'k8s-required-annotations',
    title: 'Objects carry the required annotations (Gatekeeper K8sRequiredAnnotations)',
    description: 'Flag objects that lack a required annotation or whose annotation value does not match its pattern.',
    rationale: [
      'Annotations such as an owner or a runbook link are how people and tools find out who runs an object and',
      'what to do when it breaks; a missing or malformed one is discovered during an incident.',
    ].join(' '),
    remediation: [
      'Add each listed annotation under `metadata.annotations`, with a value that contains a match of the',
      "entry's `allowedRegex` when it has one.",
    ].join(' '),
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        annotations: {
          type: 'array',
          description: 'Annotations every object must carry.',
          items: {
            type: 'object',
            additionalProperties: false,
            properties: {
              key: { type: 'string', description: 'The annotation key that must be present.' },
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
          description: 'Accepted for compatibility with the library template, which does not use it.',
        },
      },
    },
  },

  validate(params): string[] {
    return (params.annotations ?? []).flatMap((entry, index) => {
      const problem = patternProblem(entry.allowedRegex);
      return problem === undefined
        ? []
        : [`annotations[${index}].allowedRegex ${shown(entry.allowedRegex)} ${problem}`];
    });
  },

  *review({ review }, params) {
    const metadata = isRecord(review.object.metadata) ? review.object.metadata : {};
    const present = isRecord(metadata.annotations) ? metadata.annotations : {};
    const entries = (Array.isArray(params.annotations) ? params.annotations : []).filter(isRecord) as Entry[];

    const missing = new RegoSet(
      entries.map((entry) => entry.key).filter((key) => key !== undefined && !isSet(present, key)),
    );
    if (missing.size > 0) {
      const msg = sprintf('you must provide annotation(s): %v', [missing]);
      if (msg !== undefined) {
        yield { msg, path: ['metadata', 'annotations'], details: { missing_annotations: [...missing.values] } };
      }
    }

    for (const [key, value] of Object.entries(present)) {
      for (const entry of entries) {
        if (entry.key !== key) continue;
        yield regexFailure(key, value, entry.allowedRegex);
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

/** A present annotation whose value contains no match of the entry's non-empty pattern. */
function regexFailure(key: string, value: unknown, allowedRegex: unknown): GatekeeperResult | undefined {
  if (typeof allowedRegex !== 'string' || allowedRegex === '') return undefined;
  const matcher = matcherFor(allowedRegex);
  // A value that is not a string cannot match, as in Rego, where the match fails on it.
  if (matcher && typeof value === 'string' && value.length <= MAX_ANNOTATION_VALUE_LENGTH && matcher.test(value)) {
    return undefined;
  }
  const msg = sprintf('Annotation <%v: %v> does not satisfy allowed regex: %v', [key, value, allowedRegex]);
  return msg === undefined ? undefined : { msg, path: ['metadata', 'annotations', key] };
}
