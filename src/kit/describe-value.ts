/** `cpu:` with no value and `cpu: ""` set nothing, like a missing key. */
export function isUnset(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** A manifest value as written, for a message: strings and numbers as they are, anything else as JSON. */
export function describeValue(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}
