import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planKustomize } from '../../../src/render/kustomize/discover.js';
import { tempDir } from '../../helpers/cli.js';

/** A kustomization whose patch sits in a subfolder, as `patches: - path: overlays/…` names it. */
function tree(): string {
  const root = tempDir();
  mkdirSync(path.join(root, 'base', 'overlays'), { recursive: true });
  writeFileSync(path.join(root, 'base', 'kustomization.yaml'), 'patches:\n  - path: overlays/server.yaml\n');
  writeFileSync(path.join(root, 'base', 'overlays', 'server.yaml'), 'kind: Deployment\n');
  return root;
}

describe('planKustomize', () => {
  it('finds the kustomization a folder above that names a patch, with the file inside the working directory', () => {
    const root = tree();
    expect([...planKustomize(['base/overlays/server.yaml'], root, []).inputs.keys()]).toEqual([
      'base/overlays/server.yaml',
    ]);
  });

  it('finds it as well when the file lies outside the working directory', () => {
    const root = tree();
    const file = path.join(root, 'base', 'overlays', 'server.yaml');
    const elsewhere = tempDir();
    expect([...planKustomize([file], elsewhere, []).inputs.keys()]).toEqual([file]);
    const relative = path.relative(elsewhere, file);
    expect([...planKustomize([relative], elsewhere, []).inputs.keys()]).toEqual([relative]);
  });
});
