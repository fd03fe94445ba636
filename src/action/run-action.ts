import { reportExtras } from '../report/adoption.js';
import { sarifLinks } from '../report/links.js';
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as core from '@actions/core';
import { escapeForTerminal } from '../report/terminal.js';
import { packageVersion } from '../report/package-version.js';
import type { Finding, Rule } from '../model/types.js';
import { UsageError } from '../model/errors.js';
import { lint, type LintResult } from '../lint.js';
import { formatJson } from '../report/json.js';
import { formatSarif } from '../report/sarif.js';
import { formatStylish } from '../report/stylish.js';
import { countFindings, isActive, plural, type Counts } from '../report/summary.js';
import { shouldColour } from '../report/terminal.js';
import { readInputs, type ActionInputs, type FailOn } from './inputs.js';
import { renderSummary } from './job-summary.js';
import { relativePosix } from '../util/posix-path.js';

/** Where the run happens: the repository checkout and the directory that inputs are relative to. */
interface Place {
  workspace: string;
  cwd: string;
}

/** The Action: lint, report to the log, annotations, SARIF and the job summary, then pass or fail the step. */
export async function run(catalogue: readonly Rule[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const inputs = readInputs((name) => core.getInput(name));
    const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd());
    const place = { workspace, cwd: path.resolve(workspace, inputs.workingDirectory) };
    const changedSince = inputs.onlyChanged ? pullRequestBase(env) : undefined;
    const result = await lint(
      {
        paths: inputs.paths,
        cwd: place.cwd,
        exclude: inputs.exclude,
        enable: [],
        disable: [],
        constraints: inputs.constraints,
        policies: inputs.policies,
        inventory: inputs.inventory,
        ...(inputs.kubernetesVersion !== undefined && { kubernetesVersion: inputs.kubernetesVersion }),
        ...(inputs.kustomizeBinary !== undefined && { kustomizeBinary: inputs.kustomizeBinary }),
        readStdin: () => Promise.resolve(''),
        ...(inputs.config !== undefined && { configFile: inputs.config }),
        adopt: {
          ...(inputs.baseline !== undefined && { baseline: inputs.baseline }),
          ...(changedSince !== undefined && { changedSince }),
        },
      },
      catalogue,
    );
    await report(result, inputs, place, env);
    const reason = failureReason(countFindings(result.findings), inputs.failOn);
    if (reason !== undefined) core.setFailed(reason);
  } catch (error) {
    core.setFailed(failureMessage(error));
  }
}

/**
 * What `only-changed` compares against: the pull request's base branch as
 * fetched from origin (actions/checkout needs `fetch-depth: 0` for it). Other
 * events have no base, so everything counts.
 */
function pullRequestBase(env: NodeJS.ProcessEnv): string | undefined {
  const base = env.GITHUB_BASE_REF;
  if (base) return `origin/${base}`;
  core.notice('only-changed: this run is not for a pull request, so every finding counts');
  return undefined;
}

async function report(result: LintResult, inputs: ActionInputs, place: Place, env: NodeJS.ProcessEnv): Promise<void> {
  const counts = countFindings(result.findings);
  const displayPath = (file: string) => repositoryPath(file, place);
  writeLog(renderLog(inputs.format, result, place, env));
  const sarifFile = inputs.sarifFile === '' ? undefined : path.resolve(place.cwd, inputs.sarifFile);
  if (sarifFile !== undefined) {
    await mkdir(path.dirname(sarifFile), { recursive: true });
    await writeFile(sarifFile, renderSarif(result, place));
  }
  if (inputs.annotations) annotate(result.findings.filter(isActive), displayPath);
  core.setOutput('errors', counts.errors);
  core.setOutput('warnings', counts.warnings);
  core.setOutput('sarif-file', sarifFile ?? '');
  if (env.GITHUB_STEP_SUMMARY) {
    const shownSarif = sarifFile === undefined ? undefined : displayPath(sarifFile);
    const markdown = renderSummary({ ...result, displayPath, sarifFile: shownSarif });
    await core.summary.addRaw(markdown).write();
  }
}

function renderLog(format: ActionInputs['format'], result: LintResult, place: Place, env: NodeJS.ProcessEnv): string {
  const scope = { files: result.files, resources: result.resources };
  const extras = reportExtras(result, false);
  if (format === 'json') return formatJson(result.findings, { toolVersion: packageVersion(), ...scope, ...extras });
  if (format === 'sarif') return renderSarif(result, place);
  // GitHub's log viewer renders ANSI colours although standard output is not a terminal.
  return formatStylish(result.findings, {
    colour: shouldColour({ isTTY: true }, env),
    ...scope,
    ...(extras.baseline !== undefined && { baseline: extras.baseline }),
    ...(extras.changedSince !== undefined && { changedSince: extras.changedSince }),
  });
}

/** SARIF with URIs relative to the repository root, as code scanning expects. */
function renderSarif(result: LintResult, place: Place): string {
  const options = {
    ...sarifLinks(packageVersion()),
    rootDir: place.workspace,
    cwd: place.cwd,
    ...reportExtras(result, false),
  };
  return formatSarif(result.findings, result.rules, options);
}

/**
 * Writes the report with workflow commands switched off around it: a file
 * name or message that starts a line with `::` must not become a command.
 */
function writeLog(text: string): void {
  const token = randomUUID();
  process.stdout.write(`::stop-commands::${token}\n${text}${text.endsWith('\n') ? '' : '\n'}::${token}::\n`);
}

/** One annotation per finding, on the file and position, titled with the rule id. */
function annotate(findings: readonly Finding[], displayPath: (file: string) => string): void {
  for (const finding of findings) {
    const properties: core.AnnotationProperties = {
      title: finding.ruleId,
      file: displayPath(finding.file),
      startLine: finding.line,
      startColumn: finding.column,
    };
    // GitHub takes an end column only on a one-line range.
    if (finding.endLine === finding.line && finding.endColumn > finding.column) {
      properties.endLine = finding.endLine;
      properties.endColumn = finding.endColumn;
    }
    // The runner prints annotations into the job log: no control character from a manifest may reach it.
    const message = escapeForTerminal(finding.message);
    if (finding.severity === 'error') core.error(message, properties);
    else if (finding.severity === 'warning') core.warning(message, properties);
    else core.notice(message, properties);
  }
}

/** A finding's file (relative to the working directory) as a POSIX path relative to the repository root. */
function repositoryPath(file: string, place: Place): string {
  return relativePosix(place.workspace, place.cwd, file);
}

/** The one-line reason the step fails, or undefined when it passes under `fail-on`. */
export function failureReason(counts: Pick<Counts, 'errors' | 'warnings'>, failOn: FailOn): string | undefined {
  if (failOn === 'never') return undefined;
  if (counts.errors > 0) {
    const also = failOn === 'warning' && counts.warnings > 0 ? ` and ${plural(counts.warnings, 'warning')}` : '';
    return `k8s-bp found ${plural(counts.errors, 'error')}${also} (fail-on: ${failOn})`;
  }
  if (failOn === 'warning' && counts.warnings > 0) {
    return `k8s-bp found ${plural(counts.warnings, 'warning')} (fail-on: warning)`;
  }
  return undefined;
}

function failureMessage(error: unknown): string {
  if (error instanceof UsageError) return `k8s-bp: ${firstLine(error.message)}`;
  if (error instanceof Error && error.stack !== undefined) core.debug(error.stack);
  const message = error instanceof Error ? error.message : String(error);
  return `k8s-bp: internal error: ${firstLine(message)}`;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
