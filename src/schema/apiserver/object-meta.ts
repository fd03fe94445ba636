/**
 * An object's `metadata`: the name (or `generateName`) by the kind's rule,
 * the namespace, labels, annotations and finalizers.
 */
import { utf8Length } from '../../util/utf8.js';
import type { ObjectPath } from '../../model/types.js';
import { reportFormat } from './checks.js';
import type { Findings } from './findings.js';
import type { KindRules } from './kinds.js';
import { checkAnnotations, checkLabels } from './labels.js';
import { isSet, listOf, nonEmptyString, quote, recordOf } from './read.js';
import { dnsLabelProblems, labelKeyProblems } from './syntax.js';

/** Finalizer names without a '/' that the API server knows; any other needs a domain prefix. */
const STANDARD_FINALIZERS = ['kubernetes', 'orphan', 'foregroundDeletion'];

/** The CronJob controller appends 11 characters to a Job's name, which may hold 63. */
const CRON_JOB_NAME_LIMIT = 52;

/** Checks the object's metadata against its kind's rules. */
export function checkObjectMeta(out: Findings, object: Record<string, unknown>, kind: string, rules: KindRules): void {
  // Metadata of the wrong type is the schema check's finding.
  if (isSet(object.metadata) && !recordOf(object.metadata)) return;
  const metadata = recordOf(object.metadata);
  const path: ObjectPath = metadata ? ['metadata'] : [];
  const name = nonEmptyString(metadata?.name);
  const generateName = nonEmptyString(metadata?.generateName);
  // A name of the wrong type is the schema check's finding, not a missing one.
  const typed = [metadata?.name, metadata?.generateName].some((field) => isSet(field) && typeof field !== 'string');
  if (name === undefined && generateName === undefined && !typed) {
    out.required(path, '"name" or "generateName" is required');
  }
  if (!metadata) return;
  if (generateName !== undefined) {
    const problems = rules.name.problems(generateName, true);
    reportFormat(out, generateName, [...path, 'generateName'], `${rules.name.format} prefix`, problems);
  }
  if (name !== undefined) {
    reportFormat(out, name, [...path, 'name'], rules.name.format, rules.name.problems(name, false));
    if (kind === 'CronJob' && utf8Length(name) > CRON_JOB_NAME_LIMIT) {
      out.value([...path, 'name'], `a CronJob's "name" must be no more than ${CRON_JOB_NAME_LIMIT} characters`);
    }
  }
  const namespace = nonEmptyString(metadata.namespace);
  if (rules.namespaced && namespace !== undefined) {
    reportFormat(out, namespace, [...path, 'namespace'], 'namespace name', dnsLabelProblems(namespace));
  }
  checkLabels(out, metadata.labels, [...path, 'labels']);
  checkAnnotations(out, metadata.annotations, [...path, 'annotations']);
  checkFinalizers(out, metadata.finalizers, [...path, 'finalizers'], rules.kubeFinalizers);
}

/** Finalizers are qualified names; for most built-in kinds, one without a domain must be a standard one. */
function checkFinalizers(out: Findings, value: unknown, path: ObjectPath, kubeFinalizers: boolean): void {
  listOf(value).forEach((finalizer, index) => {
    if (typeof finalizer !== 'string') return;
    const at = [...path, index];
    const problems = labelKeyProblems(finalizer);
    if (problems.length > 0) {
      out.value(at, `finalizer ${quote(finalizer)} is not a valid qualified name: it ${problems.join('; ')}`);
    } else if (kubeFinalizers && !finalizer.includes('/') && !STANDARD_FINALIZERS.includes(finalizer)) {
      out.value(at, `finalizer ${quote(finalizer)} must have a domain prefix (such as "example.com/${finalizer}")`);
    }
  });
}
