import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleLike } from '../../scripts/bundle.mjs';
import { ROOT, tempDir } from '../helpers/cli.js';
import { run } from './env.js';

/**
 * A program that looks up a kind the way the rules will: through src/schema/builtin, bundled
 * as each shipped bundle is, and run from a copy of the package's layout (dist/ beside
 * schemas/), as npm installs it and as GitHub checks out the Action.
 */
const PROBE = `import { builtinRelease } from '${ROOT}/src/schema/builtin/index.ts';
const deployment = builtinRelease('1.35')?.kind('apps', 'v1', 'Deployment');
console.log(JSON.stringify({ namespaced: deployment?.namespaced, spec: deployment?.schema.properties?.spec }));
`;

const FOUND = { namespaced: true, spec: { $ref: '#/definitions/io.k8s.api.apps.v1.DeploymentSpec' } };

describe('the built-in schemas, from a bundle in a package layout', () => {
  let dir: string;
  let entry: string;

  beforeAll(() => {
    // Outside the checkout, whose own schemas/ must not be what the probes find.
    dir = tempDir('k8s-bp-schemas-');
    entry = path.join(dir, 'probe.ts');
    writeFileSync(entry, PROBE);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const bundle of ['dist/cli.cjs', 'dist/api.js', 'dist/action.js']) {
    it(`are found by code bundled as ${bundle}`, async () => {
      const installed = path.join(dir, bundle.replace(/\W/g, '-'));
      mkdirSync(path.join(installed, 'dist'), { recursive: true });
      cpSync(path.join(ROOT, 'schemas'), path.join(installed, 'schemas'), { recursive: true });
      writeFileSync(path.join(installed, bundle), await bundleLike(bundle, entry));
      const result = await run(process.execPath, [path.join(installed, bundle)]);
      expect(result.stderr).toBe('');
      expect(JSON.parse(result.stdout)).toEqual(FOUND);
    });
  }

  it('are reported missing, naming the file, when the package lacks them', async () => {
    const installed = path.join(dir, 'without-schemas');
    mkdirSync(path.join(installed, 'dist'), { recursive: true });
    writeFileSync(path.join(installed, 'dist', 'cli.cjs'), await bundleLike('dist/cli.cjs', entry));
    const result = await run(process.execPath, [path.join(installed, 'dist', 'cli.cjs')]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/built-in Kubernetes schemas \(schemas\/kubernetes\.json\) were not found/);
  });

  it('are found by the tsc build in lib/', async () => {
    const script = `import('${ROOT}/lib/src/schema/builtin/index.js').then(({ builtinRelease }) => {
      const deployment = builtinRelease('1.35')?.kind('apps', 'v1', 'Deployment');
      console.log(JSON.stringify({ namespaced: deployment?.namespaced, spec: deployment?.schema.properties?.spec }));
    });`;
    const result = await run(process.execPath, ['--input-type=module', '-e', script]);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(FOUND);
  });
});
