/**
 * What a baseline recognises a finding by: the rule and constraint, the
 * object it is about (API group, kind, namespace, name), the field, and a
 * hash of the part of the value the rule judged. Line numbers, file names and
 * the API version are left out, so a finding keeps its identity when lines
 * are inserted above it, the file is moved, or the object moves to a newer
 * API version; a changed value is a new finding.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../model/types.js';
import { ABSENT_VALUE_KEY } from '../engine/value-key.js';

/**
 * The fingerprint of a finding. `fileKey` names the file stably (relative to
 * the baseline) and is used only for findings that are not about an object,
 * such as parse errors, which have nothing else to be known by.
 */
export function fingerprintOf(finding: Finding, fileKey: string): string {
  const object = finding.object;
  const identity =
    object === undefined
      ? ['file', fileKey, String(finding.documentIndex)]
      : ['object', groupOf(object.apiVersion), object.kind, object.namespace ?? '', object.name ?? ''];
  const value = valueHash(finding.judgedKey ?? finding.valueKey);
  return hashParts([finding.ruleId, finding.constraintName, ...identity, finding.path, value]);
}

/**
 * The fingerprint baselines of version 1 recorded: the object known by its
 * apiVersion, and the whole value hashed. Still matched, so that those
 * baselines keep working.
 */
export function legacyFingerprintOf(finding: Finding, fileKey: string): string {
  const object = finding.object;
  const identity =
    object === undefined
      ? ['file', fileKey, String(finding.documentIndex)]
      : ['object', object.apiVersion, object.kind, object.namespace ?? '', object.name ?? ''];
  return hashParts([finding.ruleId, finding.constraintName, ...identity, finding.path, valueHash(finding.valueKey)]);
}

function hashParts(parts: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

/** The API group of an apiVersion: `apps` of `apps/v1`, empty for the core group's `v1`. */
function groupOf(apiVersion: string): string {
  const slash = apiVersion.lastIndexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

/** A short hash of a value key: a fingerprint keeps its size whatever the value. */
function valueHash(key: string | undefined): string {
  if (key === undefined) return '';
  if (key === ABSENT_VALUE_KEY) return key;
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** `apiVersion/kind/namespace/name` of a finding's object, leaving out what it lacks; empty without one. */
export function objectKey(finding: Finding): string {
  const object = finding.object;
  if (object === undefined) return '';
  return [object.apiVersion, object.kind, object.namespace, object.name]
    .filter((part): part is string => part !== undefined && part !== '')
    .join('/');
}
