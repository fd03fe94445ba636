import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setAside } from '../../../src/load/set-aside.js';
import { tempDir } from '../../helpers/cli.js';

/** A kustomization whose patch sits in a subfolder, as `patches: - path: overlays/…` names it. */
function tree(): string {
  const root = tempDir();
  mkdirSync(path.join(root, 'base', 'overlays'), { recursive: true });
  writeFileSync(path.join(root, 'base', 'kustomization.yaml'), 'patches:\n  - path: overlays/server.yaml\n');
  writeFileSync(path.join(root, 'base', 'overlays', 'server.yaml'), 'kind: Deployment\n');
  return root;
}

describe('setAside', () => {
  it('finds the kustomization a folder above that names a patch, with the file inside the working directory', () => {
    const root = tree();
    expect(setAside(['base/overlays/server.yaml'], root).files).toEqual([]);
  });

  it('finds it as well when the file lies outside the working directory', () => {
    const root = tree();
    const file = path.join(root, 'base', 'overlays', 'server.yaml');
    const elsewhere = tempDir();
    expect(setAside([file], elsewhere).files).toEqual([]);
    expect(setAside([path.relative(elsewhere, file)], elsewhere).files).toEqual([]);
  });
});
