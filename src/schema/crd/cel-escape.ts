/**
 * How a CRD property is named in CEL. Property names may hold characters
 * that identifiers cannot, so the API server escapes them: `__` is written
 * `__underscores__`, `.` `__dot__`, `-` `__dash__`, `/` `__slash__`, and a
 * name that is a CEL reserved word is wrapped in `__` (`namespace` is
 * `__namespace__`). A name starting with a digit, or holding any other
 * character, cannot be reached from CEL at all.
 */

const RESERVED = new Set([
  'true',
  'false',
  'null',
  'in',
  'as',
  'break',
  'const',
  'continue',
  'else',
  'for',
  'function',
  'if',
  'import',
  'let',
  'loop',
  'package',
  'namespace',
  'return',
  'var',
  'void',
  'while',
]);

const ESCAPED: Readonly<Record<string, string>> = {
  __: '__underscores__',
  '.': '__dot__',
  '-': '__dash__',
  '/': '__slash__',
};

/** The CEL name of a property, or undefined when CEL cannot name it. */
export function escapeProperty(name: string): string | undefined {
  if (name === '' || /^[0-9]/.test(name) || !/^[A-Za-z0-9_./-]*$/.test(name)) return undefined;
  if (RESERVED.has(name)) return `__${name}__`;
  return name.replace(/__|[./-]/g, (found) => ESCAPED[found] ?? found);
}
