import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundle } from '../../scripts/bundle.mjs';
import { ROOT } from '../helpers/cli.js';

describe('dist/: the committed bundles', () => {
  it('match what the sources bundle to now (run npm run bundle after changing src/ or rules/)', async () => {
    const fresh = await bundle();
    const files = [...fresh.keys()];
    expect(files).toEqual(
      expect.arrayContaining(['dist/action.js', 'dist/api.js', 'dist/cli.cjs', 'dist/licenses.txt']),
    );
    expect(files.filter((file) => file.startsWith('dist/types/')).length).toBeGreaterThan(0);
    const stale = [...fresh].filter(([file, text]) => readCommitted(file) !== text).map(([file]) => file);
    expect(stale, `out of date: ${stale.join(', ')}; run npm run bundle`).toEqual([]);
  });

  it('keep the CLI bundle ASCII, as bin/load-bundle.cjs reads it', () => {
    const text = readCommitted('dist/cli.cjs') ?? '';
    expect(text.length).toBeGreaterThan(100_000);
    expect(text.match(/[^\x00-\x7f]/g) ?? []).toEqual([]);
  });
});

function readCommitted(file: string): string | undefined {
  try {
    return readFileSync(path.join(ROOT, file), 'utf8');
  } catch {
    return undefined;
  }
}
