/**
 * The `metadata` of a custom resource, and of a resource embedded in one
 * (`x-kubernetes-embedded-resource`), which the API server reads as a
 * `metav1.ObjectMeta` whatever the CRD's schema says of it: unknown fields and
 * wrong types are refused as for a built-in kind. An embedded resource also
 * needs `apiVersion` and `kind`, and its metadata passes the checks every
 * object's metadata passes (name, namespace, labels, annotations, finalizers).
 */
import { labelKeyProblem, labelValueProblem } from '../engine/label-selector.js';
import { isRecord } from '../model/records.js';
import type { PathSegment } from '../model/types.js';
import type { SchemaNode } from './types.js';

const STRING: SchemaNode = { type: 'string' };
const INT64: SchemaNode = { type: 'integer', format: 'int64' };
const TIME: SchemaNode = { type: 'string', format: 'date-time' };
const STRING_MAP: SchemaNode = { type: 'object', additionalProperties: STRING };

/** `metav1.ObjectMeta`'s fields and types (apimachinery `meta/v1`). */
export const OBJECT_META: SchemaNode = {
  type: 'object',
  properties: {
    name: STRING,
    generateName: STRING,
    namespace: STRING,
    selfLink: STRING,
    uid: STRING,
    resourceVersion: STRING,
    generation: INT64,
    creationTimestamp: TIME,
    deletionTimestamp: TIME,
    deletionGracePeriodSeconds: INT64,
    labels: STRING_MAP,
    annotations: STRING_MAP,
    ownerReferences: {
      type: 'array',
      items: {
        type: 'object',
        required: ['apiVersion', 'kind', 'name', 'uid'],
        properties: {
          apiVersion: STRING,
          kind: STRING,
          name: STRING,
          uid: STRING,
          controller: { type: 'boolean' },
          blockOwnerDeletion: { type: 'boolean' },
        },
      },
    },
    finalizers: { type: 'array', items: STRING },
    managedFields: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          manager: STRING,
          operation: STRING,
          apiVersion: STRING,
          time: TIME,
          fieldsType: STRING,
          fieldsV1: { type: 'object' },
          subresource: STRING,
        },
      },
    },
  },
};

/** One finding of the embedded-resource checks: where (relative to the resource), what, and its class. */
export interface MetaFinding {
  readonly at: readonly PathSegment[];
  readonly class: 'required' | 'value';
  readonly message: string;
}

const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const MAX_ANNOTATIONS_BYTES = 256 * 1024;

/** `apiVersion` and `kind` of an embedded resource: present, strings, and well formed. */
export function typeMetaFindings(resource: Record<string, unknown>): MetaFinding[] {
  const findings: MetaFinding[] = [];
  const { apiVersion, kind } = resource;
  if (apiVersion === undefined || apiVersion === '') {
    findings.push({ at: [], class: 'required', message: '"apiVersion" is required' });
  } else if (typeof apiVersion !== 'string') {
    findings.push({ at: ['apiVersion'], class: 'value', message: '"apiVersion" must be a string' });
  } else if (apiVersion.split('/').length > 2) {
    findings.push({
      at: ['apiVersion'],
      class: 'value',
      message: `"apiVersion" must be "version" or "group/version", not ${JSON.stringify(apiVersion)}`,
    });
  }
  if (kind === undefined || kind === '') {
    findings.push({ at: [], class: 'required', message: '"kind" is required' });
  } else if (typeof kind !== 'string') {
    findings.push({ at: ['kind'], class: 'value', message: '"kind" must be a string' });
  } else if (kind.length > 63 || !DNS1035.test(kind.toLowerCase())) {
    findings.push({
      at: ['kind'],
      class: 'value',
      message: `"kind" must be a letter followed by letters, digits or inner dashes (63 at most), not ${JSON.stringify(kind)}`,
    });
  }
  return findings;
}

/** The checks every object's metadata passes, for an embedded resource whose metadata decoded. */
export function objectMetaFindings(meta: Record<string, unknown>): MetaFinding[] {
  const findings: MetaFinding[] = [];
  const add = (at: readonly PathSegment[], message: string): void =>
    void findings.push({ at, class: 'value', message });
  for (const field of ['name', 'generateName'] as const) {
    const text = meta[field];
    if (typeof text !== 'string' || text === '') continue;
    if (field === 'name' && (text === '.' || text === '..')) add([field], `"name" may not be ${JSON.stringify(text)}`);
    else if (/[/%]/.test(text)) add([field], `"${field}" may not contain "/" or "%", not ${JSON.stringify(text)}`);
  }
  const namespace = meta.namespace;
  if (typeof namespace === 'string' && namespace !== '' && (namespace.length > 63 || !DNS_LABEL.test(namespace))) {
    add(['namespace'], `"namespace" must be a lowercase RFC 1123 label, not ${JSON.stringify(namespace)}`);
  }
  labelFindings(meta.labels, add);
  annotationFindings(meta.annotations, add);
  if (Array.isArray(meta.finalizers)) {
    meta.finalizers.forEach((finalizer, index) => {
      const problem = typeof finalizer === 'string' ? labelKeyProblem(finalizer) : undefined;
      if (problem) add(['finalizers', index], `finalizer ${problem.replace('label key', 'qualified name')}`);
    });
  }
  return findings;
}

function labelFindings(labels: unknown, add: (at: readonly PathSegment[], message: string) => void): void {
  if (!isRecord(labels)) return;
  for (const [key, value] of Object.entries(labels)) {
    const keyProblem = labelKeyProblem(key);
    if (keyProblem) add(['labels', key], `label ${keyProblem}`);
    const valueProblem = typeof value === 'string' ? labelValueProblem(value) : undefined;
    if (valueProblem) add(['labels', key], `label "${key}" ${valueProblem}`);
  }
}

function annotationFindings(annotations: unknown, add: (at: readonly PathSegment[], message: string) => void): void {
  if (!isRecord(annotations)) return;
  let total = 0;
  const encoder = new TextEncoder();
  for (const [key, value] of Object.entries(annotations)) {
    const problem = labelKeyProblem(key.toLowerCase());
    if (problem) add(['annotations', key], `annotation ${problem.replace('label key', 'annotation key')}`);
    total += encoder.encode(key).length + (typeof value === 'string' ? encoder.encode(value).length : 0);
  }
  if (total > MAX_ANNOTATIONS_BYTES) {
    add(['annotations'], `"annotations" may hold at most 256 KiB in all, not ${total} bytes`);
  }
}
