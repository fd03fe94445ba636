import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

// The worked example of "Writing your own rules", run exactly as the README shows it: its files are written to a
// scratch repository, the rule module is compiled, and the commands must print the README's output.
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

function section(heading: string): string {
  const start = README.indexOf(`\n${heading}\n`);
  const end = README.indexOf('\n## ', start + heading.length + 2);
  if (start === -1) throw new Error(`README has no section ${heading}`);
  return README.slice(start, end === -1 ? undefined : end);
}

const BLOCKS = [...section('## Writing your own rules').matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((match) => ({
  lang: match[1] ?? '',
  text: match[2] ?? '',
}));

/** Where each file block goes, in the order the README shows them. */
const FILES = [
  'k8s/shop.yaml',
  '.k8s-bp.yaml',
  'policy/rules/team-env.ts',
  'policy/admission/replica-limit.yaml',
  'policy/gatekeeper/allowed-teams.yaml',
  'policy/gatekeeper/known-teams.yaml',
  'policy/tests/suite.yaml',
  'policy/tests/storefront.yaml',
  'policy/tests/search.yaml',
  'policy/tests/namespace.yaml',
];

function scratchRepository(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'k8s-bp-readme-'));
  const files = BLOCKS.filter((block) => block.lang === 'yaml' || block.lang === 'ts');
  expect(files.map((block) => block.lang)).toHaveLength(FILES.length);
  files.forEach((block, index) => {
    const file = path.join(dir, FILES[index] ?? '');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, block.text);
  });
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(ROOT, path.join(dir, 'node_modules', 'k8s-bp'), 'dir');
  const source = readFileSync(path.join(dir, 'policy/rules/team-env.ts'), 'utf8');
  const compiled = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  writeFileSync(path.join(dir, 'policy/rules/team-env.js'), compiled.outputText);
  return dir;
}

/** The command of a `sh` block and the `text` block after it. */
function commandAndOutput(command: string): { args: string[]; output: string } {
  const index = BLOCKS.findIndex((block) => block.lang === 'sh' && block.text.trim().startsWith(command));
  const output = BLOCKS[index + 1];
  if (index === -1 || output?.lang !== 'text') throw new Error(`README shows no output for ${command}`);
  const args = (BLOCKS[index]?.text.trim() ?? '').split(/\s+/).slice(1);
  return { args, output: output.text };
}

describe('the worked example of Writing your own rules', () => {
  const dir = scratchRepository();

  it('lints k8s/shop.yaml with the rule module, the admission policy and the Gatekeeper CEL template', async () => {
    const { args, output } = commandAndOutput('k8s-bp lint');
    const run = await runCli(args, { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(output);
    expect(run.status).toBe(1);
  });

  it('passes the verify suite of the template and the policy', async () => {
    const { args, output } = commandAndOutput('k8s-bp verify');
    const run = await runCli(args, { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(output);
    expect(run.status).toBe(0);
  });

  it('fails the suite when a case expects what the policy does not do', async () => {
    const suite = path.join(dir, 'policy/tests/suite.yaml');
    writeFileSync(suite, readFileSync(suite, 'utf8').replace('message: at most 5', 'message: at most 6'));
    const run = await runCli(['verify', 'policy/tests/'], { cwd: dir });
    expect(run.stdout).toMatch(/✗ too-many-replicas/);
    expect(run.stdout).toMatch(/Cases: 3 passed, 1 failed/);
    expect(run.status).toBe(1);
  });
});
