import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runBinary, runCli, tempDir } from '../helpers/cli.js';

const POD =
  'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers:\n    - name: web\n      image: nginx\n';

/** The lines of a commented block that starts with `# <key>:`, uncommented, up to the next blank line. */
function uncommentBlock(text: string, key: string): string {
  const lines = text.split('\n');
  const start = lines.indexOf(`# ${key}:`);
  const end = lines.indexOf('', start);
  return lines
    .slice(start, end)
    .map((line) => line.replace(/^# ?/, ''))
    .join('\n');
}

describe('k8s-bp init', () => {
  it('writes a commented .k8s-bp.yaml that starts from the recommended rules, and lint uses it', async () => {
    const dir = tempDir();
    const init = runBinary(['init'], { cwd: dir });
    expect(init).toMatchObject({ status: 0, stderr: '' });
    expect(init.stdout).toContain('Wrote .k8s-bp.yaml');
    const text = readFileSync(path.join(dir, '.k8s-bp.yaml'), 'utf8');
    expect(text.startsWith('# ')).toBe(true);
    expect(text.split('\n').filter((line) => line !== '' && !line.startsWith('#'))).toEqual(['extends: recommended']);
    expect(parse(text)).toEqual({ extends: 'recommended' });
    expect(text).toMatch(/^# {3}no-latest-tag +\(recommended, strict\) /m);

    writeFileSync(path.join(dir, 'pod.yaml'), POD);
    const lint = await runCli(['lint', '--verbose', '--format', 'json', 'pod.yaml'], { cwd: dir });
    expect(lint.stderr).toContain('using config .k8s-bp.yaml');
    expect(lint.status).toBe(1);
    const report = JSON.parse(lint.stdout) as { findings: { ruleId: string }[] };
    expect(report.findings.map((finding) => finding.ruleId)).toContain('no-latest-tag');
  });

  it('writes examples that load once uncommented', async () => {
    const dir = tempDir();
    await runCli(['init'], { cwd: dir });
    const text = readFileSync(path.join(dir, '.k8s-bp.yaml'), 'utf8');
    const config = [
      'extends: recommended',
      uncommentBlock(text, 'rules'),
      uncommentBlock(text, 'ignore'),
      uncommentBlock(text, 'constraints'),
    ];
    writeFileSync(path.join(dir, '.k8s-bp.yaml'), `${config.join('\n')}\n`);
    expect(parse(config.join('\n'))).toMatchObject({
      rules: { 'no-latest-tag': 'warn' },
      ignore: [{ rules: ['no-latest-tag'] }],
      constraints: [{}],
    });
    writeFileSync(path.join(dir, 'pod.yaml'), POD);
    const lint = await runCli(['lint', 'pod.yaml'], { cwd: dir });
    expect(lint.stderr).toBe('');
    expect(lint.stdout).toMatch(
      /container "web" in Pod "web"\n(?: {4}.*\n)* {4}7:7 +warning +uses image "nginx" without a tag/,
    );
  });

  it.each(['.k8s-bp.yaml', '.k8s-bp.yml'])('refuses to overwrite an existing %s, with exit status 2', async (name) => {
    const dir = tempDir();
    writeFileSync(path.join(dir, name), 'extends: none\n');
    const init = await runCli(['init'], { cwd: dir });
    expect(init.status).toBe(2);
    expect(init.stderr).toBe(`k8s-bp: ${name} already exists here; edit it, or remove it to start again\n`);
    expect(readFileSync(path.join(dir, name), 'utf8')).toBe('extends: none\n');
  });

  it('explains itself with --help and rejects arguments', async () => {
    expect((await runCli(['init', '--help'])).stdout).toMatch(/^Usage: k8s-bp init\n/);
    expect((await runCli(['help', 'init'])).stdout).toBe((await runCli(['init', '--help'])).stdout);
    expect(await runCli(['init', 'somewhere'], { cwd: tempDir() })).toMatchObject({
      status: 2,
      stderr: 'k8s-bp: k8s-bp init takes no arguments\n',
    });
    expect(await runCli(['init', '--force'], { cwd: tempDir() })).toMatchObject({ status: 2 });
  });

  it('is listed in k8s-bp --help, and a misspelt command suggests it', async () => {
    expect((await runCli(['--help'])).stdout).toMatch(/^ {2}init +Write a commented \.k8s-bp\.yaml/m);
    expect(await runCli(['innit'])).toMatchObject({
      status: 2,
      stderr: 'k8s-bp: unknown command "innit" (did you mean "init"?); see k8s-bp --help\n',
    });
  });
});
