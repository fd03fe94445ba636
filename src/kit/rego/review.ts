/**
 * What a Gatekeeper template sees as `input.review`. A manifest is reviewed
 * like gator reviews a plain object (operation empty, no old object); an
 * AdmissionReview file is reviewed as its request says.
 */
import { isRecord } from '../../model/records.js';
import type { KubeObject, Resource } from '../../model/types.js';

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

export interface UserInfo {
  username?: string;
  groups?: string[];
}

export interface GatekeeperReview {
  /** `{group, version, kind}` of the request: from `apiVersion` for a manifest, `request.kind` for an AdmissionReview. */
  kind: GroupVersionKind;
  /** `CREATE`, `UPDATE`, …; empty for a plain manifest. */
  operation: string;
  object: KubeObject;
  oldObject: unknown;
  userInfo: UserInfo;
  /** `metadata.name`, or `""`. */
  name: string;
  /** `metadata.namespace`, or `""`. */
  namespace: string;
}

/** The review of a resource, honouring the AdmissionReview request it came from, if any. */
export function reviewOf(resource: Resource): GatekeeperReview {
  const request = resource.admission;
  if (request) {
    const kind = isRecord(request.kind) ? request.kind : {};
    return {
      kind: {
        group: stringOr(kind.group, ''),
        version: stringOr(kind.version, ''),
        kind: stringOr(kind.kind, ''),
      },
      operation: stringOr(request.operation, ''),
      object: resource.object,
      oldObject: request.oldObject,
      userInfo: readUserInfo(request.userInfo),
      name: stringOr(request.name, resource.name ?? ''),
      namespace: stringOr(request.namespace, resource.namespace ?? ''),
    };
  }
  return {
    kind: { group: resource.group, version: resource.version, kind: resource.kind },
    operation: '',
    object: resource.object,
    oldObject: undefined,
    userInfo: {},
    name: resource.name ?? '',
    namespace: resource.namespace ?? '',
  };
}

function readUserInfo(value: unknown): UserInfo {
  if (!isRecord(value)) return {};
  const info: UserInfo = {};
  if (typeof value.username === 'string') info.username = value.username;
  if (Array.isArray(value.groups)) info.groups = value.groups.filter((group) => typeof group === 'string');
  return info;
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}
