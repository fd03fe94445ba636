/** The variables an admission review binds for CEL: `object`, `oldObject`, `request`, `namespaceObject`. */
import { toCel } from './cel-values.js';
import { resourceIsClusterScoped } from '../engine/scope.js';
import type { Inventory, Resource } from '../model/types.js';
import { resourceName } from '../engine/resource-names.js';

/**
 * `operation` is the request's operation when the resource came from an
 * AdmissionReview, else `defaultOperation` (CREATE for admission policies;
 * empty for Gatekeeper, as gator reviews a manifest).
 */
export function reviewActivation(
  resource: Resource,
  inventory: Inventory,
  defaultNamespace: string | undefined,
  defaultOperation: string,
): Record<string, unknown> {
  const clusterScoped = resourceIsClusterScoped(resource, inventory);
  const namespace = clusterScoped ? '' : (resource.namespace ?? defaultNamespace ?? '');
  const admission = resource.admission;
  const operation = typeof admission?.operation === 'string' ? admission.operation : defaultOperation;
  const kind = { group: resource.group, version: resource.version, kind: resource.kind };
  const apiResource = { group: resource.group, version: resource.version, resource: resourceName(resource, inventory) };
  const request = {
    uid: '',
    kind,
    resource: apiResource,
    subResource: '',
    requestKind: kind,
    requestResource: apiResource,
    name: typeof admission?.name === 'string' ? admission.name : (resource.name ?? ''),
    namespace: typeof admission?.namespace === 'string' ? admission.namespace : namespace,
    operation,
    userInfo: admission?.userInfo ?? { username: '', groups: [] },
    dryRun: false,
  };
  const namespaceResource = namespace === '' ? undefined : inventory.namespaceObject(namespace);
  const deleting = operation === 'DELETE' && admission?.oldObject !== undefined;
  return {
    object: deleting ? null : toCel(resource.object),
    oldObject: admission?.oldObject === undefined || admission.oldObject === null ? null : toCel(admission.oldObject),
    request: toCel(request),
    namespaceObject: namespaceResource ? toCel(namespaceResource.object) : null,
  };
}
