import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const FIXTURE = path.join(ROOT, 'fixtures', 'cli', 'plugins');

async function lint(config: string, ...args: string[]) {
  const cwd = mkdtempSync(path.join(tmpdir(), 'k8s-bp-plugins-'));
  cpSync(FIXTURE, cwd, { recursive: true });
  writeFileSync(path.join(cwd, '.k8s-bp.yaml'), config);
  const run = await runCli(['lint', '--format', 'json', ...args, 'deployment.yaml'], { cwd });
  const findings =
    run.status === 2 ? [] : (JSON.parse(run.stdout) as { findings: Array<Record<string, unknown>> }).findings;
  return { ...run, findings };
}

describe('rule modules named in the config (plugins)', () => {
  it('run like built-in rules, with parameters from the config', async () => {
    const run = await lint('extends: none\nplugins: [policy/team-label.mjs]\n');
    expect(run.status, run.stderr).toBe(1);
    expect(run.findings).toMatchObject([
      { ruleId: 'team-label', severity: 'error', line: 3, message: 'Deployment "api" has no team label' },
    ]);
    const renamed = await lint(
      'extends: none\nplugins: [policy/team-label.mjs]\nrules:\n  team-label:\n    enforcementAction: warn\n    parameters: { label: owner }\n',
    );
    expect(renamed.findings).toMatchObject([{ severity: 'warning', message: 'Deployment "api" has no owner label' }]);
    expect(
      (await lint('extends: none\nplugins: [policy/team-label.mjs]\nrules: { team-label: off }\n')).findings,
    ).toEqual([]);
  });

  it('report a module that fails to load, naming it, while the other rules still run', async () => {
    const run = await lint('extends: none\nplugins: [policy/broken-import.mjs, policy/team-label.mjs]\n');
    expect(run.status).toBe(1);
    expect(run.findings.map((finding) => [finding.ruleId, finding.file, finding.line])).toEqual([
      ['team-label', 'deployment.yaml', 3],
      ['plugin-error', '.k8s-bp.yaml', 2],
    ]);
    expect(run.findings[1]?.message).toBe(
      'rule module policy/broken-import.mjs failed to load: this module is broken on purpose',
    );
  });

  it('go on without the rules a failed module would have defined, saying so where the config sets them', async () => {
    const run = await lint(
      'extends: none\nplugins: [policy/broken-import.mjs, policy/team-label.mjs]\nrules:\n  team-label: warn\n  broken-rule: deny\n',
    );
    expect(run.status, run.stderr).toBe(1);
    expect(run.findings.map((finding) => [finding.ruleId, finding.file, finding.line, finding.severity])).toEqual([
      ['team-label', 'deployment.yaml', 3, 'warning'],
      ['plugin-error', '.k8s-bp.yaml', 2, 'error'],
      ['plugin-error', '.k8s-bp.yaml', 5, 'error'],
    ]);
    expect(run.findings[2]?.message).toContain('rule "broken-rule" is set in the config but no rule defines it');
    // Without a failed module, an unknown id is still a configuration error with a suggestion.
    const typo = await lint('extends: none\nplugins: [policy/team-label.mjs]\nrules:\n  team-lable: warn\n');
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('unknown rule "team-lable" (did you mean "team-label"?)');
  });

  it.each([
    ['not-a-rule.mjs', 'rule module policy/not-a-rule.mjs: the rule has no check function'],
    ['bad-schema.mjs', 'rule module policy/bad-schema.mjs: rule bad-schema has an invalid parameter schema'],
  ])('report a module whose export is not a usable rule: %s', async (file, message) => {
    const run = await lint(`extends: none\nplugins: [policy/${file}]\n`);
    expect(run.findings).toMatchObject([{ ruleId: 'plugin-error', severity: 'error' }]);
    expect(run.findings[0]?.message).toContain(message);
  });

  it('report a malformed violation as a rule error naming the module', async () => {
    const run = await lint('extends: none\nplugins: [policy/bad-violation.mjs]\n');
    expect(run.findings).toMatchObject([{ ruleId: 'rule-error', file: 'deployment.yaml' }]);
    expect(run.findings[0]?.message).toBe(
      'rule bad-violation could not check this resource: returned a violation whose messageId "invented" is not in meta.messages (rule module policy/bad-violation.mjs)',
    );
  });

  it('refuse a rule id that a built-in rule already has, and a pattern that matches nothing', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'k8s-bp-plugins-'));
    cpSync(FIXTURE, cwd, { recursive: true });
    writeFileSync(
      path.join(cwd, 'policy', 'clash.mjs'),
      "export default { meta: { id: 'no-latest-tag', title: 't', description: 'd', messages: {} }, check() { return []; } };\n",
    );
    writeFileSync(path.join(cwd, '.k8s-bp.yaml'), 'extends: none\nplugins: [policy/clash.mjs, rules/*.mjs]\n');
    const run = await runCli(['lint', '--format', 'json', 'deployment.yaml'], { cwd });
    const messages = (JSON.parse(run.stdout) as { findings: Array<{ message: string }> }).findings.map(
      (f) => f.message,
    );
    expect(messages).toEqual([
      'rule module policy/clash.mjs: rule id "no-latest-tag" is already taken; give the rule its own id',
      'plugins[1]: no module matches "rules/*.mjs"',
    ]);
  });
});
