/**
 * An object that is plainly a fragment of one: a workload with no containers,
 * or whose containers none name an image, as patches, test assertions and
 * examples of a single field write them (a strategic-merge patch names a
 * container only to change it). The API server would refuse it, and judging
 * it as a whole workload would report everything it leaves out; it is set
 * aside, and `--verbose` says why. One container without an image beside
 * others with one is a whole workload with a mistake, and is linted. A
 * CustomResourceDefinition that names neither group, names nor versions is
 * a patch of one (kubebuilder's `crd/patches/`) in the same way.
 */
import { getIn } from '../model/records.js';
import { isWorkload, podSpecPathOf } from '../kit/pod-spec.js';
import type { Resource } from '../model/types.js';

/** Why the resource is a fragment rather than an object, or undefined when it is a whole one. */
export function fragmentReason(resource: Resource): string | undefined {
  if (isCrdFragment(resource)) {
    return `CustomResourceDefinition "${resource.name ?? ''}" defines no group, names or versions, so it is a fragment (a patch), not linted as a whole definition`;
  }
  if (!isWorkload(resource)) return undefined;
  const path = podSpecPathOf(resource.kind);
  if (!path) return undefined;
  const containers = getIn(resource.object, [...path, 'containers']);
  // Containers of the wrong type are the API server's error (invalid-resource), not a sign of a fragment.
  if (containers !== undefined && containers !== null) {
    const initContainers = getIn(resource.object, [...path, 'initContainers']);
    if (!Array.isArray(containers) || containers.length === 0 || namesAnImage(containers, initContainers)) {
      return undefined;
    }
    return `${resource.kind} "${resource.name ?? ''}" has containers none of which names an image, so it is a fragment (a patch or a test assertion), not linted as a whole workload`;
  }
  const where = resource.kind === 'Pod' ? 'no containers' : 'no pod template with containers';
  return `${resource.kind} "${resource.name ?? ''}" has ${where}, so it is a fragment (a patch or a test assertion), not linted as a whole workload`;
}

/** Whether any container of the lists has an `image` field, whatever its value. */
function namesAnImage(...lists: unknown[]): boolean {
  return lists.some(
    (list) =>
      Array.isArray(list) &&
      list.some((container) => typeof container !== 'object' || container === null || 'image' in container),
  );
}

/** A CustomResourceDefinition with no spec, or one that names none of group, names and versions: a patch of one. */
function isCrdFragment(resource: Resource): boolean {
  if (resource.group !== 'apiextensions.k8s.io' || resource.kind !== 'CustomResourceDefinition') return false;
  const spec = getIn(resource.object, ['spec']);
  if (spec === undefined || spec === null) return true;
  if (typeof spec !== 'object' || Array.isArray(spec)) return false;
  return !['group', 'names', 'versions', 'version'].some((field) => field in spec);
}
