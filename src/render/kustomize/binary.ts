/**
 * The Kustomize that builds overlays: the real one, for exact fidelity. The
 * binary named in the config or by `--kustomize-binary`, else `kustomize` on
 * PATH, else `kubectl` on PATH (which embeds Kustomize as `kubectl kustomize`).
 */
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

export interface KustomizeBinary {
  /** The program to run, absolute or as found on PATH. */
  command: string;
  /** The arguments that build the kustomization in `folder`. */
  buildArgs(folder: string): string[];
  /** The environment it runs in (its PATH finds the helm that inflates `helmCharts`). */
  env: Readonly<Record<string, string | undefined>>;
}

export const INSTALL_HINT =
  "install kustomize (https://kubectl.docs.kubernetes.io/installation/kustomize/) or kubectl, or name one with --kustomize-binary or the config's kustomize.binary";

/**
 * The binary to use, or undefined when none is named or found. A named one
 * is a path (relative to `cwd`) when it holds a slash, else a program on PATH.
 */
export function findKustomize(
  named: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  cwd = process.cwd(),
): KustomizeBinary | undefined {
  if (named !== undefined) {
    if (/[\\/]/.test(named)) return binaryFor(path.resolve(cwd, named), env);
    const found = onPath(named, env);
    return found === undefined ? undefined : binaryFor(found, env);
  }
  for (const name of ['kustomize', 'kubectl']) {
    const found = onPath(name, env);
    if (found !== undefined) return binaryFor(found, env);
  }
  return undefined;
}

/**
 * `kubectl` (by its name) builds with `kubectl kustomize DIR`; any other
 * program is a kustomize: `kustomize build DIR`. Helm charts that a
 * kustomization names in `helmCharts` are inflated, as `--enable-helm` asks.
 */
function binaryFor(command: string, env: Readonly<Record<string, string | undefined>>): KustomizeBinary {
  const isKubectl = /^kubectl(?:\.exe)?$/i.test(path.basename(command));
  return {
    command,
    env,
    buildArgs: (folder) => (isKubectl ? ['kustomize', '--enable-helm', folder] : ['build', '--enable-helm', folder]),
  };
}

function onPath(name: string, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const suffixes = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const folder of (env.PATH ?? '').split(path.delimiter)) {
    if (folder === '') continue;
    for (const suffix of suffixes) {
      const candidate = path.join(folder, name + suffix);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
