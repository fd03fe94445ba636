import type { ObjectRef, Resource } from './types.js';

/** How a finding names its object: apiVersion, kind, and the namespace and name when known, in that order. */
export function objectRef(
  apiVersion: string,
  kind: string,
  namespace: string | undefined,
  name: string | undefined,
): ObjectRef {
  return {
    apiVersion,
    kind,
    ...(namespace !== undefined && { namespace }),
    ...(name !== undefined && { name }),
  };
}

/** A resource's object, in the namespace it will be applied to (`--namespace` when the manifest names none). */
export function resourceRef(resource: Resource, defaultNamespace: string | undefined): ObjectRef {
  return objectRef(resource.object.apiVersion, resource.kind, resource.namespace ?? defaultNamespace, resource.name);
}
