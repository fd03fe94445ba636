import { UsageError } from '../model/errors.js';
import { didYouMean } from '../util/suggest.js';
import { MAIN_HELP } from './help.js';
import type { Rule } from '../model/types.js';
import type { Io } from './lint-command.js';
import { packageVersion } from '../report/package-version.js';

/** A command gets its arguments, where to write, and the rule catalogue it works with. */
type Command = (args: readonly string[], io: Io, catalogue: readonly Rule[]) => Promise<number>;

// Each command's module loads when it runs: a pre-commit hook's `lint` should
// not pay for compiling `verify` and the CEL interpreter it brings.
const COMMANDS: Record<string, () => Promise<Command>> = {
  lint: async () => (await import('./lint-command.js')).runLint,
  rules: async () => (await import('./rules-command.js')).runRules,
  init: async () => (await import('./init-command.js')).runInit,
  verify: async () => (await import('./verify-command.js')).runVerify,
  render: async () => (await import('./render-command.js')).runRender,
};

/** Exit codes: 0 clean, 1 findings that fail the run, 2 usage or configuration error. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`k8s-bp: ${error.message}\n`);
    return 2;
  }
}

async function dispatch(argv: readonly string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  // `k8s-bp help lint` reads as `k8s-bp lint --help`, as in git and npm.
  if (first === 'help' && rest.length > 0) return dispatch([...rest.slice(0, 1), '--help'], io);
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    io.stdout.write(MAIN_HELP);
    return 0;
  }
  if (first === '-v' || first === '--version') {
    io.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  const load = COMMANDS[first];
  if (!load) {
    const what = first.startsWith('-') ? `unknown option ${first}` : `unknown command "${first}"`;
    throw new UsageError(`${what}${didYouMean(first, Object.keys(COMMANDS))}; see k8s-bp --help`, 'UNKNOWN_COMMAND');
  }
  const command = await load();
  return command(rest, io, await builtinCatalogue());
}

/**
 * The CLI is a composition root: this is the one place where it picks the
 * built-in rules, and everything below receives them. Loaded with the command,
 * so `--version` and `--help` do not compile every rule.
 */
async function builtinCatalogue(): Promise<readonly Rule[]> {
  return (await import('../../rules/index.js')).builtinRules;
}

function processIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  };
}
