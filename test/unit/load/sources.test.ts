import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveInputs } from '../../../src/load/sources.js';

let root = '';

function touch(relative: string): void {
  const full = path.join(root, relative);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, 'apiVersion: v1\nkind: Pod\n');
}

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'k8s-bp-sources-'));
  for (const file of [
    'deploy/b.yaml',
    'deploy/a.yml',
    'deploy/nested/c.json',
    'deploy/readme.md',
    'deploy/node_modules/x.yaml',
    'deploy/.git/y.yaml',
    'deploy/legacy/old.yaml',
    'deploy/with space/ünï.yaml',
  ]) {
    touch(file);
  }
  symlinkSync(path.join(root, 'deploy'), path.join(root, 'deploy', 'nested', 'loop'));
});

const resolve = (args: string[], exclude: string[] = []) => resolveInputs(args, { cwd: root, exclude });

describe('finding the files to lint', () => {
  it('walks directories for .yaml, .yml and .json files in sorted order, never into node_modules or .git', async () => {
    const { files } = await resolve(['deploy']);
    expect(files).toEqual([
      'deploy/a.yml',
      'deploy/b.yaml',
      'deploy/legacy/old.yaml',
      'deploy/nested/c.json',
      'deploy/with space/ünï.yaml',
    ]);
  });

  it('does not follow a symbolic link to a directory, so loops end, and says so', async () => {
    const { notes } = await resolve(['deploy']);
    expect(notes).toEqual(['deploy/nested/loop: symbolic link to a directory, not followed']);
  });

  it('expands glob patterns', async () => {
    expect((await resolve(['deploy/*.y*ml'])).files).toEqual(['deploy/a.yml', 'deploy/b.yaml']);
  });

  it('lints a file named explicitly whatever its extension', async () => {
    expect((await resolve(['deploy/readme.md'])).files).toEqual(['deploy/readme.md']);
  });

  it('drops excluded files and directories', async () => {
    const { files } = await resolve(['deploy'], ['deploy/legacy', '*.json']);
    expect(files).toEqual(['deploy/a.yml', 'deploy/b.yaml', 'deploy/with space/ünï.yaml']);
  });

  it('lists a file named twice once', async () => {
    expect((await resolve(['deploy/a.yml', './deploy/a.yml', 'deploy/*.yml'])).files).toEqual(['deploy/a.yml']);
  });

  it('notes standard input separately', async () => {
    expect(await resolve(['-'])).toEqual({ files: [], stdin: true, notes: [] });
  });

  it('rejects a path that does not exist', async () => {
    await expect(resolve(['nope.yaml'])).rejects.toThrow('no such file or directory: nope.yaml');
  });

  it('rejects a glob that matches nothing rather than linting nothing', async () => {
    await expect(resolve(['deploy/**/*.toml'])).rejects.toThrow('no files match the pattern: deploy/**/*.toml');
  });
});
