/**
 * Helpers for the scheduling rules: how many replicas a workload asks for,
 * the labels its pods get, and label selectors read from untyped manifests.
 */
import { getIn, isRecord } from '../model/records.js';
import type { LabelSelector, LabelSelectorRequirement, ObjectPath, Resource } from '../model/types.js';

/** How many pods a workload asks for, and where it says so. */
export interface ReplicaCount {
  count: number;
  /** `['spec', 'replicas']`: the field when written, or where it would go. */
  path: ObjectPath;
  /** False when the manifest leaves `spec.replicas` out and the API server's default of 1 applies. */
  written: boolean;
}

const REPLICAS_PATH: ObjectPath = ['spec', 'replicas'];

/**
 * The replica count of a Deployment, StatefulSet, ReplicaSet or
 * ReplicationController: `spec.replicas`, or 1 when it is absent or null (the
 * API server's default). Undefined when the field holds something the API
 * server would refuse (a string, a fraction, a negative number), so that
 * rules skip the object rather than guess.
 */
export function replicaCount(resource: Resource): ReplicaCount | undefined {
  const written = getIn(resource.object, REPLICAS_PATH);
  if (written === undefined || written === null) return { count: 1, path: REPLICAS_PATH, written: false };
  if (typeof written !== 'number' || !Number.isSafeInteger(written) || written < 0) return undefined;
  return { count: written, path: REPLICAS_PATH, written: true };
}

/** The labels of a workload's pod template (`spec.template.metadata.labels`); entries that are not strings are left out. */
export function podTemplateLabels(resource: Resource): Record<string, string> {
  const labels = getIn(resource.object, ['spec', 'template', 'metadata', 'labels']);
  if (!isRecord(labels)) return {};
  return Object.fromEntries(
    Object.entries(labels).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

const OPERATORS: readonly string[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/**
 * A label selector read from a manifest, or undefined when the value is not a
 * well-formed `metav1.LabelSelector` (not a mapping, `matchLabels` with
 * non-string values, a requirement with an unknown operator, …). The API
 * server refuses such selectors, so callers treat undefined as selecting nothing.
 */
export function readLabelSelector(value: unknown): LabelSelector | undefined {
  if (!isRecord(value)) return undefined;
  const selector: LabelSelector = {};
  const { matchLabels, matchExpressions } = value;
  if (matchLabels !== undefined && matchLabels !== null) {
    if (!isRecord(matchLabels) || !Object.values(matchLabels).every((label) => typeof label === 'string')) {
      return undefined;
    }
    selector.matchLabels = matchLabels as Record<string, string>;
  }
  if (matchExpressions !== undefined && matchExpressions !== null) {
    if (!Array.isArray(matchExpressions)) return undefined;
    const requirements = matchExpressions.map(readRequirement);
    if (!requirements.every((requirement) => requirement !== undefined)) return undefined;
    selector.matchExpressions = requirements;
  }
  return selector;
}

function readRequirement(value: unknown): LabelSelectorRequirement | undefined {
  if (!isRecord(value) || typeof value.key !== 'string' || typeof value.operator !== 'string') return undefined;
  if (!OPERATORS.includes(value.operator)) return undefined;
  const values = value.values ?? [];
  if (!Array.isArray(values) || !values.every((entry) => typeof entry === 'string')) return undefined;
  return { key: value.key, operator: value.operator as LabelSelectorRequirement['operator'], values };
}

/** True when a selector has neither `matchLabels` nor `matchExpressions` entries: `{}`. */
export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
}
