/**
 * Checks the types of the fields that rules read and that the API server
 * would reject when mistyped: a map where a list belongs, a number where a
 * string belongs. Each problem becomes an `invalid-resource` finding that
 * names the field; rules still run, and check types themselves.
 */
import { formatPath } from '../engine/paths.js';
import { podSpecPathOf } from '../kit/pod-spec.js';
import type { ObjectPath } from '../model/types.js';
import { isPlainObject } from './resource.js';

export interface ShapeProblem {
  /** Path from the object root to the field. */
  path: ObjectPath;
  message: string;
  /** Set when the field must be a string and holds another scalar: the value it holds. */
  notAString?: number | boolean;
}

/** At most this many problems per object: one mistake often repeats down a list. */
const MAX_PROBLEMS = 10;

type Check = (value: unknown, path: ObjectPath, problems: ShapeProblem[]) => void;

const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'];
const REPLICATED = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

/** The type problems of one object, in document order, capped. */
export function shapeProblems(object: Record<string, unknown>): ShapeProblem[] {
  const problems: ShapeProblem[] = [];
  const kind = typeof object.kind === 'string' ? object.kind : '';
  metadata(object.metadata, ['metadata'], problems);
  if (
    object.spec !== undefined &&
    object.spec !== null &&
    (podSpecPathOf(kind) !== undefined || kind === 'Service' || kind === 'Ingress')
  ) {
    if (!isPlainObject(object.spec)) problems.push(wrongType(['spec'], 'a mapping', object.spec));
  }
  const spec = isPlainObject(object.spec) ? object.spec : {};
  if (REPLICATED.has(kind)) optional(spec.replicas, ['spec', 'replicas'], problems, integer);
  const podSpecPath = podSpecPathOf(kind);
  if (podSpecPath) podTemplate(object, podSpecPath, problems);
  if (kind === 'Service') {
    optional(spec.ports, ['spec', 'ports'], problems, listOf(mapping));
    optional(spec.selector, ['spec', 'selector'], problems, stringMap);
  }
  if (kind === 'Ingress') optional(spec.rules, ['spec', 'rules'], problems, listOf(mapping));
  if (kind === 'ConfigMap' || kind === 'Secret') {
    optional(object.data, ['data'], problems, stringMap);
    if (kind === 'Secret') optional(object.stringData, ['stringData'], problems, stringMap);
  }
  return problems.slice(0, MAX_PROBLEMS);
}

function metadata(value: unknown, path: ObjectPath, problems: ShapeProblem[]): void {
  if (value === undefined || value === null) return;
  if (!isPlainObject(value)) return void problems.push(wrongType(path, 'a mapping', value));
  for (const field of ['name', 'namespace', 'generateName']) optional(value[field], [...path, field], problems, string);
  optional(value.labels, [...path, 'labels'], problems, stringMap);
  optional(value.annotations, [...path, 'annotations'], problems, stringMap);
}

/** Walks down to the pod spec, checking each step is a mapping, then checks the spec. */
function podTemplate(object: Record<string, unknown>, podSpecPath: ObjectPath, problems: ShapeProblem[]): void {
  let current: unknown = object;
  for (const [index, key] of podSpecPath.entries()) {
    if (!isPlainObject(current)) return;
    const next = current[key as string];
    if (next === undefined || next === null) return;
    const path = podSpecPath.slice(0, index + 1);
    if (!isPlainObject(next)) return void problems.push(wrongType(path, 'a mapping', next));
    // A pod template's own metadata carries labels that selectors must match.
    if (key === 'template' && index < podSpecPath.length - 1) metadata(next.metadata, [...path, 'metadata'], problems);
    current = next;
  }
  if (!isPlainObject(current)) return;
  for (const list of CONTAINER_LISTS) {
    optional(current[list], [...podSpecPath, list], problems, listOf(container));
  }
  uniqueContainerNames(current, podSpecPath, problems);
  optional(current.volumes, [...podSpecPath, 'volumes'], problems, listOf(mapping));
  optional(current.securityContext, [...podSpecPath, 'securityContext'], problems, mapping);
  optional(current.serviceAccountName, [...podSpecPath, 'serviceAccountName'], problems, string);
}

/** The API server rejects a pod whose containers share a name; rules that index containers by name would see one. */
function uniqueContainerNames(
  podSpec: Record<string, unknown>,
  podSpecPath: ObjectPath,
  problems: ShapeProblem[],
): void {
  const seen = new Map<string, string>();
  for (const list of CONTAINER_LISTS) {
    const containers = podSpec[list];
    if (!Array.isArray(containers)) continue;
    containers.forEach((entry, index) => {
      if (!isPlainObject(entry) || typeof entry.name !== 'string' || problems.length >= MAX_PROBLEMS) return;
      const path = [...podSpecPath, list, index, 'name'];
      const first = seen.get(entry.name);
      if (first === undefined) return void seen.set(entry.name, formatPath(path));
      problems.push({
        path,
        message: `${formatPath(path)} repeats the container name ${JSON.stringify(entry.name)} of ${first}`,
      });
    });
  }
}

const container: Check = (value, path, problems) => {
  if (!isPlainObject(value)) return void problems.push(wrongType(path, 'a mapping (a container)', value));
  optional(value.name, [...path, 'name'], problems, string);
  optional(value.image, [...path, 'image'], problems, string);
  optional(value.command, [...path, 'command'], problems, listOf(string));
  optional(value.args, [...path, 'args'], problems, listOf(string));
  optional(value.env, [...path, 'env'], problems, listOf(envVar));
  for (const field of ['ports', 'envFrom', 'volumeMounts']) {
    optional(value[field], [...path, field], problems, listOf(mapping));
  }
  for (const field of ['resources', 'securityContext', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
    optional(value[field], [...path, field], problems, mapping);
  }
};

const envVar: Check = (value, path, problems) => {
  if (!isPlainObject(value)) return void problems.push(wrongType(path, 'a mapping', value));
  optional(value.name, [...path, 'name'], problems, string);
  optional(value.value, [...path, 'value'], problems, string);
};

/** An absent or null field is fine: the API server treats null as unset. */
function optional(value: unknown, path: ObjectPath, problems: ShapeProblem[], check: Check): void {
  if (value === undefined || value === null || problems.length >= MAX_PROBLEMS) return;
  check(value, path, problems);
}

const string: Check = (value, path, problems) => {
  if (typeof value !== 'string') problems.push(notAString(path, 'a string', value));
};

const integer: Check = (value, path, problems) => {
  if (typeof value !== 'number' || !Number.isInteger(value)) problems.push(wrongType(path, 'an integer', value));
};

const mapping: Check = (value, path, problems) => {
  if (!isPlainObject(value)) problems.push(wrongType(path, 'a mapping', value));
};

const stringMap: Check = (value, path, problems) => {
  if (!isPlainObject(value)) return void problems.push(wrongType(path, 'a mapping of strings', value));
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'string' && entry !== null) {
      problems.push(notAString([...path, key], 'a string (quote it)', entry));
    }
  }
};

function listOf(item: Check): Check {
  return (value, path, problems) => {
    if (!Array.isArray(value)) return void problems.push(wrongType(path, 'a list', value));
    value.forEach((entry, index) => optional(entry, [...path, index], problems, item));
  };
}

function notAString(path: ObjectPath, expected: string, value: unknown): ShapeProblem {
  const problem = wrongType(path, expected, value);
  return typeof value === 'number' || typeof value === 'boolean' ? { ...problem, notAString: value } : problem;
}

function wrongType(path: ObjectPath, expected: string, value: unknown): ShapeProblem {
  return { path, message: `${formatPath(path)} must be ${expected}, not ${describeType(value)}` };
}

function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isPlainObject(value)) return 'a mapping';
  if (typeof value === 'string')
    return `a string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value)})`;
  if (typeof value === 'number') return `a number (${value})`;
  if (typeof value === 'boolean') return `a boolean (${value})`;
  return typeof value;
}
