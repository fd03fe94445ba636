/**
 * One run reads each file of its overlays once: planning, building and
 * placing findings share what was read.
 */
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planKustomize, renderKustomizations } from '../../../src/render/kustomize/index.js';
import { SourceFiles } from '../../../src/render/kustomize/source-files.js';
import { tempDir } from '../../helpers/cli.js';
import { referenceBinaries } from '../../helpers/reference-binaries.js';

const binaries = referenceBinaries();
const kubectl = typeof binaries === 'string' ? '' : binaries.kubectl;

/** An overlay on a base, with a patch: three kustomization-read layers' worth of files. */
function overlayOnBase(): string {
  const root = tempDir();
  mkdirSync(path.join(root, 'base'));
  mkdirSync(path.join(root, 'prod'));
  writeFileSync(path.join(root, 'base/kustomization.yaml'), 'resources:\n  - deployment.yaml\n');
  writeFileSync(
    path.join(root, 'base/deployment.yaml'),
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27\n',
  );
  writeFileSync(
    path.join(root, 'prod/kustomization.yaml'),
    'namePrefix: prod-\nresources:\n  - ../base\npatches:\n  - path: replicas.yaml\n',
  );
  writeFileSync(
    path.join(root, 'prod/replicas.yaml'),
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n',
  );
  return root;
}

describe('the files of a run', () => {
  it('reads each file once, though planning, building and placing findings all read the kustomizations', async () => {
    if (typeof binaries === 'string') return;
    const root = overlayOnBase();
    const reads = new Map<string, number>();
    const files = new SourceFiles((absolute) => {
      reads.set(path.relative(root, absolute), (reads.get(path.relative(root, absolute)) ?? 0) + 1);
      return readFileSync(absolute, 'utf8');
    });
    const inputs = ['base/kustomization.yaml', 'base/deployment.yaml', 'prod/kustomization.yaml', 'prod/replicas.yaml'];
    const plan = planKustomize(inputs, root, [], files);
    expect(plan.entries.map((entry) => path.relative(root, entry.file))).toEqual(['prod/kustomization.yaml']);
    const render = await renderKustomizations(plan.entries, { cwd: root, binary: kubectl, env: process.env, files });
    const [web] = render.resources;
    expect(web?.locator.locate(['metadata', 'name']).file).toBe('prod/kustomization.yaml');
    expect(web?.locator.locate(['spec', 'replicas']).file).toBe('prod/replicas.yaml');
    expect(web?.locator.locate(['spec', 'template', 'spec', 'containers', 0, 'image']).file).toBe(
      'base/deployment.yaml',
    );
    expect(Object.fromEntries(reads)).toEqual({
      'base/kustomization.yaml': 1,
      'base/deployment.yaml': 1,
      'prod/kustomization.yaml': 1,
      'prod/replicas.yaml': 1,
    });
    // The sources reported are the overlay's own, as read.
    expect(render.sources.map((source) => source.file).sort()).toEqual(inputs.slice().sort());
  });
});
