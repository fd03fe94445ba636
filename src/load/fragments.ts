/**
 * An object that is plainly a fragment of one: a workload with no containers,
 * or whose containers none name an image, as patches, test assertions and
 * examples of a single field write them (a strategic-merge patch names a
 * container only to change it). The API server would refuse it, and judging
 * it as a whole workload would report everything it leaves out; it is set
 * aside, and `--verbose` says why. One container without an image beside
 * others with one is a whole workload with a mistake, and is linted.
 */
import { getIn } from '../model/records.js';
import { isWorkload, podSpecPathOf } from '../kit/pod-spec.js';
import type { Resource } from '../model/types.js';

/** Why the resource is a fragment rather than an object, or undefined when it is a whole one. */
export function fragmentReason(resource: Resource): string | undefined {
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
