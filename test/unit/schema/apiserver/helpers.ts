/**
 * Builders for the API server check tests: small valid objects to break one
 * field at a time, and the problems expected of them.
 */
import { apiServerProblems } from '../../../../src/schema/apiserver/index.js';
import type { ObjectPath } from '../../../../src/model/types.js';
import type { SchemaProblem } from '../../../../src/schema/types.js';
import { oracleRelease, schemaHasPath } from './oracle.js';

export type Json = Record<string, unknown>;

/** The newest release the checks know; rows that do not name one are judged for it. */
export const LATEST = '1.35';

/**
 * The problems the checks find in `object`, judged for `release`. When the
 * schema oracle is at hand, every problem's path must name fields the API of
 * that release has, so a field misspelt in a check and its test alike fails.
 */
export function problemsOf(object: Json, release = LATEST): SchemaProblem[] {
  const apiVersion = String(object.apiVersion);
  const [group = '', version = ''] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const kind = String(object.kind);
  const problems = apiServerProblems(object, { group, version, kind, release });
  const oracle = oracleRelease(/^1\.\d+$/.test(release) ? release : LATEST);
  const definition = oracle?.kinds.find(
    (entry) => entry.group === group && entry.version === version && entry.kind === kind,
  )?.definition;
  for (const problem of oracle && definition ? problems : []) {
    if (!schemaHasPath(oracle!, definition!, problem.path)) {
      throw new Error(`${kind} ${release}: the API has no field at ${problem.path.join('.')} (${problem.message})`);
    }
  }
  return problems;
}

/** A dotted path (`spec.containers.0.image`) as an object path; digits become indexes. */
export function pathOf(path: string | ObjectPath): ObjectPath {
  if (typeof path !== 'string') return path;
  if (path === '') return [];
  return path.split('.').map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** A dotted path followed by raw segments, for keys that hold dots (`nvidia.com/gpu`). */
export const at = (dotted: string, ...rest: Array<string | number>): ObjectPath => [...pathOf(dotted), ...rest];

export const value = (path: string | ObjectPath, message: string): SchemaProblem => ({
  class: 'value',
  path: pathOf(path),
  message,
});
export const required = (path: string | ObjectPath, message: string): SchemaProblem => ({
  class: 'required',
  path: pathOf(path),
  message,
});
export const duplicate = (path: string | ObjectPath, message: string): SchemaProblem => ({
  class: 'duplicate',
  path: pathOf(path),
  message,
});

/** A deep copy of `object` with `patch`'s values set at their dotted paths (`undefined` removes the field). */
export function patched(object: Json, patch: Readonly<Record<string, unknown>> = {}): Json {
  const copy = structuredClone(object);
  for (const [path, replacement] of Object.entries(patch)) {
    const segments = pathOf(path);
    let parent: Record<string | number, unknown> = copy;
    for (const segment of segments.slice(0, -1)) {
      if (typeof parent[segment] !== 'object' || parent[segment] === null) parent[segment] = {};
      parent = parent[segment] as Record<string | number, unknown>;
    }
    const last = segments[segments.length - 1] ?? '';
    if (replacement === undefined) delete parent[last];
    else parent[last] = replacement;
  }
  return copy;
}

/** A valid Pod with one container; `patch` sets fields by dotted path. */
export function pod(patch: Readonly<Record<string, unknown>> = {}): Json {
  const base = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'shop' },
    spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] },
  };
  return patched(base, patch);
}

/** A Pod whose only container also has `fields`. */
export function podWithContainer(fields: Json, spec: Json = {}): Json {
  return pod({ 'spec.containers': [{ name: 'app', image: 'nginx:1.27', ...fields }], ...prefixed('spec', spec) });
}

/** `{ a: 1 }` under `spec` as `{ 'spec.a': 1 }`, for `patched`. */
export function prefixed(prefix: string, fields: Json): Json {
  return Object.fromEntries(Object.entries(fields).map(([key, field]) => [`${prefix}.${key}`, field]));
}

const TEMPLATE = {
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] },
};

/** A valid object of an apps-group workload kind, or a ReplicationController. */
export function workload(kind: string, patch: Readonly<Record<string, unknown>> = {}): Json {
  const apiVersion = kind === 'ReplicationController' ? 'v1' : 'apps/v1';
  const selector = kind === 'ReplicationController' ? { app: 'web' } : { matchLabels: { app: 'web' } };
  const base = { apiVersion, kind, metadata: { name: 'web' }, spec: { selector, template: TEMPLATE } };
  return patched(base, patch);
}

/** A valid Job with a Never restart policy. */
export function job(patch: Readonly<Record<string, unknown>> = {}): Json {
  const template = patched(TEMPLATE, { 'spec.restartPolicy': 'Never' });
  return patched({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate' }, spec: { template } }, patch);
}

/** A valid CronJob whose job template restarts on failure. */
export function cronJob(patch: Readonly<Record<string, unknown>> = {}): Json {
  const template = patched(TEMPLATE, { 'spec.restartPolicy': 'OnFailure' });
  const spec = { schedule: '0 * * * *', jobTemplate: { spec: { template } } };
  return patched({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'report' }, spec }, patch);
}
