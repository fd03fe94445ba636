// npm's `prepare` (on `npm install`/`npm ci` in a checkout, and before `npm pack`).
// In a development checkout it builds lib/ with tsc, which bin/k8s-bp.cjs then runs.
// It does nothing when there is nothing to build with or for:
//   - without the devDependencies (TypeScript is not installed), as in an install of this
//     repository with --omit=dev: the CLI then runs from the committed bundle, dist/cli.cjs;
//   - on `npm pack` and `npm publish`: the package ships dist/, never lib/, so a build there
//     would only cost time (pre-commit packs this repository when it installs the hook).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const command = process.env.npm_command;

if (command === 'pack' || command === 'publish') {
  console.log(`prepare: nothing to build for npm ${command}; the package runs dist/cli.cjs`);
} else if (!existsSync(tsc)) {
  console.log('prepare: TypeScript is not installed (no devDependencies); k8s-bp runs from dist/cli.cjs');
} else {
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
