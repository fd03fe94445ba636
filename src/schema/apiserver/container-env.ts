/**
 * A container's `env` and `envFrom`: variable names by the release's rule,
 * and exactly one source for each `valueFrom` and `envFrom` entry.
 */
import type { ObjectPath } from '../../model/types.js';
import { checkEnum, reportFormat } from './checks.js';
import type { Findings } from './findings.js';
import { entriesAt, isSet, nonEmptyString, recordOf, stringOf } from './read.js';
import { configMapKeyProblems, dnsSubdomainProblems, envVarNameProblems, maskTrailingDash } from './syntax.js';

/** Printable ASCII names are accepted from 1.32, where RelaxedEnvironmentVariableValidation is on by default. */
const RELAXED_ENV_NAMES_SINCE = 32;

const VALUE_FROM_SOURCES = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'];
const CONTAINER_RESOURCE_FIELDS = [
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
];

/**
 * The names the release accepts. An unknown release gets the relaxed rule,
 * so that no name is reported that some release accepts.
 */
function relaxedNames(out: Findings): boolean {
  return !out.before(RELAXED_ENV_NAMES_SINCE);
}

/** Checks `env` and `envFrom` of one container. */
export function checkContainerEnv(out: Findings, container: Record<string, unknown>, path: ObjectPath): void {
  const relaxed = relaxedNames(out);
  const format = relaxed ? 'environment variable name' : 'environment variable name (before 1.32)';
  for (const { entry, path: at } of entriesAt(container, 'env', path)) {
    const name = stringOf(entry.name);
    if (name === '') out.required(at, '"name" is required');
    else if (name !== undefined) reportFormat(out, name, [...at, 'name'], format, envVarNameProblems(name, relaxed));
    checkValueFrom(out, entry, at);
  }
  for (const { entry, path: at } of entriesAt(container, 'envFrom', path)) {
    const prefix = nonEmptyString(entry.prefix);
    if (prefix !== undefined) reportFormat(out, prefix, [...at, 'prefix'], format, envVarNameProblems(prefix, relaxed));
    checkEnvFromSource(out, entry, at);
  }
}

/** `valueFrom` names exactly one source, and not together with a non-empty `value`. */
function checkValueFrom(out: Findings, variable: Record<string, unknown>, path: ObjectPath): void {
  const valueFrom = recordOf(variable.valueFrom);
  if (!valueFrom) return;
  const at = [...path, 'valueFrom'];
  const sources = VALUE_FROM_SOURCES.filter((key) => isSet(valueFrom[key]));
  if (sources.length === 0) {
    out.required(at, '"valueFrom" must name one of "fieldRef", "resourceFieldRef", "configMapKeyRef", "secretKeyRef"');
  } else if (nonEmptyString(variable.value) !== undefined) {
    out.value(at, '"valueFrom" may not be set when "value" is not empty');
  } else if (sources.length > 1) {
    out.value(at, `"valueFrom" may name only one source, not ${sources.map((key) => `"${key}"`).join(' and ')}`);
  }
  checkKeySelector(out, recordOf(valueFrom.configMapKeyRef), [...at, 'configMapKeyRef']);
  checkKeySelector(out, recordOf(valueFrom.secretKeyRef), [...at, 'secretKeyRef']);
  const resourceFieldRef = recordOf(valueFrom.resourceFieldRef);
  if (resourceFieldRef) checkResourceFieldRef(out, resourceFieldRef, [...at, 'resourceFieldRef']);
}

/** A key of a ConfigMap or Secret: its name is checked as an object name even when empty, and the key is required. */
function checkKeySelector(out: Findings, selector: Record<string, unknown> | undefined, path: ObjectPath): void {
  if (!selector) return;
  const name = stringOf(selector.name) ?? '';
  if (name === '') out.required(path, '"name" is required');
  else reportFormat(out, name, [...path, 'name'], 'DNS-1123 subdomain', dnsSubdomainProblems(name));
  const key = stringOf(selector.key);
  if (key === '') out.required(path, '"key" is required');
  else if (key !== undefined)
    reportFormat(out, key, [...path, 'key'], 'ConfigMap or Secret key', configMapKeyProblems(key));
}

/** The resource a `resourceFieldRef` exposes: a CPU, memory or ephemeral-storage request or limit, or hugepages. */
function checkResourceFieldRef(out: Findings, selector: Record<string, unknown>, path: ObjectPath): void {
  const resource = stringOf(selector.resource);
  if (resource === undefined || /^(requests|limits)\.hugepages-/.test(resource)) return;
  if (resource === '') out.required(path, '"resource" is required');
  else checkEnum(out, resource, [...path, 'resource'], CONTAINER_RESOURCE_FIELDS);
}

/** An `envFrom` entry names exactly one of `configMapRef` and `secretRef`, with a name. */
function checkEnvFromSource(out: Findings, source: Record<string, unknown>, path: ObjectPath): void {
  const sources = ['configMapRef', 'secretRef'].filter((key) => isSet(source[key]));
  if (sources.length === 0) out.required(path, 'an "envFrom" entry must name "configMapRef" or "secretRef"');
  if (sources.length > 1) out.value(path, 'an "envFrom" entry may name only one of "configMapRef" and "secretRef"');
  for (const key of sources) {
    const reference = recordOf(source[key]);
    if (!reference) continue;
    const name = stringOf(reference.name) ?? '';
    // The API server checks these names as prefixes, so a trailing '-' passes.
    if (name === '') out.required([...path, key], '"name" is required');
    else
      reportFormat(
        out,
        name,
        [...path, key, 'name'],
        'DNS-1123 subdomain',
        dnsSubdomainProblems(maskTrailingDash(name)),
      );
  }
}
