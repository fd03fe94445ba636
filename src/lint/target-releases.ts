import type { LoadedConfig } from '../config/load.js';
import { ConfigError, UsageError } from '../model/errors.js';
import { DEFAULT_RELEASE, parseReleaseRange } from '../model/kubernetes-release.js';

/**
 * The Kubernetes releases the run judges manifests for: `--kubernetes-version`,
 * else the config's `kubernetesVersion`, else the newest release k8s-bp knows.
 */
export function targetReleases(config: LoadedConfig | undefined, flag: string | undefined): readonly string[] {
  if (flag !== undefined) {
    const parsed = parseReleaseRange(flag);
    if ('problem' in parsed) throw new UsageError(`--kubernetes-version: ${parsed.problem}`, 'BAD_KUBERNETES_VERSION');
    return parsed.releases;
  }
  const written = config?.config.kubernetesVersion;
  if (written === undefined) return [DEFAULT_RELEASE];
  const place = config?.placeOf(['kubernetesVersion']);
  if (typeof written === 'number') {
    const message = `kubernetesVersion is the number ${written} to YAML; quote the release, as in kubernetesVersion: "1.30"`;
    throw new ConfigError(message, 'CONFIG_INVALID', place);
  }
  const parsed = parseReleaseRange(written);
  if ('problem' in parsed) throw new ConfigError(`kubernetesVersion: ${parsed.problem}`, 'CONFIG_INVALID', place);
  return parsed.releases;
}
