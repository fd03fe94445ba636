import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { actionManifest } from '../action/run-action.js';

const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const SNIPPETS = path.join(ROOT, 'docs', 'snippets');

describe('README', () => {
  // The tests run these files (the Action test with the workflow's inputs, the pre-commit test with the config),
  // so the README shows what is tested.
  it.each(readdirSync(SNIPPETS))('shows docs/snippets/%s verbatim', (file) => {
    const snippet = readFileSync(path.join(SNIPPETS, file), 'utf8');
    expect(README).toContain(`\`\`\`yaml\n${snippet}\`\`\`\n`);
  });

  it("documents every Action input with action.yml's default", () => {
    const rows = [...README.matchAll(/^\| `([a-z-]+)` \|\s*(?:`([^`]*)`)?\s*\|/gm)].map((match) => [
      match[1],
      match[2] ?? '',
    ]);
    const inputs = Object.entries(actionManifest().inputs).map(([name, input]) => [name, input.default ?? '']);
    expect(rows).toEqual(inputs);
  });

  it('starts with a command that works in a fresh clone: npm ci && npx k8s-bp lint examples/', () => {
    expect(README).toContain('```sh\nnpm ci && npx k8s-bp lint examples/\n```');
  });
});
