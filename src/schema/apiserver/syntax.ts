/**
 * The string formats the API server checks by hand: DNS names, label keys and
 * values, port names, environment variable names. Each function returns what
 * is wrong, in our words, or an empty list when the value is well formed.
 * Lengths are counted in UTF-8 bytes, as Go counts them.
 */
import { utf8Length } from '../../util/utf8.js';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const PORT_NAME_CHARACTERS = /^[-a-z0-9]+$/;
const STRICT_ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const CONFIG_MAP_KEY = /^[-._a-zA-Z0-9]+$/;

function tooLong(text: string, limit: number): string[] {
  return utf8Length(text) > limit ? [`must be no more than ${limit} characters`] : [];
}

/**
 * A name prefix (`generateName`) is checked as the API server checks it: a
 * trailing '-' is masked before the name rule applies. The server drops the
 * last two characters and appends 'a'; doing the same gives the same verdict
 * on odd prefixes such as `.-`.
 */
export function maskTrailingDash(prefix: string, isPrefix = true): string {
  return isPrefix && prefix.endsWith('-') ? `${prefix.slice(0, Math.max(prefix.length - 2, 0))}a` : prefix;
}

/** An RFC 1123 label (≤ 63): lower-case letters, digits and '-', starting and ending with a letter or digit. */
export function dnsLabelProblems(text: string): string[] {
  const problems = tooLong(text, 63);
  if (DNS_LABEL.test(text)) return problems;
  if (DNS_SUBDOMAIN.test(text)) return [...problems, 'must not contain dots'];
  return [...problems, "must consist of lower-case letters, digits and '-', and start and end with a letter or digit"];
}

/** An RFC 1123 subdomain (≤ 253): dot-separated labels. */
export function dnsSubdomainProblems(text: string): string[] {
  const problems = tooLong(text, 253);
  if (DNS_SUBDOMAIN.test(text)) return problems;
  return [
    ...problems,
    "must consist of lower-case letters, digits, '-' and '.', and start and end with a letter or digit",
  ];
}

/** An RFC 1035 label (≤ 63): like an RFC 1123 label, but starting with a letter. */
export function dns1035LabelProblems(text: string): string[] {
  const problems = tooLong(text, 63);
  if (DNS_1035_LABEL.test(text)) return problems;
  return [
    ...problems,
    "must consist of lower-case letters, digits and '-', start with a letter, and end with a letter or digit",
  ];
}

/** A name that can stand in a URL path: not `.` or `..`, and without '/' or '%'. */
export function pathSegmentProblems(text: string, isPrefix = false): string[] {
  if (!isPrefix && (text === '.' || text === '..')) return [`may not be '${text}'`];
  return ['/', '%']
    .filter((character) => text.includes(character))
    .map((character) => `may not contain '${character}'`);
}

/**
 * A label key, which Kubernetes also calls a qualified name: an optional DNS
 * subdomain prefix and '/', then a name of at most 63 characters of letters,
 * digits, '-', '_' and '.', starting and ending with a letter or digit.
 */
export function labelKeyProblems(text: string): string[] {
  const parts = text.split('/');
  if (parts.length > 2) return ["may contain at most one '/', between a DNS subdomain prefix and the name"];
  const name = parts.length === 2 ? (parts[1] ?? '') : text;
  const problems: string[] = [];
  if (parts.length === 2) {
    const prefix = parts[0] ?? '';
    if (prefix === '') problems.push('has an empty prefix before the /');
    else problems.push(...dnsSubdomainProblems(prefix).map((problem) => `has a prefix that ${problem}`));
  }
  if (name === '') return [...problems, 'has an empty name part'];
  if (utf8Length(name) > 63) problems.push('has a name part longer than 63 characters');
  if (!LABEL_NAME.test(name)) {
    problems.push(
      "has a name part that must consist of letters, digits, '-', '_' and '.', and start and end with a letter or digit",
    );
  }
  return problems;
}

/** A label value: empty, or up to 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit. */
export function labelValueProblems(text: string): string[] {
  const problems = tooLong(text, 63);
  if (text === '' || LABEL_NAME.test(text)) return problems;
  return [
    ...problems,
    "must be empty or consist of letters, digits, '-', '_' and '.', and start and end with a letter or digit",
  ];
}

/**
 * An IANA service name, as container and probe port names must be: at most
 * 15 characters of lower-case letters, digits and '-', at least one letter,
 * no '-' at either end and no two in a row.
 */
export function portNameProblems(text: string): string[] {
  const problems = tooLong(text, 15);
  if (!PORT_NAME_CHARACTERS.test(text)) problems.push("must consist of lower-case letters, digits and '-'");
  if (!/[a-z]/.test(text)) problems.push('must contain at least one letter');
  if (text.includes('--')) problems.push("must not contain '--'");
  if (text.startsWith('-') || text.endsWith('-')) problems.push("must not start or end with '-'");
  return problems;
}

function currentDirectoryProblems(text: string): string[] {
  if (text === '.' || text === '..') return [`must not be '${text}'`];
  return text.startsWith('..') ? ["must not start with '..'"] : [];
}

/**
 * An environment variable name (also an `envFrom` prefix). Before the relaxed
 * rule, a C-like identifier that may also hold '-' and '.'; with it, any
 * printable ASCII but '='.
 */
export function envVarNameProblems(text: string, relaxed: boolean): string[] {
  if (relaxed) {
    if (text === '') return ['must not be empty'];
    return [...text].every((character) => character >= ' ' && character <= '~' && character !== '=')
      ? []
      : ["must consist of printable ASCII characters other than '='"];
  }
  const problems = STRICT_ENV_NAME.test(text)
    ? []
    : ["must consist of letters, digits, '_', '-' and '.', and not start with a digit"];
  return [...problems, ...currentDirectoryProblems(text)];
}

/** A ConfigMap or Secret key: at most 253 letters, digits, '-', '_' and '.', and not `.`, `..` or `..`-prefixed. */
export function configMapKeyProblems(text: string): string[] {
  const problems = tooLong(text, 253);
  if (!CONFIG_MAP_KEY.test(text)) problems.push("must consist of letters, digits, '-', '_' and '.'");
  return [...problems, ...currentDirectoryProblems(text)];
}
