/** A problem with what the user asked for (a path, a flag, a config); the CLI exits 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

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
