import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const DIR = path.join(ROOT, 'fixtures', 'cli', 'inventory');

interface Finding {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  message: string;
  constraintKind?: string;
}

async function lint(...args: string[]) {
  const run = await runCli(['lint', '--format', 'json', ...args], { cwd: DIR });
  const findings = run.status === 2 ? [] : (JSON.parse(run.stdout) as { findings: Finding[] }).findings;
  return { ...run, findings };
}

const summary = (findings: Finding[]) => findings.map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column}`);

describe('--inventory', () => {
  it('lets cross-resource rules see objects that are looked up but not linted', async () => {
    expect(summary((await lint('ingress.yaml')).findings)).toEqual([]);
    const run = await lint('--inventory', 'cluster', 'ingress.yaml');
    expect(run.status, run.stderr).toBe(1);
    // The inventory's own Ingress serves plain HTTP, but it is not linted: only the linted file has findings.
    expect(summary(run.findings)).toEqual(['unique-ingress-host ingress.yaml:12:7']);
    expect(run.findings[0]?.message).toContain('"legacy/legacy"');
  });

  it('feeds Gatekeeper constraints that read the inventory, as gator does', async () => {
    const withInventory = await lint(
      '--disable',
      'unique-ingress-host',
      '--constraints',
      'unique-host.yaml',
      '--inventory',
      'cluster/*.yaml',
      'ingress.yaml',
    );
    expect(withInventory.findings.filter((f) => f.constraintKind === 'K8sUniqueIngressHost')).toMatchObject([
      { file: 'ingress.yaml', message: 'ingress host conflicts with an existing ingress <shop.example.com>' },
    ]);
  });

  it('reports an inventory file that does not parse, with its place, and still lints', async () => {
    const run = await lint('--inventory', 'broken.yaml', '--inventory', 'cluster', 'ingress.yaml');
    expect(summary(run.findings)).toEqual(['unique-ingress-host ingress.yaml:12:7', 'parse-error broken.yaml:5:1']);
  });

  it.each([
    [['--inventory', '-', 'ingress.yaml'], '--inventory takes files, folders or globs, not standard input (-)'],
    [['--inventory', 'missing.yaml', 'ingress.yaml'], 'missing.yaml'],
  ])('stops with exit 2 on %j', async (args, message) => {
    const run = await lint(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
