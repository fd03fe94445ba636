/** Reads ValidatingAdmissionPolicies, bindings and parameter objects from the files `--policies` names. */
import { loadManifestFiles } from '../load/manifest-files.js';
import { addPolicyManifest, emptyPolicySet, type AdmissionPolicySet } from './evaluate-admission.js';

export async function loadAdmissionPolicies(
  paths: readonly string[],
  options: { cwd: string; maxFileSize: number },
  set: AdmissionPolicySet = emptyPolicySet(),
): Promise<AdmissionPolicySet> {
  const loaded = await loadManifestFiles(paths, { ...options, option: '--policies' });
  set.findings.push(...loaded.findings);
  for (const resource of loaded.resources) addPolicyManifest(set, resource, true);
  return set;
}
