import { readFileSync } from 'node:fs';

/**
 * The package.json of this package, wherever the running code sits: `lib/src/report/`
 * (the tsc build), `dist/` (the bundles) or `src/report/` (tests run from source).
 */
const MANIFEST_CANDIDATES = ['../package.json', '../../package.json', '../../../package.json'];

let cached: string | undefined;

/** The package version, read once from the nearest package.json named k8s-bp. */
export function packageVersion(): string {
  cached ??= readVersion();
  return cached;
}

function readVersion(): string {
  for (const candidate of MANIFEST_CANDIDATES) {
    let manifest: { name?: unknown; version?: unknown };
    try {
      manifest = JSON.parse(readFileSync(new URL(candidate, import.meta.url), 'utf8')) as typeof manifest;
    } catch {
      continue;
    }
    if (manifest.name === 'k8s-bp' && typeof manifest.version === 'string') return manifest.version;
  }
  throw new Error(`no package.json of k8s-bp found near ${import.meta.url}`);
}
