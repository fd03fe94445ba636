import { ConfigError } from '../model/errors.js';

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
