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
