/**
 * Bad input, end to end: one run of the CLI over fixtures/bad-input/ (one small
 * file per case) and a file above the size limit generated at test time. Each
 * file must give its own finding, with the place, and every other file must
 * still be linted.
 *
 * Error codes of `yaml` that parseAllDocuments cannot produce on a file, and so
 * have no fixture: IMPOSSIBLE (an internal error), MULTIPLE_DOCS (parseDocument
 * only), NON_STRING_KEY (only with the stringKeys option), BAD_PROP_ORDER and
 * BAD_COLLECTION_TYPE (unreachable from text in yaml 2.9: the tag problem comes
 * out as the TAG_RESOLVE_FAILED warning, and the node keeps its value).
 */
import { readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir, type CliRun } from '../helpers/cli.js';
import { sarifSchemaErrors } from '../helpers/sarif-schema.js';

interface JsonFinding {
  ruleId: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  path: string;
  object?: { kind: string; name?: string };
}
interface JsonReport {
  summary: { files: number; resources: number; errors: number; warnings: number };
  findings: JsonFinding[];
}

const DIR = 'fixtures/bad-input';
/** Every fixture is below this, so that only the generated file is too large. */
const MAX_FILE_SIZE = '32k';

interface Expected {
  ruleId: string;
  line: number;
  /** Left out where the position depends on the machine (how deep the stack goes). */
  column?: number;
  /** A fragment of the message. */
  message: string;
  severity?: string;
  path?: string;
}

interface Case {
  file: string;
  /** `exactly`: the file gives these findings and no others; `includes`: at least these. */
  exactly?: Expected[];
  includes?: Expected[];
  /** Finding ids the file must not give. */
  never?: string[];
}

const parseError = (line: number, column: number, message: string): Expected => ({
  ruleId: 'parse-error',
  severity: 'error',
  line,
  column,
  message,
});
const latestTag = (line: number, column: number): Expected => ({
  ruleId: 'no-latest-tag',
  line,
  column,
  message: 'with the tag "latest"',
});
/** What a manifest that loads, however oddly, must never give. */
const LOAD_FAILURES = ['parse-error', 'rule-error', 'file-too-large'];

const CASES: Case[] = [
  // YAML syntax: one file per error code that `yaml` reports on a file.
  { file: 'syntax-alias-props.yaml', exactly: [parseError(7, 17, '(ALIAS_PROPS)')] },
  { file: 'syntax-empty-alias.yaml', exactly: [parseError(6, 8, 'Alias cannot be an empty string (BAD_ALIAS)')] },
  { file: 'syntax-bad-directive.yaml', exactly: [parseError(1, 1, '(BAD_DIRECTIVE)')] },
  { file: 'syntax-bad-escape.yaml', exactly: [parseError(6, 12, 'Invalid escape sequence \\q (BAD_DQ_ESCAPE)')] },
  { file: 'syntax-bad-indent.yaml', exactly: [parseError(5, 1, '(BAD_INDENT)')] },
  { file: 'syntax-reserved-character.yaml', exactly: [parseError(4, 9, 'reserved character @ (BAD_SCALAR_START)')] },
  { file: 'syntax-compact-mapping.yaml', exactly: [parseError(3, 11, '(BLOCK_AS_IMPLICIT_KEY)')] },
  { file: 'syntax-block-in-flow.yaml', exactly: [parseError(5, 5, '(BLOCK_IN_FLOW)')] },
  { file: 'syntax-long-key.yaml', exactly: [parseError(4, 3, '(KEY_OVER_1024_CHARS)')] },
  { file: 'syntax-missing-document-start.yaml', exactly: [parseError(2, 1, '(MISSING_CHAR)')] },
  { file: 'syntax-unterminated-string.yaml', exactly: [parseError(5, 1, 'Missing closing "quote (MISSING_CHAR)')] },
  { file: 'syntax-unterminated-flow.yaml', exactly: [parseError(4, 34, 'end with a ]')] },
  { file: 'syntax-multiline-key.yaml', exactly: [parseError(3, 1, '(MULTILINE_IMPLICIT_KEY)')] },
  { file: 'syntax-two-anchors.yaml', exactly: [parseError(4, 14, '(MULTIPLE_ANCHORS)')] },
  { file: 'syntax-two-tags.yaml', exactly: [parseError(4, 15, '(MULTIPLE_TAGS)')] },
  {
    file: 'syntax-tab-indent.yaml',
    exactly: [parseError(4, 1, 'Tabs are not allowed as indentation (TAB_AS_INDENT)')],
  },
  { file: 'syntax-stray-bracket.yaml', exactly: [parseError(3, 1, '(UNEXPECTED_TOKEN)')] },
  // A custom tag: Kubernetes keeps the text as a string, and so does k8s-bp, without a word.
  { file: 'unknown-tag.yaml', exactly: [] },
  // Positions stay right with CRLF line endings and after a byte-order mark.
  { file: 'crlf-syntax-error.yaml', exactly: [parseError(5, 1, '(TAB_AS_INDENT)')] },
  { file: 'crlf.yaml', includes: [latestTag(8, 7)], never: LOAD_FAILURES },
  { file: 'byte-order-mark.yaml', includes: [latestTag(8, 7)], never: LOAD_FAILURES },
  {
    file: 'byte-order-mark-first-line.yaml',
    exactly: [{ ruleId: 'invalid-resource', line: 1, column: 1, message: 'no apiVersion' }],
  },
  // A duplicate key is reported, and the document is checked with the value that counts (the last one, line 10).
  {
    file: 'duplicate-key.yaml',
    includes: [
      { ruleId: 'duplicate-key', severity: 'error', line: 10, column: 7, message: 'only the last value counts' },
      latestTag(10, 7),
    ],
    never: LOAD_FAILURES,
  },
  // Resource exhaustion: bounded, reported once, never a hang or a crash.
  { file: 'collection-key.yaml', exactly: [parseError(7, 5, 'a mapping or list used as a key cannot be decoded')] },
  { file: 'alias-bomb.yaml', exactly: [parseError(1, 1, 'more than 1000 aliases')] },
  { file: 'alias-undefined.yaml', exactly: [parseError(6, 8, 'unknown anchor "nowhere"')] },
  {
    file: 'deep-nesting.yaml',
    exactly: [{ ruleId: 'parse-error', severity: 'error', line: 4, message: 'nesting is too deep' }],
  },
  // Bytes that are not UTF-8 text.
  { file: 'latin1.yaml', exactly: [parseError(6, 16, 'not valid UTF-8: byte 0xE9')] },
  { file: 'utf16.yaml', exactly: [parseError(1, 1, 'UTF-16')] },
  { file: 'binary.yaml', exactly: [parseError(3, 1, 'binary file')] },
  // Nothing to lint is fine.
  { file: 'empty.yaml', exactly: [] },
  { file: 'comments-only.yaml', exactly: [] },
  { file: 'empty-documents.yaml', exactly: [] },
  // Documents that are not objects, or objects that cannot be Kubernetes objects.
  // A lone string is not a manifest (passed over, --verbose says so); a list of objects meant to be applied is reported.
  { file: 'scalar-document.yaml', exactly: [] },
  {
    file: 'sequence-document.yaml',
    exactly: [
      { ruleId: 'invalid-resource', line: 1, column: 1, message: 'the document is a sequence of objects', path: '' },
    ],
  },
  {
    file: 'kind-not-string.yaml',
    exactly: [
      {
        ruleId: 'invalid-resource',
        severity: 'error',
        line: 2,
        column: 1,
        message: 'kind must be a string',
        path: 'kind',
      },
    ],
  },
  {
    file: 'api-version-not-string.yaml',
    exactly: [
      {
        ruleId: 'invalid-resource',
        severity: 'error',
        line: 1,
        column: 1,
        message: 'apiVersion must be a string',
        path: 'apiVersion',
      },
    ],
  },
  {
    file: 'kind-without-api-version.yaml',
    exactly: [{ ruleId: 'invalid-resource', severity: 'error', line: 1, column: 1, message: 'no apiVersion' }],
  },
  {
    file: 'api-version-without-kind.yaml',
    exactly: [{ ruleId: 'invalid-resource', severity: 'error', line: 1, column: 1, message: 'no kind' }],
  },
  // Fields of the wrong type: one finding naming the field, and the other rules still run on the resource.
  {
    file: 'containers-as-map.yaml',
    includes: [
      {
        ruleId: 'invalid-resource',
        severity: 'error',
        line: 14,
        column: 7,
        message: 'spec.template.spec.containers must be a list, not a mapping',
        path: 'spec.template.spec.containers',
      },
      { ruleId: 'dedicated-service-account', line: 13, column: 5, message: 'sets no serviceAccountName' },
    ],
    never: LOAD_FAILURES,
  },
  {
    file: 'image-number.yaml',
    includes: [
      {
        ruleId: 'invalid-resource',
        line: 9,
        column: 7,
        message: 'spec.containers[0].image must be a string, not the number 5; quote it: "5"',
        path: 'spec.containers[0].image',
      },
      { ruleId: 'container-limits', line: 8, column: 7, message: 'container "web" sets no resource limits' },
    ],
    never: LOAD_FAILURES,
  },
  {
    file: 'replicas-string.yaml',
    includes: [
      {
        ruleId: 'invalid-resource',
        line: 7,
        column: 3,
        message: 'spec.replicas must be an integer, not a string ("3")',
        path: 'spec.replicas',
      },
      latestTag(16, 11),
    ],
    never: LOAD_FAILURES,
  },
  {
    file: 'labels-not-strings.yaml',
    includes: [
      {
        ruleId: 'invalid-resource',
        line: 7,
        column: 5,
        message: 'metadata.labels.version must be a string, but Kubernetes reads the unquoted 1.0 as the number 1',
        path: 'metadata.labels.version',
      },
      {
        ruleId: 'invalid-resource',
        line: 8,
        column: 5,
        message: 'metadata.labels.enabled must be a string, not the boolean true; quote it: "true"',
        path: 'metadata.labels.enabled',
      },
    ],
    never: LOAD_FAILURES,
  },
  {
    file: 'list-item-wrong-type.yaml',
    includes: [
      {
        ruleId: 'invalid-resource',
        line: 13,
        column: 26,
        message: 'args[1] must be a string, not the number 8080',
        path: 'items[0].spec.containers[0].args[1]',
      },
      latestTag(12, 11),
    ],
    never: LOAD_FAILURES,
  },
  // The API server refuses containers that share a name; rules keyed by name would only see one.
  {
    file: 'duplicate-container-name.yaml',
    includes: [
      {
        ruleId: 'invalid-resource',
        line: 9,
        column: 11,
        message:
          'spec.template.spec.initContainers[0].name repeats the container name "setup" of spec.template.spec.containers[1].name',
        path: 'spec.template.spec.initContainers[0].name',
      },
    ],
    never: LOAD_FAILURES,
  },
  // Control sequences in values: reported like any value (the terminal test below checks they are escaped).
  { file: 'terminal-escapes.yaml', includes: [latestTag(9, 7)], never: LOAD_FAILURES },
  // Kinds and groups such as `constructor` or `__proto__`: objects like any other, not a crash.
  { file: 'kinds-named-like-object-members.yaml', never: [...LOAD_FAILURES, 'invalid-resource', 'rule-error'] },
  // A well-formed manifest next to all of the above is linted as usual.
  { file: 'well-formed.yaml', includes: [latestTag(9, 7)], never: [...LOAD_FAILURES, 'invalid-resource'] },
];

/** A file of `bytes` bytes of valid YAML (a ConfigMap padded with comment lines). */
function largeManifest(bytes: number): string {
  const head = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: large\n';
  const line = `# ${'x'.repeat(77)}\n`;
  const body = line.repeat(Math.ceil((bytes - head.length) / line.length));
  return (head + body).slice(0, bytes - 1) + '\n';
}

let run: CliRun;
let report: JsonReport;
let tooLarge = '';

beforeAll(async () => {
  tooLarge = path.join(tempDir('k8s-bp-too-large-'), 'too-large.yaml');
  writeFileSync(tooLarge, largeManifest(40 * 1024));
  run = await runCli(['lint', '--format', 'json', '--max-file-size', MAX_FILE_SIZE, DIR, tooLarge]);
  report = JSON.parse(run.stdout) as JsonReport;
});

const findingsOf = (file: string) => report.findings.filter((finding) => finding.file === `${DIR}/${file}`);
const matches = (finding: JsonFinding, expected: Expected) =>
  finding.ruleId === expected.ruleId &&
  finding.line === expected.line &&
  (expected.column === undefined || finding.column === expected.column) &&
  finding.message.includes(expected.message) &&
  (expected.severity === undefined || finding.severity === expected.severity) &&
  (expected.path === undefined || finding.path === expected.path);
const show = (findings: readonly JsonFinding[]) =>
  findings.map((f) => `${f.ruleId} ${f.line}:${f.column} path=${JSON.stringify(f.path)} ${f.message}`).join('\n');

describe(`k8s-bp lint ${DIR}/ (one run, every case)`, () => {
  it('finishes with exit 1 (there are errors), a JSON report and no crash', () => {
    expect(run.stderr).not.toContain('internal error');
    // Nothing but k8s-bp's own lines: no warning of a library (such as yaml's about keys that are collections).
    expect(run.stderr.split('\n').filter((line) => line !== '' && !line.startsWith('k8s-bp: '))).toEqual([]);
    expect(run.status).toBe(1);
    expect(report.summary.files).toBe(readdirSync(path.join(ROOT, DIR)).length + 1);
  });

  it('has a case for every fixture', () => {
    expect(readdirSync(path.join(ROOT, DIR)).sort()).toEqual(CASES.map((entry) => entry.file).sort());
  });

  it.each(CASES.map((entry) => [entry.file, entry] as const))('%s', (file, expected) => {
    const found = findingsOf(file);
    if (expected.exactly) {
      expect(found, show(found)).toHaveLength(expected.exactly.length);
      for (const each of expected.exactly)
        expect(
          found.some((finding) => matches(finding, each)),
          show(found),
        ).toBe(true);
    }
    for (const each of expected.includes ?? []) {
      expect(
        found.some((finding) => matches(finding, each)),
        `${JSON.stringify(each)} not among\n${show(found)}`,
      ).toBe(true);
    }
    for (const id of expected.never ?? []) expect(found.filter((finding) => finding.ruleId === id)).toEqual([]);
  });

  it('reports a file above --max-file-size without reading it, and lints the rest', () => {
    const found = report.findings.filter((finding) => finding.file === tooLarge);
    expect(found).toEqual([
      expect.objectContaining({
        ruleId: 'file-too-large',
        severity: 'error',
        line: 1,
        column: 1,
        message: expect.stringContaining('40 kB, above the 32 kB limit') as unknown,
      }),
    ]);
  });

  it('points every finding inside its file', () => {
    for (const finding of report.findings) {
      const file = finding.file === tooLarge ? tooLarge : path.join(ROOT, finding.file);
      const lines = readFileSync(file, 'latin1').split('\n').length;
      const where = `${finding.file} ${finding.ruleId} ${finding.line}:${finding.column}`;
      expect(finding.line, where).toBeGreaterThanOrEqual(1);
      expect(finding.line, where).toBeLessThanOrEqual(lines);
      expect(finding.column, where).toBeGreaterThanOrEqual(1);
      expect(finding.endLine, where).toBeGreaterThanOrEqual(finding.line);
    }
  });

  it('gives the same findings as SARIF that validates against the schema', async () => {
    const sarif = await runCli(['lint', '--format', 'sarif', '--max-file-size', MAX_FILE_SIZE, DIR]);
    const log = JSON.parse(sarif.stdout) as { runs: { results: unknown[] }[] };
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(log.runs[0]?.results).toHaveLength(report.findings.filter((finding) => finding.file !== tooLarge).length);
  });
});

// C0 and C1 control characters other than line feed: none may reach the terminal from a manifest.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('control sequences in manifest values', () => {
  it('are escaped in stylish output, and in what --verbose says on standard error', async () => {
    const stylish = await runCli(['lint', '--verbose', `${DIR}/terminal-escapes.yaml`]);
    expect(stylish.status).toBe(1);
    expect(stylish.stdout).toContain('container "web\\u001b[2J\\u001b[H" in Pod "pod\\u001b[31mred');
    expect(stylish.stdout).not.toMatch(CONTROL);
    // The List's kind, echoed in the note on its skipped item.
    expect(stylish.stderr).toContain('Evil');
    expect(stylish.stderr, JSON.stringify(stylish.stderr)).not.toMatch(CONTROL);
  });
});

describe('--max-file-size', () => {
  it('defaults to 20 MB: a larger file is a finding, not read and not a crash', async () => {
    const dir = tempDir();
    const big = path.join(dir, 'big.yaml');
    // Sparse: 20 MB + 1 byte of NULs, which would be a "binary file" finding if it were read.
    writeFileSync(big, '');
    truncateSync(big, 20 * 1024 * 1024 + 1);
    writeFileSync(path.join(dir, 'ok.yaml'), readFileSync(path.join(ROOT, DIR, 'well-formed.yaml')));
    const result = await runCli(['lint', '--format', 'json', '.'], { cwd: dir });
    expect(result.status).toBe(1);
    const findings = (JSON.parse(result.stdout) as JsonReport).findings;
    expect(findings.filter((finding) => finding.file === 'big.yaml')).toEqual([
      expect.objectContaining({
        ruleId: 'file-too-large',
        line: 1,
        column: 1,
        message: expect.stringContaining('above the 20 MB limit') as unknown,
      }),
    ]);
    expect(findings.some((finding) => finding.file === 'ok.yaml' && finding.ruleId === 'no-latest-tag')).toBe(true);
  });

  it('takes a file of exactly the limit and reports one byte more', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'at-limit.yaml'), largeManifest(1024));
    writeFileSync(path.join(dir, 'over-limit.yaml'), largeManifest(1025));
    const result = await runCli(['lint', '--format', 'json', '--max-file-size', '1k', '.'], { cwd: dir });
    const findings = (JSON.parse(result.stdout) as JsonReport).findings;
    expect(findings.map((finding) => [finding.file, finding.ruleId])).toEqual([['over-limit.yaml', 'file-too-large']]);
    expect(result.status).toBe(1);
  });

  it('rejects a value that is not a size with exit 2', async () => {
    const result = await runCli(['lint', '--max-file-size', 'lots', `${DIR}/well-formed.yaml`]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--max-file-size');
    expect(result.stderr).toContain('"lots"');
  });
});

describe('standard input', () => {
  const lintStdin = async (input: Buffer) => {
    const result = await runCli(['lint', '--format', 'json', '-'], { input });
    return { status: result.status, report: JSON.parse(result.stdout) as JsonReport };
  };

  it('reports bytes that are not UTF-8 with their place, as for a file', async () => {
    const { status, report: stdin } = await lintStdin(readFileSync(path.join(ROOT, DIR, 'latin1.yaml')));
    expect(stdin.findings).toEqual([
      expect.objectContaining({ ruleId: 'parse-error', file: '<stdin>', line: 6, column: 16 }),
    ]);
    expect(status).toBe(1);
  });

  it('reports binary input', async () => {
    const { report: stdin } = await lintStdin(readFileSync(path.join(ROOT, DIR, 'binary.yaml')));
    expect(stdin.findings).toEqual([
      expect.objectContaining({ ruleId: 'parse-error', file: '<stdin>', message: expect.stringContaining('binary') }),
    ]);
  });
});
