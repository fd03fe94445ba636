import type { Resource } from '../model/types.js';
import { isGatekeeperPolicyManifest } from '../gatekeeper/manifests.js';
import { fragmentReason } from '../load/fragments.js';
import { isAdmissionPolicyManifest } from '../admission/kinds.js';

/** Whether a loaded object is linted, and the `--verbose` notes that say why or why not. */
export interface Classified {
  lint: boolean;
  notes: string[];
}

/**
 * Sorts the objects found among the inputs: policy manifests there are not
 * enforced (policies apply only when given as such, with `--policies`,
 * `--constraints` or the config), fragments are passed over, and Gatekeeper
 * manifests are skipped unless `--include-policy-manifests` asks for them.
 */
export function classifyResource(resource: Resource, includePolicyManifests: boolean): Classified {
  const notes: string[] = [];
  if (isAdmissionPolicyManifest(resource)) {
    notes.push(
      `${resource.file}: ${resource.kind} "${resource.name ?? ''}" is linted as an object, not enforced (policies apply when given with --policies or the config's policies)`,
    );
  }
  if (isKubeconfig(resource)) {
    const note = `${resource.file}: skipped Config "${resource.name ?? ''}": a kubeconfig (kubectl's client settings), not an object of the API`;
    return { lint: false, notes: [...notes, note] };
  }
  const fragment = fragmentReason(resource);
  if (fragment !== undefined) return { lint: false, notes: [...notes, `${resource.file}: ${fragment}`] };
  if (!includePolicyManifests && isGatekeeperPolicyManifest(resource)) {
    const note = `${resource.file}: skipped ${resource.kind} "${resource.name ?? ''}": Gatekeeper policy, not a workload (--include-policy-manifests lints it)`;
    return { lint: false, notes: [...notes, note] };
  }
  return { lint: true, notes };
}

/** `apiVersion: v1` with `kind: Config` is a kubeconfig file: no API server serves that kind. */
function isKubeconfig(resource: Resource): boolean {
  return resource.group === '' && resource.version === 'v1' && resource.kind === 'Config';
}
