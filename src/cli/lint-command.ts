import { reportExtras } from '../report/adoption.js';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ParseArgsConfig } from 'node:util';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;
import { loadingIn } from '../load/parse.js';
import { parseSize } from '../load/read.js';
import { sarifLinks } from '../report/links.js';
import { escapeForTerminal } from '../report/terminal.js';
import { UsageError } from '../model/errors.js';
import { lint, type LintResult } from '../lint.js';
import { formatJson } from '../report/json.js';
import { formatStylish } from '../report/stylish.js';
import { countFindings } from '../report/summary.js';
import { shouldColour } from '../report/terminal.js';
import { ADOPT_LINT_OPTIONS, adoptOptions, saveBaseline } from './adopt-options.js';
import type { Rule } from '../model/types.js';
import { parseOptions } from './args.js';
import { LINT_HELP } from './help.js';
import { packageVersion } from '../report/package-version.js';

const FORMATS = ['stylish', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export const LINT_OPTIONS = {
  format: { type: 'string', short: 'f', default: 'stylish' },
  output: { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  rule: { type: 'string', multiple: true, default: [] as string[] },
  disable: { type: 'string', multiple: true, default: [] as string[] },
  exclude: { type: 'string', multiple: true, default: [] as string[] },
  namespace: { type: 'string', short: 'n' },
  'namespaces-complete': { type: 'boolean', default: false },
  constraints: { type: 'string', multiple: true, default: [] as string[] },
  'strict-constraints': { type: 'boolean', default: false },
  policies: { type: 'string', multiple: true, default: [] as string[] },
  inventory: { type: 'string', multiple: true, default: [] as string[] },
  'kubernetes-version': { type: 'string' },
  'kustomize-binary': { type: 'string' },
  'kustomize-entry': { type: 'string', multiple: true, default: [] as string[] },
  'include-policy-manifests': { type: 'boolean', default: false },
  'max-warnings': { type: 'string' },
  'max-file-size': { type: 'string' },
  verbose: { type: 'boolean', default: false },
  quiet: { type: 'boolean', short: 'q', default: false },
  ...ADOPT_LINT_OPTIONS,
  help: { type: 'boolean', short: 'h', default: false },
} satisfies ParseArgsOptionsConfig;

/** Where the command writes; the CLI passes the process streams, tests may pass others. */
export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  /** Standard input as bytes, so that text that is not UTF-8 is reported rather than silently replaced. */
  readStdin(): Promise<string | Uint8Array>;
}

/** `k8s-bp lint`: returns the exit code. */
export async function runLint(args: readonly string[], io: Io, catalogue: readonly Rule[]): Promise<number> {
  const { values, positionals } = parseOptions(args, LINT_OPTIONS);
  if (values.help) {
    io.stdout.write(LINT_HELP);
    return 0;
  }
  const format = checkFormat(values.format);
  const maxWarnings = parseMaxWarnings(values['max-warnings']);
  if (positionals.length === 0)
    throw new UsageError('no paths given; try k8s-bp lint . or k8s-bp lint --help', 'NO_PATHS');
  const result = await loadingIn(io.env, () =>
    lint(
      {
        paths: positionals,
        cwd: io.cwd,
        exclude: values.exclude,
        enable: values.rule,
        disable: values.disable,
        namespacesComplete: values['namespaces-complete'],
        constraints: values.constraints,
        strictConstraints: values['strict-constraints'],
        includePolicyManifests: values['include-policy-manifests'],
        policies: values.policies,
        inventory: values.inventory,
        kustomizeEntries: values['kustomize-entry'],
        ...(values['kubernetes-version'] !== undefined && { kubernetesVersion: values['kubernetes-version'] }),
        ...(values['kustomize-binary'] !== undefined && { kustomizeBinary: values['kustomize-binary'] }),
        env: io.env,
        ...(values['max-file-size'] !== undefined && { maxFileSize: parseMaxFileSize(values['max-file-size']) }),
        adopt: adoptOptions(values),
        readStdin: io.readStdin,
        ...(values.config !== undefined && { configFile: values.config }),
        ...(values.namespace !== undefined && { namespace: values.namespace }),
      },
      catalogue,
    ),
  );
  if (values.verbose) writeNotes(result, io);
  if (result.resources === 0) {
    const files = result.files === 1 ? 'the file' : `the ${result.files} files`;
    const why = values.verbose ? '' : '; --verbose says what was passed over';
    io.stderr.write(`k8s-bp: no Kubernetes objects found in ${files} linted${why}\n`);
  }
  const pruned = await saveBaseline(result, values, packageVersion(), (line) => io.stderr.write(`k8s-bp: ${line}\n`));
  // --quiet leaves warnings and notes out of the report; they still count for --max-warnings.
  const reported = values.quiet ? { ...result, findings: result.findings.filter(isError) } : result;
  const report = await render(format, reported, io, values.output === undefined, {
    ...reportExtras(result, pruned),
    showSuppressed: values['show-suppressed'],
  });
  if (values.output === undefined) io.stdout.write(report);
  else await writeFile(path.resolve(io.cwd, values.output), report);
  const counts = countFindings(result.findings);
  return counts.errors > 0 || (maxWarnings !== undefined && counts.warnings > maxWarnings) ? 1 : 0;
}

function isError(finding: LintResult['findings'][number]): boolean {
  return finding.severity === 'error';
}

function parseMaxFileSize(text: string): number {
  const size = parseSize(text);
  if (size === undefined) {
    throw new UsageError(`--max-file-size must be a size such as 20M, 512k or 1048576, not "${text}"`, 'BAD_ARGUMENTS');
  }
  return size;
}

async function render(
  format: Format,
  result: LintResult,
  io: Io,
  toTerminal: boolean,
  extras: ReturnType<typeof reportExtras> & { showSuppressed: boolean },
): Promise<string> {
  const version = packageVersion();
  const scope = { files: result.files, resources: result.resources };
  const { showSuppressed, ...adopted } = extras;
  if (format === 'json') return formatJson(result.findings, { toolVersion: version, ...scope, ...adopted });
  if (format === 'sarif') {
    // SARIF's writer (and the hashing behind its fingerprints) loads only for SARIF runs.
    const { formatSarif } = await import('../report/sarif.js');
    const options = { ...sarifLinks(version), rootDir: io.cwd, cwd: io.cwd, ...adopted };
    return formatSarif(result.findings, result.rules, options);
  }
  const baseline = adopted.baseline && {
    file: adopted.baseline.file,
    fixed: adopted.baseline.pruned ? 0 : adopted.baseline.fixed,
  };
  return formatStylish(result.findings, {
    colour: toTerminal && shouldColour(io.stdout, io.env),
    ...scope,
    showSuppressed,
    ...(baseline !== undefined && { baseline }),
    ...(adopted.changedSince !== undefined && { changedSince: adopted.changedSince }),
  });
}

function writeNotes(result: LintResult, io: Io): void {
  if (result.configFile) io.stderr.write(`k8s-bp: using config ${result.configFile}\n`);
  else io.stderr.write('k8s-bp: no .k8s-bp.yaml found; using the recommended rules\n');
  // Notes quote file names and manifest values: no control character may reach the terminal.
  for (const note of result.notes) io.stderr.write(`k8s-bp: ${escapeForTerminal(note)}\n`);
}

function checkFormat(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new UsageError(`unknown format "${value}"; use one of ${FORMATS.join(', ')}`, 'UNKNOWN_FORMAT');
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value))
    throw new UsageError(`--max-warnings takes a whole number, not "${value}"`, 'BAD_ARGUMENTS');
  return Number(value);
}
