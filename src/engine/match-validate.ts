/**
 * Checks a `match` block before anything runs, so that a typo fails loudly
 * instead of silently selecting everything or nothing. The rules are those of
 * Gatekeeper's match CRD schema (`pkg/target/matchcrd_constant.go`) and of the
 * API server's label selector validation, plus the rejection of unknown
 * fields and scopes that our conventions ask for.
 */
import { isRecord } from '../model/records.js';
import { didYouMean } from '../util/suggest.js';
import { labelKeyProblem, labelValueProblem } from './label-selector.js';
import { formatPath } from './paths.js';
import type { ObjectPath } from '../model/types.js';
import { wildcardProblem } from './wildcard.js';

/** One problem in a match block. `path` is dotted and relative to the block, e.g. `namespaces[2]`. */
export interface MatchProblem {
  path: string;
  message: string;
}

interface Problem {
  at: ObjectPath;
  message: string;
}

type Json = Record<string, unknown>;

const MATCH_FIELDS = [
  'kinds',
  'namespaces',
  'excludedNamespaces',
  'labelSelector',
  'namespaceSelector',
  'name',
  'scope',
  'source',
] as const;
const SCOPES = ['Namespaced', 'Cluster', '*'];
const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];
/** Things people write for the core group, whose name is the empty string. */
const CORE_GROUP_ALIASES = /^(core|v\d+((alpha|beta)\d+)?)$/;

/**
 * Problems with a match block, in field order; empty when it is usable.
 * An absent (null) block or field means "no restriction", as in Gatekeeper.
 */
export function validateMatch(match: unknown): MatchProblem[] {
  if (match == null) return [];
  if (!isRecord(match)) return [{ path: '', message: 'must be a mapping of match fields' }];
  const problems = [
    ...unknownFields(match, MATCH_FIELDS, [], 'a match field'),
    ...kindsProblems(match['kinds']),
    ...wildcardListProblems(match['namespaces'], 'namespaces'),
    ...wildcardListProblems(match['excludedNamespaces'], 'excludedNamespaces'),
    ...selectorProblems(match['labelSelector'], ['labelSelector']),
    ...selectorProblems(match['namespaceSelector'], ['namespaceSelector']),
    ...nameProblems(match['name']),
    ...scopeProblems(match['scope']),
    ...sourceProblems(match['source']),
  ];
  return problems.map(({ at, message }) => ({ path: formatPath(at), message }));
}

function unknownFields(record: Json, known: readonly string[], at: ObjectPath, what: string): Problem[] {
  return Object.keys(record)
    .filter((key) => !known.includes(key))
    .map((key) => {
      const hint = didYouMean(key, known);
      return { at: [...at, key], message: `is not ${what}${hint || `; expected one of ${known.join(', ')}`}` };
    });
}

function kindsProblems(kinds: unknown): Problem[] {
  if (kinds == null) return [];
  if (!Array.isArray(kinds)) return [{ at: ['kinds'], message: 'must be a list of {apiGroups, kinds} entries' }];
  return kinds.flatMap((entry: unknown, index) => kindEntryProblems(entry, ['kinds', index]));
}

function kindEntryProblems(entry: unknown, at: ObjectPath): Problem[] {
  if (!isRecord(entry)) return [{ at, message: 'must be a mapping with apiGroups and kinds' }];
  return [
    ...unknownFields(entry, ['apiGroups', 'kinds'], at, 'a field of a kinds entry'),
    ...stringListProblems(entry['apiGroups'], [...at, 'apiGroups'], apiGroupProblem),
    ...loneStarProblems(entry['apiGroups'], [...at, 'apiGroups']),
    ...stringListProblems(entry['kinds'], [...at, 'kinds'], kindProblem),
  ];
}

function apiGroupProblem(group: string): string | undefined {
  if (group !== '*' && group.includes('*')) {
    return `("${group}") is not supported: apiGroups take exact group names or a lone "*"`;
  }
  if (group.includes('/')) {
    return `("${group}") includes a version; apiGroups take the group alone, e.g. "apps", and "" for the core group`;
  }
  if (CORE_GROUP_ALIASES.test(group)) return `("${group}") is not a group name; the core group is written ""`;
  return undefined;
}

/** Gatekeeper documents that a `*` in apiGroups must be the list's only entry. */
function loneStarProblems(groups: unknown, at: ObjectPath): Problem[] {
  if (!Array.isArray(groups) || groups.length < 2 || !groups.includes('*')) return [];
  return [{ at, message: 'lists "*" with other groups; Gatekeeper requires "*" to be the only entry' }];
}

function kindProblem(kind: string): string | undefined {
  if (kind !== '*' && kind.includes('*')) {
    return `("${kind}") is not supported: kinds take exact kind names or a lone "*"`;
  }
  if (/^[a-z]/.test(kind)) {
    return `("${kind}") looks like a resource name; kinds take the kind as manifests write it, e.g. "Deployment"`;
  }
  return undefined;
}

function wildcardListProblems(value: unknown, field: string): Problem[] {
  return stringListProblems(value, [field], wildcardProblem);
}

function nameProblems(name: unknown): Problem[] {
  if (name == null) return [];
  if (typeof name !== 'string') return [{ at: ['name'], message: 'must be a string' }];
  const problem = wildcardProblem(name);
  return problem ? [{ at: ['name'], message: problem }] : [];
}

/** A list of strings, each checked by `check` (which returns the end of a sentence). */
function stringListProblems(value: unknown, at: ObjectPath, check?: (item: string) => string | undefined): Problem[] {
  if (value == null) return [];
  if (!Array.isArray(value)) return [{ at, message: 'must be a list of strings' }];
  return value.flatMap((item: unknown, index): Problem[] => {
    if (typeof item !== 'string') return [{ at: [...at, index], message: 'must be a string' }];
    const problem = check?.(item);
    return problem ? [{ at: [...at, index], message: problem }] : [];
  });
}

function scopeProblems(scope: unknown): Problem[] {
  if (scope == null || (typeof scope === 'string' && SCOPES.includes(scope))) return [];
  const hint = typeof scope === 'string' ? didYouMean(scope, SCOPES) : '';
  return [{ at: ['scope'], message: `must be "Namespaced", "Cluster" or "*", not ${JSON.stringify(scope)}${hint}` }];
}

/**
 * Gatekeeper's `source` picks original or generated (expanded) resources. We
 * check manifests as written, which are all "Original".
 */
function sourceProblems(source: unknown): Problem[] {
  if (source == null || source === 'All' || source === 'Original') return [];
  if (source === 'Generated') {
    return [
      {
        at: ['source'],
        message:
          'is "Generated", which selects only resources that Gatekeeper expands from generators; k8s-bp checks manifests as written, so use "All" or "Original"',
      },
    ];
  }
  return [{ at: ['source'], message: `must be "All", "Generated" or "Original", not ${JSON.stringify(source)}` }];
}

function selectorProblems(selector: unknown, at: ObjectPath): Problem[] {
  if (selector == null) return [];
  if (!isRecord(selector)) {
    return [{ at, message: 'must be a label selector: a mapping with matchLabels and/or matchExpressions' }];
  }
  return [
    ...unknownFields(selector, ['matchLabels', 'matchExpressions'], at, 'a field of a label selector'),
    ...matchLabelsProblems(selector['matchLabels'], [...at, 'matchLabels']),
    ...matchExpressionsProblems(selector['matchExpressions'], [...at, 'matchExpressions']),
  ];
}

function matchLabelsProblems(labels: unknown, at: ObjectPath): Problem[] {
  if (labels == null) return [];
  if (!isRecord(labels)) return [{ at, message: 'must be a mapping of label keys to values' }];
  return Object.entries(labels).flatMap(([key, value]): Problem[] => {
    const keyProblem = labelKeyProblem(key);
    if (keyProblem) return [{ at: [...at, key], message: keyProblem }];
    if (typeof value !== 'string')
      return [{ at: [...at, key], message: 'must be a string; quote values such as "true" or "1"' }];
    const valueProblem = labelValueProblem(value);
    return valueProblem ? [{ at: [...at, key], message: valueProblem }] : [];
  });
}

function matchExpressionsProblems(expressions: unknown, at: ObjectPath): Problem[] {
  if (expressions == null) return [];
  if (!Array.isArray(expressions)) return [{ at, message: 'must be a list of {key, operator, values} requirements' }];
  return expressions.flatMap((requirement: unknown, index) => requirementProblems(requirement, [...at, index]));
}

function requirementProblems(requirement: unknown, at: ObjectPath): Problem[] {
  if (!isRecord(requirement)) return [{ at, message: 'must be a mapping with key, operator and values' }];
  return [
    ...unknownFields(requirement, ['key', 'operator', 'values'], at, 'a field of a selector requirement'),
    ...requirementKeyProblems(requirement['key'], [...at, 'key']),
    ...operatorProblems(requirement['operator'], [...at, 'operator']),
    ...stringListProblems(requirement['values'], [...at, 'values'], labelValueProblem),
    ...operatorValuesProblems(requirement['operator'], requirement['values'], [...at, 'values']),
  ];
}

function requirementKeyProblems(key: unknown, at: ObjectPath): Problem[] {
  if (key === undefined) return [{ at, message: 'is required' }];
  if (typeof key !== 'string') return [{ at, message: 'must be a string' }];
  const problem = labelKeyProblem(key);
  return problem ? [{ at, message: problem }] : [];
}

function operatorProblems(operator: unknown, at: ObjectPath): Problem[] {
  if (operator === undefined) return [{ at, message: 'is required: In, NotIn, Exists or DoesNotExist' }];
  if (typeof operator === 'string' && OPERATORS.includes(operator)) return [];
  const hint = typeof operator === 'string' ? didYouMean(operator, OPERATORS) : '';
  return [{ at, message: `must be In, NotIn, Exists or DoesNotExist, not ${JSON.stringify(operator)}${hint}` }];
}

/** The API server's rule: In/NotIn need values, Exists/DoesNotExist take none. */
function operatorValuesProblems(operator: unknown, values: unknown, at: ObjectPath): Problem[] {
  if (values != null && !Array.isArray(values)) return []; // Already reported as not a list.
  const count = Array.isArray(values) ? values.length : 0;
  if ((operator === 'In' || operator === 'NotIn') && count === 0) {
    return [{ at, message: `must list at least one value when the operator is ${operator}` }];
  }
  if ((operator === 'Exists' || operator === 'DoesNotExist') && count > 0) {
    return [{ at, message: `must be empty when the operator is ${operator}` }];
  }
  return [];
}
