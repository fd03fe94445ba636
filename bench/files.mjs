// The files a floor reads: what `k8s-bp lint <dir>` would lint (every .yaml,
// .yml and .json file below the arguments, never inside node_modules or .git),
// sorted, read as UTF-8 text.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const NEVER_WALKED = new Set(['node_modules', '.git']);

export function manifestFiles(args) {
  const files = [];
  for (const arg of args) {
    if (!statSync(arg).isDirectory()) {
      files.push(arg);
      continue;
    }
    const pending = [arg];
    while (pending.length > 0) {
      const directory = pending.pop();
      for (const entry of readdirSync(directory, { withFileTypes: true })) {
        const full = path.join(directory, entry.name);
        if (NEVER_WALKED.has(entry.name)) continue;
        if (entry.isDirectory()) pending.push(full);
        else if (entry.isFile() && EXTENSIONS.has(path.extname(entry.name).toLowerCase())) files.push(full);
      }
    }
  }
  return files.sort();
}

/** Loads every file with `loadFile(text)` (which returns the documents), keeping them all, as a linter must. */
export function runFloor(loadFile) {
  const kept = [];
  let failures = 0;
  for (const file of manifestFiles(process.argv.slice(2))) {
    const text = readFileSync(file, 'utf8');
    try {
      for (const document of loadFile(text)) if (document !== null && document !== undefined) kept.push(document);
    } catch {
      failures++;
    }
  }
  process.stdout.write(`${JSON.stringify({ documents: kept.length, failures })}\n`);
}
