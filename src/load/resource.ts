import { isRecord } from '../model/records.js';
import type { KubeObject, Locator, ObjectPath, Resource } from '../model/types.js';

/** Where a resource came from inside the input. */
export interface Origin {
  file: string;
  documentIndex: number;
  pathInDocument: ObjectPath;
  locator: Locator;
}

/** True for a mapping that names an `apiVersion` and a `kind`, both strings. */
export function isKubeObject(value: unknown): value is KubeObject {
  if (!isPlainObject(value)) return false;
  return typeof value.apiVersion === 'string' && typeof value.kind === 'string';
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Wraps a parsed object with its origin and the identity fields every rule and match needs. */
export function createResource(object: KubeObject, origin: Origin): Resource {
  const slash = object.apiVersion.lastIndexOf('/');
  const metadata = isPlainObject(object.metadata) ? object.metadata : {};
  return {
    object: deepFreeze(object),
    file: origin.file,
    documentIndex: origin.documentIndex,
    pathInDocument: origin.pathInDocument,
    locator: origin.locator,
    group: slash === -1 ? '' : object.apiVersion.slice(0, slash),
    version: slash === -1 ? object.apiVersion : object.apiVersion.slice(slash + 1),
    kind: object.kind,
    name: typeof metadata.name === 'string' ? metadata.name : undefined,
    namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
    labels: stringEntries(metadata.labels),
    annotations: stringEntries(metadata.annotations),
  };
}

const NO_ENTRIES: Readonly<Record<string, string>> = Object.freeze({});

/**
 * Only string values count as labels or annotations; the API server rejects anything else.
 * The usual map of strings only is shared with the (frozen) object rather than copied.
 */
function stringEntries(value: unknown): Readonly<Record<string, string>> {
  if (!isPlainObject(value)) return NO_ENTRIES;
  if (Object.isFrozen(value) && Object.values(value).every((entry) => typeof entry === 'string')) {
    return value as Readonly<Record<string, string>>;
  }
  const entries = Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return Object.freeze(Object.fromEntries(entries));
}

/** Freezes a parsed tree so that no rule can change what another rule sees. Iterative: deep input must not overflow the stack. */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item !== 'object' || item === null || Object.isFrozen(item)) continue;
    Object.freeze(item);
    for (const child of Object.values(item)) stack.push(child);
  }
  return value;
}

/**
 * The object an AdmissionReview's request carries, reviewed with that request
 * (operation, old object, user), or what the review lacks for one.
 */
export function admissionObject(review: Resource): Resource | string {
  const request = (review.object as Record<string, unknown>).request;
  if (!isRecord(request)) return 'AdmissionReview has no request';
  const reviewed = isRecord(request.object)
    ? request.object
    : isRecord(request.oldObject)
      ? request.oldObject
      : undefined;
  const field = isRecord(request.object) ? 'object' : 'oldObject';
  if (!reviewed || typeof reviewed.apiVersion !== 'string' || typeof reviewed.kind !== 'string') {
    return 'AdmissionReview request has no object with apiVersion and kind';
  }
  return {
    ...createResource(reviewed as Resource['object'], {
      file: review.file,
      documentIndex: review.documentIndex,
      pathInDocument: [...review.pathInDocument, 'request', field],
      locator: review.locator,
    }),
    admission: request,
  };
}
