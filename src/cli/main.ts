import { UsageError } from '../load/errors.js';
import { didYouMean } from '../util/suggest.js';
import { MAIN_HELP } from './help.js';
import { runInit } from './init-command.js';
import { runLint, type Io } from './lint-command.js';
import { runRules } from './rules-command.js';
import { runVerify } from './verify-command.js';
import { packageVersion } from './version.js';

const COMMANDS: Record<string, (args: readonly string[], io: Io) => Promise<number>> = {
  lint: runLint,
  rules: runRules,
  init: runInit,
  verify: runVerify,
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
  const command = COMMANDS[first];
  if (!command) {
    const what = first.startsWith('-') ? `unknown option ${first}` : `unknown command "${first}"`;
    throw new UsageError(`${what}${didYouMean(first, Object.keys(COMMANDS))}; see k8s-bp --help`, 'UNKNOWN_COMMAND');
  }
  return command(rest, io);
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
