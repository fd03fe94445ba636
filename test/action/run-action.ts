import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT, tempDir } from '../helpers/cli.js';

/** The bundled entry that action.yml names. */
export const ACTION_ENTRY = path.join(ROOT, 'dist', 'action.js');

interface ActionManifest {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string };
}

export function actionManifest(): ActionManifest {
  return parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionManifest;
}

export interface ActionRun {
  status: number;
  stdout: string;
  stderr: string;
  /** What the step set with core.setOutput, parsed from the GITHUB_OUTPUT file. */
  outputs: Record<string, string>;
  /** The job summary Markdown, from the GITHUB_STEP_SUMMARY file. */
  summary: string;
}

/**
 * Runs dist/action.js as the runner does: every input from action.yml as an
 * `INPUT_*` variable, with its default unless given in `inputs`, the working
 * directory at GITHUB_WORKSPACE, and fresh output and summary files.
 */
export function runAction(
  workspace: string,
  inputs: Record<string, string> = {},
  extraEnv: Record<string, string> = { NO_COLOR: '1' },
): ActionRun {
  const files = tempDir('k8s-bp-action-files-');
  const outputFile = path.join(files, 'output');
  const summaryFile = path.join(files, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const defaults = Object.fromEntries(
    Object.entries(actionManifest().inputs).map(([name, input]) => [name, input.default ?? '']),
  );
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !name.startsWith('INPUT_') && !name.startsWith('GITHUB_')) env[name] = value;
  }
  for (const [name, value] of Object.entries({ ...defaults, ...inputs })) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  Object.assign(env, {
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
  });
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  Object.assign(env, extraEnv);
  const result = spawnSync(process.execPath, [ACTION_ENTRY], { cwd: workspace, env, encoding: 'utf8' });
  return {
    status: result.status ?? -1,
    stdout: result.stdout,
    stderr: result.stderr,
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
  };
}

/** The runner's file-command format: `name<<DELIMITER`, the value's lines, then `DELIMITER`. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[index] ?? '');
    if (!match) continue;
    const [, name, delimiter] = match as unknown as [string, string, string];
    const end = lines.indexOf(delimiter, index + 1);
    outputs[name] = lines.slice(index + 1, end).join('\n');
    index = end;
  }
  return outputs;
}

/** The `::error …::message` workflow commands on standard output, with their properties. */
export function annotations(stdout: string): { level: string; properties: Record<string, string>; message: string }[] {
  return [...stdout.matchAll(/^::(error|warning|notice)(?: ([^:]*))?::(.*)$/gm)].map((match) => ({
    level: match[1] ?? '',
    properties: Object.fromEntries(
      (match[2] ?? '')
        .split(',')
        .filter((pair) => pair !== '')
        .map((pair) => {
          const at = pair.indexOf('=');
          return [pair.slice(0, at), decodeURIComponent(pair.slice(at + 1))];
        }),
    ),
    message: decodeURIComponent(match[3] ?? ''),
  }));
}
