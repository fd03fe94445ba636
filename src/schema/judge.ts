/**
 * One resource judged as the API server of each target release would judge
 * it on create: its kind must be served; a built-in kind is validated
 * against the release's published schema and the API server's own checks; a
 * custom resource against its CustomResourceDefinition, CEL rules included;
 * a CustomResourceDefinition is itself checked as the API server checks it.
 */
import { findDeprecatedApi, isRemovedAt, parseKubernetesVersion } from '../kit/deprecated-apis.js';
import { isFillIn } from '../kit/placeholders.js';
import { shapeProblems } from '../load/shape.js';
import { getIn, isRecord } from '../model/records.js';
import type { Inventory, LocateAt, ObjectPath, Resource } from '../model/types.js';
import { apiServerProblems } from './apiserver/index.js';
import { builtinRelease } from './builtin/index.js';
import { buildCrdCatalog, objectAsCreated, type CrdCatalog, type CrdEntry } from './crd/crd-catalog.js';
import { checkCrd } from './crd/check-crd.js';
import { runCelValidations } from './crd/cel-validations.js';
import { isBuiltinGroup, servedKindProblem } from './served-kind.js';
import type { SchemaProblem } from './types.js';
import { validateAgainstSchema } from './validate.js';

/**
 * What a schema rule reports: the API server's classes, with duplicates it
 * only warns about apart, plus a kind it does not serve and a custom
 * resource whose definition is not in sight.
 */
export type SchemaFindingClass =
  'kind' | 'unknown-field' | 'type' | 'required' | 'value' | 'duplicate-warning' | 'cel' | 'no-crd';

/** A problem, the releases of the target range it applies to, and whether the finding points at the value. */
export interface JudgedProblem {
  class: SchemaFindingClass;
  path: ObjectPath;
  message: string;
  releases: readonly string[];
  at?: LocateAt;
}

const CRD_GROUP = 'apiextensions.k8s.io';

/** The CustomResourceDefinitions among the linted and inventory objects, indexed once per run. */
export function crdCatalogOf(inventory: Inventory): CrdCatalog {
  // Linted objects come before the inventory's, so a CRD among the inputs wins over another copy.
  const crds = inventory.ofKind(CRD_GROUP, 'CustomResourceDefinition');
  return buildCrdCatalog(crds.map(({ object, file, documentIndex }) => ({ object, file, documentIndex })));
}

/** Every schema problem of `resource` for the target `releases` (oldest first). */
export function judgeResource(resource: Resource, releases: readonly string[], crds: CrdCatalog): JudgedProblem[] {
  if (!isBuiltinGroup(resource.group)) return judgeCustomResource(resource, releases, crds);
  const perRelease = releases.map((release) => ({ release, problems: builtinProblems(resource, release) }));
  return mergeReleases(perRelease);
}

function builtinProblems(resource: Resource, release: string): JudgedProblem[] {
  const { group, version, kind } = resource;
  const api = builtinRelease(release);
  const served = api?.kind(group, version, kind);
  if (!api || !served) {
    const removed = findDeprecatedApi(resource.object.apiVersion, kind);
    const target = parseKubernetesVersion(release);
    // An API version that a release removed is deprecated-api-version's to report, with its replacement.
    if (removed && target && isRemovedAt(removed, target)) return [];
    const problem = servedKindProblem(resource, release);
    return problem ? [{ ...judged(problem, release), class: 'kind' }] : [];
  }
  const object = resource.object as Record<string, unknown>;
  const problems: SchemaProblem[] = [
    ...validateAgainstSchema(object, served.schema, { resolve: api.resolve, mode: 'builtin' }),
    ...apiServerProblems(object, { group, version, kind, release }),
    ...(group === CRD_GROUP && kind === 'CustomResourceDefinition' ? crdProblems(object, release) : []),
  ];
  const unique = withoutShadowedWarnings(uniqueByPlace(problems));
  const kept = withoutFillIns(object, withoutShapeProblems(object, unique));
  return kept.map((problem) => judged(problem, release));
}

/** A file SOPS encrypted carries its key data in a top-level `sops` map, which decryption removes. */
function isSopsEncrypted(object: Record<string, unknown>): boolean {
  const sops = object.sops;
  return isRecord(sops) && ('mac' in sops || 'lastmodified' in sops);
}

/** A value left for a tool or the reader to fill in (`${HOST}`, `<your domain>`) is not judged by its syntax. */
function withoutFillIns(object: Record<string, unknown>, problems: SchemaProblem[]): SchemaProblem[] {
  const sops = isSopsEncrypted(object);
  return problems.filter((problem) => {
    if (sops && problem.class === 'unknown-field' && problem.path.length === 1 && problem.path[0] === 'sops') {
      return false;
    }
    if (problem.class !== 'type' && problem.class !== 'value') return true;
    const value = getIn(object, problem.path);
    return typeof value !== 'string' || !isFillIn(value, problem.class === 'type');
  });
}

/**
 * Type problems that loading already reported as `invalid-resource` (the
 * fields rules read, with a YAML 1.1 hint where it applies) are not reported
 * twice.
 */
function withoutShapeProblems(object: Record<string, unknown>, problems: SchemaProblem[]): SchemaProblem[] {
  if (problems.length === 0) return problems;
  const reported = new Set(shapeProblems(object).map((problem) => JSON.stringify(problem.path)));
  if (reported.size === 0) return problems;
  return problems.filter((problem) => problem.class === 'required' || !reported.has(JSON.stringify(problem.path)));
}

/**
 * A duplicate the API server only warns about is left out where its own
 * validation refuses the same entry (two containers named alike).
 */
function withoutShadowedWarnings(problems: SchemaProblem[]): SchemaProblem[] {
  const refused = problems.filter((problem) => !problem.warningOnly && problem.class !== 'required');
  return problems.filter(
    (problem) => !problem.warningOnly || !refused.some((other) => startsWith(other.path, problem.path)),
  );
}

function startsWith(path: ObjectPath, prefix: ObjectPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);
}

/** A CRD as the API server checks it on create, its schemas' defaults judged as custom resources are. */
function crdProblems(object: Record<string, unknown>, release: string): SchemaProblem[] {
  return checkCrd(object, {
    validateValue: (value, node) => validateAgainstSchema(value, node, { mode: 'crd', resourceRoot: false, release }),
  });
}

function judgeCustomResource(resource: Resource, releases: readonly string[], crds: CrdCatalog): JudgedProblem[] {
  const found = crds.lookup(resource.object.apiVersion, resource.kind);
  if (found.status === 'no-crd') return [{ class: 'no-crd', path: ['kind'], message: found.note, releases }];
  if (found.status === 'not-served') return [{ ...judged(found.problem, releases[0]!), class: 'kind', releases }];
  const newest = releases.at(-1)!;
  const object = resource.object as Record<string, unknown>;
  const first = againstCrdEntry(object, found.entry, newest);
  // Several different CRDs in sight for one kind: an object that one of them accepts is not reported.
  if (first.length > 0 && found.alternatives.some((entry) => againstCrdEntry(object, entry, newest).length === 0)) {
    return [];
  }
  return first.map((problem) => ({ ...judged(problem, newest), releases }));
}

/** A custom resource against one CRD version: its structural schema, then (if the values fit) its CEL rules. */
function againstCrdEntry(object: Record<string, unknown>, entry: CrdEntry, release: string): SchemaProblem[] {
  if (entry.schema === undefined) return [];
  const created = objectAsCreated(object, entry);
  const problems = validateAgainstSchema(created, entry.schema, { mode: 'crd', release });
  // The API server runs a CRD's CEL rules only on objects whose values fit the schema.
  const fits = problems.every((problem) => problem.class === 'unknown-field' || problem.class === 'duplicate');
  const all = fits ? [...problems, ...runCelValidations(created, entry.schema)] : problems;
  return withoutFillIns(object, all);
}

/** Two checks may find one missing field or bad value: it is reported once, by the first. */
function uniqueByPlace(problems: readonly SchemaProblem[]): SchemaProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.class}\u0000${JSON.stringify(problem.path)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function judged(problem: SchemaProblem, release: string): JudgedProblem {
  const findingClass: SchemaFindingClass =
    problem.class === 'duplicate' ? (problem.warningOnly ? 'duplicate-warning' : 'value') : problem.class;
  const at = problem.class === 'type' || problem.class === 'value' ? 'value' : undefined;
  return {
    class: findingClass,
    path: problem.path,
    message: problem.message,
    releases: [release],
    ...(at !== undefined && { at }),
  };
}

/** One problem per class, place and message, with every release it was found in. */
function mergeReleases(perRelease: readonly { release: string; problems: JudgedProblem[] }[]): JudgedProblem[] {
  const merged = new Map<string, JudgedProblem & { releases: string[] }>();
  for (const { release, problems } of perRelease) {
    for (const problem of problems) {
      // What a release serves instead differs between releases; the newest release's words are kept.
      const words = problem.class === 'kind' ? '' : problem.message;
      const key = `${problem.class}\u0000${JSON.stringify(problem.path)}\u0000${words}`;
      const known = merged.get(key);
      if (known) {
        known.releases.push(release);
        known.message = problem.message;
      } else merged.set(key, { ...problem, releases: [release] });
    }
  }
  return [...merged.values()];
}
