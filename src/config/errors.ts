import { UsageError } from '../load/errors.js';

/** Where in a config file a problem sits. */
export interface ConfigPlace {
  file: string;
  line: number;
  column: number;
}

/** A configuration problem: the run stops with exit 2 and this message. */
export class ConfigError extends UsageError {
  constructor(
    message: string,
    code: string,
    readonly place?: ConfigPlace,
  ) {
    super(place ? `${place.file}:${place.line}:${place.column}: ${message}` : message, code);
    this.name = 'ConfigError';
  }
}

/**
 * Every problem of one stage of reading the config, reported at once so that
 * a user fixes them in one pass: one line each, in the order of the file.
 */
export function combineConfigErrors(errors: readonly ConfigError[]): ConfigError | undefined {
  const sorted = [...errors].sort(
    (a, b) => (a.place?.line ?? 0) - (b.place?.line ?? 0) || (a.place?.column ?? 0) - (b.place?.column ?? 0),
  );
  const [first] = sorted;
  if (sorted.length <= 1) return first;
  return new ConfigError(sorted.map((error) => error.message).join('\nk8s-bp: '), first?.code ?? 'CONFIG_INVALID');
}
