/**
 * What to say when a release does not serve an object's group, version and
 * kind: the versions it serves instead, the kind it was probably meant to be,
 * or the group that holds a kind of that name.
 */
import { DEPRECATED_APIS } from '../kit/deprecated-apis.js';
import type { Resource } from '../model/types.js';
import { suggest } from '../util/suggest.js';
import { builtinRelease, type BuiltinRelease } from './builtin/index.js';
import { schemaFile } from './builtin/file.js';
import type { SchemaProblem } from './types.js';

let builtinGroups: ReadonlySet<string> | undefined;

/**
 * Whether a group belongs to Kubernetes itself rather than to a custom
 * resource: a group some supported release serves, or one that served APIs
 * since removed (`extensions`).
 */
export function isBuiltinGroup(group: string): boolean {
  // Read from the file's list of kinds, so that no release's lookups are built just to answer this.
  builtinGroups ??= new Set([
    ...schemaFile().kinds.map(([kindGroup]) => kindGroup),
    ...DEPRECATED_APIS.map((api) => groupOf(api.apiVersion)),
  ]);
  return builtinGroups.has(group);
}

/** The problem of a kind that `release` does not serve as the object's group and version. */
export function servedKindProblem(resource: Resource, release: string): SchemaProblem | undefined {
  const api = builtinRelease(release);
  if (!api) return undefined;
  const { group, kind } = resource;
  const apiVersion = resource.object.apiVersion;
  const versions = api.versionsOf(group, kind);
  if (versions.length > 0) {
    const served = versions.map((version) => `"${apiVersionOf(group, version)}"`).join(', ');
    const message = `${kind} is not served as "${apiVersion}"; it is served as ${served}`;
    return { class: 'value', path: ['apiVersion'], message };
  }
  const elsewhere = groupsServing(api, kind);
  if (elsewhere.length > 0) {
    const message = `"${apiVersion}" has no kind ${kind}; ${kind} is served as ${elsewhere.join(', ')}`;
    return { class: 'value', path: ['apiVersion'], message };
  }
  const kindsOfGroup = [...new Set(api.kinds().flatMap((known) => (known.group === group ? [known.kind] : [])))];
  const guess = suggest(kind, kindsOfGroup);
  const hint = guess === undefined ? '' : ` (did you mean "${guess}"?)`;
  return {
    class: 'value',
    path: ['kind'],
    message: `"${apiVersion}" has no kind "${kind}"${hint}`,
  };
}

function groupsServing(api: BuiltinRelease, kind: string): string[] {
  const served = api.kinds().filter((known) => known.kind === kind);
  return [...new Set(served.map((known) => `"${apiVersionOf(known.group, known.version)}"`))];
}

function apiVersionOf(group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`;
}

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}
