/**
 * CLI tests run the built CLI (bin/k8s-bp.cjs runs lib/ in a checkout), so a
 * test file run on its own after an edit of src/ or rules/ would test stale
 * code. Before any test runs, lib/ is rebuilt when a source is newer than it.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The newest modification time of the files below `directory` with one of these extensions; 0 when there are none. */
function newest(directory: string, extensions: readonly string[]): number {
  let latest = 0;
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true, recursive: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (!entry.isFile() || !extensions.some((extension) => entry.name.endsWith(extension))) continue;
    latest = Math.max(latest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

export default function setup(): void {
  const sources = Math.max(newest(path.join(ROOT, 'src'), ['.ts']), newest(path.join(ROOT, 'rules'), ['.ts']));
  const built = newest(path.join(ROOT, 'lib'), ['.js']);
  if (built >= sources) return;
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (result.status !== 0)
    throw new Error(`lib/ is older than the sources, and rebuilding it failed:\n${result.stdout}${result.stderr}`);
}
