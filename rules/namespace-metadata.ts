import { compileUserRegex, getIn, parseMoment, parseTtl, ttlEnd, userRegexProblem } from '../src/kit/rule-api.js';
import type { Resource, Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'missing' | 'blank' | 'patternMismatch' | 'invalidTtl' | 'expired';

interface RequiredAnnotation {
  key: string;
  pattern?: string;
}

/** Longest annotation value a pattern is tested against; longer ones count as not matching. */
const MAX_TESTED_LENGTH = 1024;

type Params = {
  annotations: RequiredAnnotation[];
  ttlAnnotation: string;
  now: string;
};

/**
 * Namespaces say who owns them, which team, what for, and when they end.
 *
 * Each entry of `annotations` must be present with a non-blank value that, when
 * the entry has a `pattern`, matches it. Patterns are searched in the value, like
 * Gatekeeper's `allowedRegex` (write `^…$` to match all of it), and values
 * longer than 1024 characters are not searched but count as not matching, to
 * keep a backtracking pattern from stalling the run. The TTL annotation
 * (`ttlAnnotation`) is checked whenever it is present, and required only when
 * it is also listed in `annotations`: permanent namespaces such as production
 * ones have no end date, so the default asks for the TTL to be valid, not to
 * exist. A TTL is a duration (`72h`, `30d`, `1w`) or a date (`2025-06-30`) or
 * date-time with a time zone. A date that has passed is reported as expired,
 * compared with `now` (the current time unless set, which tests and
 * reproducible CI runs do); a date without a time lasts to the end of that day
 * (UTC). A duration runs from `metadata.creationTimestamp` when the manifest
 * has one (exported from a cluster) and cannot expire otherwise.
 *
 * The default keys have no prefix, which Kubernetes leaves to the cluster's
 * users; set your own (`example.com/owner`) through the parameters.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'namespace-metadata',
    title: 'Namespaces say who owns them and when they end',
    description:
      'Annotate every Namespace with its owner, team and purpose, and give a valid, unexpired TTL where it has one.',
    rationale: [
      'A namespace is a workspace: someone asked for it, a team pays for it, and it exists for a reason. Recording',
      'that on the Namespace itself lets anyone find the person to ask before changing or deleting it, and lets',
      'cost and usage reports group namespaces by team. Workspaces handed out for a project or a developer should',
      'also carry a time to live, so that a cleanup job can remove them once they have served their purpose instead',
      'of leaving forgotten resources behind; a TTL that cannot be parsed, or that has already run out, defeats that.',
    ].join(' '),
    remediation: [
      'Add the missing annotations to the Namespace, for example `owner: alice@example.com`, `team: payments` and',
      '`purpose: checkout service`, with a `ttl` of `30d` or an end date such as `2025-06-30` for temporary',
      'workspaces. Extend or remove an expired namespace, or update its TTL if it is still in use.',
    ].join(' '),
    defaultSeverity: 'warning',
    defaultKinds: [{ apiGroups: [''], kinds: ['Namespace'] }],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        annotations: {
          type: 'array',
          default: [{ key: 'owner' }, { key: 'team' }, { key: 'purpose' }],
          description:
            'The annotations every Namespace needs. `pattern` is a regular expression the value must contain a match of (write `^…$` for the whole value); without it any non-blank value will do. List the TTL key here to make it required.',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['key'],
            properties: {
              key: { type: 'string', minLength: 1 },
              pattern: { type: 'string' },
            },
          },
        },
        ttlAnnotation: {
          type: 'string',
          default: 'ttl',
          description:
            'The annotation holding the time to live: a duration such as `72h` or `30d`, or an end date such as `2025-06-30`. Empty: no TTL check.',
        },
        now: {
          type: 'string',
          default: '',
          description:
            'The moment TTLs are compared with, as a date or date-time with a time zone. Empty: the current time. Pin it for reproducible runs.',
        },
      },
    },
    messages: {
      missing: 'Namespace "{{name}}" has no {{keys}} {{annotations}}',
      blank: 'Namespace "{{name}}" has a blank "{{key}}" annotation',
      patternMismatch: 'Namespace "{{name}}" annotation "{{key}}" is "{{value}}", which does not match {{pattern}}',
      invalidTtl:
        'Namespace "{{name}}" annotation "{{key}}" is "{{value}}", neither a duration such as 72h or 30d nor a date such as 2025-06-30',
      expired: 'Namespace "{{name}}" expired on {{date}} (annotation "{{key}}" is "{{value}}")',
    },
  },

  validate(params): string[] {
    const problems = params.annotations.flatMap((annotation, index) => {
      const problem = annotation.pattern === undefined ? undefined : userRegexProblem(annotation.pattern);
      return problem === undefined
        ? []
        : [`annotations[${index}].pattern ${JSON.stringify(annotation.pattern)} ${problem}`];
    });
    if (params.now !== '' && parseMoment(params.now) === undefined) {
      problems.push(`now "${params.now}" is not a date such as 2025-06-30 or a date-time such as 2025-06-30T12:00:00Z`);
    }
    return problems;
  },

  *check(resource, params): Iterable<Violation<MessageId>> {
    if (resource.group !== '' || resource.kind !== 'Namespace') return;
    const name = resource.name ?? '(unnamed)';
    const missing = params.annotations.filter((annotation) => resource.annotations[annotation.key] === undefined);
    if (missing.length > 0) yield missingAnnotations(name, missing);
    for (const annotation of params.annotations) {
      const violation = requiredAnnotation(resource, annotation);
      if (violation) yield { ...violation, data: { name, key: annotation.key, ...violation.data } };
    }
    if (params.ttlAnnotation === '') return;
    const required = params.annotations.some((annotation) => annotation.key === params.ttlAnnotation);
    const violation = ttlViolation(resource, params.ttlAnnotation, params.now, required);
    if (violation) yield { ...violation, data: { name, key: params.ttlAnnotation, ...violation.data } };
  },
};

/**
 * One finding for all the annotations a Namespace lacks, so that an
 * unannotated Namespace reads as one problem. It points at the annotation
 * when one is missing, else at `metadata.annotations` (or what exists of it).
 */
function missingAnnotations(name: string, missing: readonly RequiredAnnotation[]): Violation<MessageId> {
  const keys = missing.map((annotation) => `"${annotation.key}"`);
  const listed = keys.length === 1 ? keys[0]! : `${keys.slice(0, -1).join(', ')} and ${keys.at(-1)!}`;
  const path = ['metadata', 'annotations', ...(missing.length === 1 ? [missing[0]!.key] : [])];
  return {
    messageId: 'missing',
    data: { name, keys: listed, annotations: missing.length === 1 ? 'annotation' : 'annotations' },
    path,
  };
}

/** Blank or mismatching: the problem with one required annotation that is present, if any. */
function requiredAnnotation(resource: Resource, annotation: RequiredAnnotation): Violation<MessageId> | undefined {
  const path = ['metadata', 'annotations', annotation.key];
  const value = resource.annotations[annotation.key];
  // A missing annotation is reported by missingAnnotations.
  if (value === undefined) return undefined;
  if (value.trim() === '') return { messageId: 'blank', path };
  if (annotation.pattern === undefined) return undefined;
  // validate() has rejected patterns that do not compile.
  const pattern = compileUserRegex(annotation.pattern);
  if (!(pattern instanceof RegExp) || (value.length <= MAX_TESTED_LENGTH && pattern.test(value))) return undefined;
  return { messageId: 'patternMismatch', data: { value: shown(value), pattern: `/${annotation.pattern}/` }, path };
}

/** An unreadable or run-out TTL. A missing one, or a blank required one, is `requiredAnnotation`'s business. */
function ttlViolation(
  resource: Resource,
  key: string,
  now: string,
  required: boolean,
): Violation<MessageId> | undefined {
  const value = resource.annotations[key];
  if (value === undefined || (required && value.trim() === '')) return undefined;
  const path = ['metadata', 'annotations', key];
  const ttl = parseTtl(value);
  if (!ttl) return { messageId: 'invalidTtl', data: { value: shown(value) }, path };
  const ends = ttlEnd(ttl, getIn(resource.object, ['metadata', 'creationTimestamp']));
  const moment = now === '' ? Date.now() : parseMoment(now);
  if (ends === undefined || moment === undefined || moment < ends) return undefined;
  const date = ttl.kind === 'date' && ttl.dateOnly ? ttl.text : new Date(ends).toISOString().replace('.000Z', 'Z');
  return { messageId: 'expired', data: { value: shown(value), date }, path };
}

/** A value as messages quote it: long ones are cut to 80 characters. */
function shown(value: string): string {
  return value.length <= 80 ? value : `${value.slice(0, 79)}…`;
}

export default rule;
