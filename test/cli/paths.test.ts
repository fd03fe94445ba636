/**
 * Paths, end to end: symbolic links (loops, links out of the linted directory,
 * broken links), a directory with thousands of files, names with spaces and
 * non-ASCII letters, missing and unreadable paths, and SARIF locations that
 * never carry the machine's absolute paths.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli, tempDir, type CliRun } from '../helpers/cli.js';
import { sarifSchemaErrors } from '../helpers/sarif-schema.js';

interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  message: string;
}
interface JsonReport {
  summary: { files: number; resources: number };
  findings: JsonFinding[];
}
interface SarifLog {
  runs: {
    originalUriBaseIds?: Record<string, unknown>;
    results: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[];
  }[];
}

/** A config with one rule, so that each Pod below gives exactly one finding. */
const CONFIG = 'extends: none\nrules:\n  no-latest-tag: deny\n';
const pod = (name: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${JSON.stringify(name)}\nspec:\n  containers:\n    - name: c\n      image: nginx:latest\n`;

function write(file: string, text: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

async function lintJson(args: string[], cwd: string) {
  const run = await runCli(['lint', '--format', 'json', ...args], { cwd });
  const report = JSON.parse(run.stdout || '{"summary":{},"findings":[]}') as JsonReport;
  return { ...run, report, files: [...new Set(report.findings.map((finding) => finding.file))].sort() };
}

describe('symbolic links', () => {
  // work/.k8s-bp.yaml, work/root/{inside.yaml, sub/, links…}, and outside/ next to root.
  let work = '';
  let outside = '';
  let verbose: CliRun;
  let quiet: CliRun;

  beforeAll(async () => {
    work = tempDir('k8s-bp-links-');
    outside = path.join(tempDir('k8s-bp-outside-'), 'outside');
    write(path.join(work, '.k8s-bp.yaml'), CONFIG);
    write(path.join(work, 'root', 'inside.yaml'), pod('inside'));
    write(path.join(work, 'root', 'sub', 'nested.yaml'), pod('nested'));
    write(path.join(outside, 'secret.yaml'), pod('secret'));
    write(path.join(outside, 'dir', 'in-dir.yaml'), pod('in-dir'));
    symlinkSync('..', path.join(work, 'root', 'sub', 'loop')); // a loop: sub/loop -> root
    symlinkSync(path.join(work, 'root'), path.join(work, 'root', 'sub', 'absolute-loop'));
    symlinkSync('inside.yaml', path.join(work, 'root', 'link-in.yaml'));
    symlinkSync(path.join(outside, 'secret.yaml'), path.join(work, 'root', 'link-out.yaml'));
    symlinkSync(path.join(outside, 'dir'), path.join(work, 'root', 'link-dir'));
    symlinkSync('nowhere.yaml', path.join(work, 'root', 'broken.yaml'));
    verbose = await runCli(['lint', '--verbose', 'root'], { cwd: work });
    quiet = await runCli(['lint', 'root'], { cwd: work });
  });

  const LINTED = ['root/inside.yaml', 'root/link-in.yaml', 'root/sub/nested.yaml'];

  it('walks a directory with a link loop once, follows links inside it, and passes over the others', async () => {
    const run = await lintJson(['--verbose', 'root'], work);
    expect(run.status).toBe(1);
    expect(run.files).toEqual(LINTED);
    expect(run.report.summary.files).toBe(LINTED.length);
  });

  it.each([
    ['root/sub/loop', 'symbolic link to a directory, not followed'],
    ['root/sub/absolute-loop', 'symbolic link to a directory, not followed'],
    ['root/link-dir', 'symbolic link to a directory, not followed'],
    ['root/link-out.yaml', 'symbolic link to a file outside the linted directory, not followed'],
    ['root/broken.yaml', 'broken symbolic link'],
  ])('says with --verbose why %s was passed over', (link, reason) => {
    expect(verbose.stderr).toContain(`k8s-bp: ${link}: ${reason}`);
    expect(quiet.stderr).not.toContain(link);
  });

  it('never echoes what is behind a link that leaves the linted directory', async () => {
    const run = await runCli(['lint', '--format', 'sarif', '--verbose', 'root'], { cwd: work });
    expect(run.stdout + run.stderr).not.toContain('secret');
    expect(run.stdout + run.stderr).not.toContain(outside);
  });

  it('treats links the same way when the files are named by a glob', async () => {
    const run = await lintJson(['root/**/*.yaml'], work);
    expect(run.files).toEqual(LINTED);
  });

  it('lints a link named on the command line, as the user asked for it', async () => {
    const run = await lintJson(['root/link-out.yaml'], work);
    expect(run.files).toEqual(['root/link-out.yaml']);
  });
});

describe('a directory with thousands of files', () => {
  it('lints all 3000, in sorted order', async () => {
    const work = tempDir('k8s-bp-many-');
    write(path.join(work, '.k8s-bp.yaml'), CONFIG);
    for (let index = 0; index < 3000; index++) {
      write(path.join(work, 'many', `pod-${String(index).padStart(4, '0')}.yaml`), pod(`pod-${index}`));
    }
    const started = Date.now();
    // Through --output: the report is larger than what a child's pipe is buffered for here.
    const run = await runCli(['lint', '--format', 'json', '--output', 'report.json', 'many'], { cwd: work });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(run.status).toBe(1);
    const report = JSON.parse(readFileSync(path.join(work, 'report.json'), 'utf8')) as JsonReport;
    expect(report.summary).toMatchObject({ files: 3000, resources: 3000 });
    expect(report.findings.map((finding) => finding.file)).toEqual(
      Array.from({ length: 3000 }, (_, index) => `many/pod-${String(index).padStart(4, '0')}.yaml`),
    );
  });
});

describe('file names with spaces and non-ASCII letters', () => {
  const NAME = 'team räume/pod 名前 #1.yaml';
  let work = '';

  beforeAll(() => {
    work = tempDir('k8s-bp-names-');
    write(path.join(work, '.k8s-bp.yaml'), CONFIG);
    write(path.join(work, 'k8s', NAME), pod('named'));
  });

  it('are named as they are in JSON and in stylish output', async () => {
    const run = await lintJson(['k8s'], work);
    expect(run.report.findings).toEqual([expect.objectContaining({ file: `k8s/${NAME}`, line: 8, column: 7 })]);
    expect((await runCli(['lint', 'k8s'], { cwd: work })).stdout).toMatch(new RegExp(`^k8s/${NAME}$`, 'm'));
  });

  it('are percent-encoded in SARIF URIs, and the log validates', async () => {
    const run = await runCli(['lint', '--format', 'sarif', 'k8s'], { cwd: work });
    const log = JSON.parse(run.stdout) as SarifLog;
    expect(sarifSchemaErrors(log)).toEqual([]);
    const uris = log.runs[0]!.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uris).toEqual(['k8s/team%20r%C3%A4ume/pod%20%E5%90%8D%E5%89%8D%20%231.yaml']);
    expect(decodeURIComponent(uris[0]!)).toBe(`k8s/${NAME}`);
  });
});

describe('paths that do not exist', () => {
  it('stop the run with exit 2 and the path, even next to paths that exist', async () => {
    const work = tempDir();
    write(path.join(work, 'ok.yaml'), pod('ok'));
    const run = await runCli(['lint', 'ok.yaml', 'missing dir/missing.yaml'], { cwd: work });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no such file or directory: missing dir/missing.yaml');
    expect(run.stdout).toBe('');
  });

  it('include a glob that matches nothing', async () => {
    const run = await runCli(['lint', 'nothing-here/**/*.yaml'], { cwd: tempDir() });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no files match the pattern: nothing-here/**/*.yaml');
  });
});

describe('a file that cannot be read', () => {
  // Root reads anything whatever its mode, so as root the CLI runs as "nobody" (when it may).
  const isRoot = process.getuid?.() === 0;
  const canDropToNobody =
    isRoot && spawnSync(process.execPath, [BIN, '--version'], { uid: 65534, gid: 65534 }).status === 0;
  const skip = process.platform === 'win32' || (isRoot && !canDropToNobody);
  if (skip) console.log('skipped "a file that cannot be read": running as root and cannot run the CLI as nobody');

  it.skipIf(skip)('is a parse-error naming the reason, and the other files are still linted', () => {
    const work = tempDir('k8s-bp-unreadable-');
    chmodSync(work, 0o755);
    write(path.join(work, '.k8s-bp.yaml'), CONFIG);
    write(path.join(work, 'a-readable.yaml'), pod('readable'));
    chmodSync(write(path.join(work, 'b-locked.yaml'), pod('locked')), 0o000);
    const result = spawnSync(process.execPath, [BIN, 'lint', '--format', 'json', '.'], {
      cwd: work,
      encoding: 'utf8',
      ...(isRoot && { uid: 65534, gid: 65534 }),
    });
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.findings.map((finding) => [finding.file, finding.ruleId, finding.line, finding.column])).toEqual([
      ['a-readable.yaml', 'no-latest-tag', 8, 7],
      ['b-locked.yaml', 'parse-error', 1, 1],
    ]);
    expect(report.findings[1]!.message).toContain('EACCES');
    expect(result.status).toBe(1);
  });
});

describe('SARIF locations', () => {
  let work = '';
  let elsewhere = '';

  beforeAll(() => {
    const parent = tempDir('k8s-bp-sarif-paths-');
    work = path.join(parent, 'repo');
    elsewhere = path.join(parent, 'elsewhere');
    write(path.join(work, '.k8s-bp.yaml'), CONFIG);
    write(path.join(work, 'deploy', 'in-repo.yaml'), pod('in-repo'));
    write(path.join(elsewhere, 'outside.yaml'), pod('outside'));
  });

  const sarifOf = async (args: string[], cwd: string) => {
    const run = await runCli(['lint', '--format', 'sarif', ...args], { cwd });
    return { text: run.stdout, log: JSON.parse(run.stdout) as SarifLog };
  };
  const urisOf = (log: SarifLog) =>
    log.runs[0]!.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation.uri);

  it('are relative to the repository root for a file named by its absolute path', async () => {
    const { text, log } = await sarifOf([path.join(work, 'deploy', 'in-repo.yaml')], work);
    expect(urisOf(log)).toEqual(['deploy/in-repo.yaml']);
    expect(text).not.toContain(work);
    expect(text).not.toContain('file:');
  });

  it('keep ../ steps for files outside the repository, and no absolute path anywhere', async () => {
    for (const args of [['../elsewhere/outside.yaml'], [path.join(elsewhere, 'outside.yaml')]]) {
      const { text, log } = await sarifOf(args, work);
      expect(sarifSchemaErrors(log)).toEqual([]);
      expect(urisOf(log)).toEqual(['../elsewhere/outside.yaml']);
      expect(text).not.toContain(elsewhere);
      expect(text).not.toContain(path.dirname(work));
      expect(text).not.toContain('file:');
    }
  });

  it('are relative for standard input and for a run in a subdirectory', async () => {
    const stdin = await sarifOf(['-', '../deploy/in-repo.yaml'], path.join(work, 'deploy'));
    expect(stdin.text).not.toContain(work);
    const direct = await runCli(['lint', '--format', 'sarif', '-'], {
      cwd: work,
      input: readFileSync(path.join(work, 'deploy', 'in-repo.yaml'), 'utf8'),
    });
    expect(urisOf(JSON.parse(direct.stdout) as SarifLog)).toEqual(['%3Cstdin%3E']);
    expect(direct.stdout).not.toContain(ROOT);
  });
});
