import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../model/errors.js';
import { didYouMean } from '../util/suggest.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses arguments strictly; an unknown option is a usage error with a suggestion. */
export function parseOptions<T extends Options>(
  args: readonly string[],
  options: T,
): ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw toUsageError(error, options);
  }
}

function toUsageError(error: unknown, options: Options): UsageError {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code ?? '';
  const unknown = /'(-{1,2}[^'\s]+)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) {
    const names = Object.keys(options).map((name) => `--${name}`);
    const bare = unknown.split('=')[0] ?? unknown;
    return new UsageError(`unknown option ${bare}${didYouMean(bare, names)}`, 'UNKNOWN_OPTION');
  }
  return new UsageError(message.split('\n')[0] ?? message, 'BAD_ARGUMENTS');
}
