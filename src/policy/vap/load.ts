/** Reads ValidatingAdmissionPolicies, bindings and parameter objects from the files `--policies` names. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseManifests } from '../../load/parse.js';
import { resolveInputs } from '../../load/sources.js';
import { addPolicyManifest, emptyPolicySet, type AdmissionPolicySet } from './evaluate.js';

export async function loadAdmissionPolicies(
  paths: readonly string[],
  cwd: string,
  set: AdmissionPolicySet = emptyPolicySet(),
): Promise<AdmissionPolicySet> {
  if (paths.length === 0) return set;
  const inputs = await resolveInputs(paths, { cwd, exclude: [] });
  for (const file of inputs.files) {
    const text = await readFile(path.resolve(cwd, file), 'utf8');
    for (const event of parseManifests(text, file)) {
      if (event.type === 'problem') set.findings.push(event.finding);
      else if (event.type === 'resource') addPolicyManifest(set, event.resource, true);
    }
  }
  return set;
}
