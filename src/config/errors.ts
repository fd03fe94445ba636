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
