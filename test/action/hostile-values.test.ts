/**
 * Values from manifests in what the Action prints: GitHub's log viewer renders
 * ANSI sequences, so none may come from a manifest, in the report or in the
 * annotations; and the job summary shows them as text.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';
import { runAction } from './run-action.js';

// C0 and C1 control characters other than line feed.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('GitHub Action: control sequences in manifest values', () => {
  const workspace = tempDir('k8s-bp-action-escapes-');
  copyFileSync(
    path.join(ROOT, 'fixtures', 'bad-input', 'terminal-escapes.yaml'),
    path.join(workspace, 'terminal-escapes.yaml'),
  );
  writeFileSync(path.join(workspace, '.k8s-bp.yaml'), 'extends: none\nrules:\n  no-latest-tag: deny\n');
  const run = runAction(workspace, { paths: 'terminal-escapes.yaml' });

  it('reach neither the log nor the annotations', () => {
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error title=no-latest-tag,file=terminal-escapes\.yaml,line=9,/m);
    expect(run.stdout, JSON.stringify(run.stdout)).not.toMatch(CONTROL);
  });

  it('are not in the job summary', () => {
    expect(run.summary).toContain('container "web');
    expect(run.summary).not.toMatch(CONTROL);
  });
});
