import { statSync } from 'node:fs';
import path from 'node:path';
import { findGlob } from '../util/glob.js';
import { runSuite, type SuiteResult } from '../verify/suite.js';
import { UsageError } from '../model/errors.js';
import { loadingIn } from '../load/parse.js';
import { formatVerifyJson, formatVerifyText, verifyFailed, verifyTotals } from '../report/verify.js';
import { shouldColour } from '../report/terminal.js';
import type { Rule } from '../model/types.js';
import { parseOptions } from './args.js';
import { VERIFY_HELP } from './help.js';
import type { Io } from './lint-command.js';

const VERIFY_OPTIONS = {
  format: { type: 'string', short: 'f', default: 'stylish' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** `k8s-bp verify <suite|dir>...`: runs Gatekeeper test suites. Exit 1 when a case fails, 2 when a suite cannot be read. */
export async function runVerify(args: readonly string[], io: Io, catalogue: readonly Rule[]): Promise<number> {
  const { values, positionals } = parseOptions(args, VERIFY_OPTIONS);
  if (values.help) {
    io.stdout.write(VERIFY_HELP);
    return 0;
  }
  if (values.format !== 'stylish' && values.format !== 'json') {
    throw new UsageError(`unknown format "${values.format}" for verify; use stylish or json`, 'BAD_FORMAT');
  }
  if (positionals.length === 0) throw new UsageError('k8s-bp verify needs a suite file or a directory', 'NO_INPUT');
  const files = (await Promise.all(positionals.map((input) => suiteFilesOf(input, io.cwd)))).flat();
  const suites: SuiteResult[] = [];
  await loadingIn(io.env, async () => {
    for (const file of files) suites.push(await runSuite(file, catalogue, io.cwd));
  });
  io.stdout.write(
    values.format === 'json' ? formatVerifyJson(suites) : formatVerifyText(suites, shouldColour(io.stdout, io.env)),
  );
  return verifyFailed(verifyTotals(suites)) ? 1 : 0;
}

/** A suite file as given, or every `suite.yaml` (and `*-suite.yaml`) below a directory, as gator finds them. */
async function suiteFilesOf(input: string, cwd: string): Promise<string[]> {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path.resolve(cwd, input)).isDirectory();
  } catch {
    throw new UsageError(`${input}: no such file or directory`, 'PATH_NOT_FOUND');
  }
  if (!isDirectory) return [input];
  const found = await findGlob('**/{suite,*-suite}.{yaml,yml}', {
    cwd: path.resolve(cwd, input),
    ignore: ['**/node_modules/**', '**/.git/**'],
  });
  if (found.length === 0) throw new UsageError(`${input}: no suite.yaml files below this directory`, 'NO_SUITES');
  return found.sort().map((file) => path.join(input, file));
}
