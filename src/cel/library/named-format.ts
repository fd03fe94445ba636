/**
 * Kubernetes' named-format library (`library/format.go`): `format.named(name)`
 * gives an optional `kubernetes.NamedFormat`, `format.dns1123Label()` and its
 * siblings give one directly, and `<format>.validate(text)` is `optional.none()`
 * when the text is valid, or holds the list of reasons it is not. The reasons
 * are the messages of Kubernetes' own name validation (apimachinery) and of
 * the OpenAPI string formats (kube-openapi's strfmt), so a policy can quote
 * them as the API server would.
 *
 * Lengths are counted in UTF-8 bytes, as Go counts them.
 */
import { utf8Length } from '../../util/utf8.js';
import { Optional } from '@marcbachmann/cel-js';
import type { Library } from '../cel-types.js';
import { quote } from './strings.js';
import { parseRequestURI } from './url.js';

export const NAMED_FORMAT_TYPE = 'kubernetes.NamedFormat';

/** A named string format: what `format.named()` and `format.<name>()` return. */
export class NamedFormat {
  constructor(
    readonly name: string,
    /** The reasons a text does not have this format; empty when it does. */
    readonly problems: (text: string) => string[],
  ) {}

  equals(other: unknown): boolean {
    return other instanceof NamedFormat && other.name === this.name;
  }
}

const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const SUBDOMAIN = `${LABEL}(\\.${LABEL})*`;
const DNS1035 = '[a-z]([-a-z0-9]*[a-z0-9])?';
const QUALIFIED = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE = `(${QUALIFIED})?`;

const whole = (pattern: string): RegExp => new RegExp(`^(?:${pattern})$`);
const LABEL_RE = whole(LABEL);
const SUBDOMAIN_RE = whole(SUBDOMAIN);
const DNS1035_RE = whole(DNS1035);
const QUALIFIED_RE = whole(QUALIFIED);
const LABEL_VALUE_RE = whole(LABEL_VALUE);

const tooLong = (max: number): string => `must be no more than ${max} characters`;

/** apimachinery's wording for a pattern mismatch: the rule, examples, and the pattern itself. */
function patternError(rule: string, pattern: string, ...examples: string[]): string {
  const shown = examples.map((example) => `'${example}', `).join(' or ');
  return `${rule} (e.g. ${shown}regex used for validation is '${pattern}')`;
}

const LABEL_RULE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const SUBDOMAIN_RULE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const DNS1035_RULE =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
const QUALIFIED_RULE =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_RULE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

function dns1123Label(text: string): string[] {
  const problems = utf8Length(text) > 63 ? [tooLong(63)] : [];
  if (LABEL_RE.test(text)) return problems;
  // A valid subdomain that is no label (length was checked above) has dots.
  if (SUBDOMAIN_RE.test(text)) return [...problems, 'must not contain dots'];
  return [...problems, patternError(LABEL_RULE, LABEL, 'my-name', '123-abc')];
}

function dns1123Subdomain(text: string): string[] {
  const problems = utf8Length(text) > 253 ? [tooLong(253)] : [];
  if (!SUBDOMAIN_RE.test(text)) problems.push(patternError(SUBDOMAIN_RULE, SUBDOMAIN, 'example.com'));
  return problems;
}

function dns1035Label(text: string): string[] {
  const problems = utf8Length(text) > 63 ? [tooLong(63)] : [];
  if (!DNS1035_RE.test(text)) problems.push(patternError(DNS1035_RULE, DNS1035, 'my-name', 'abc-123'));
  return problems;
}

function qualifiedName(text: string): string[] {
  const parts = text.split('/');
  if (parts.length > 2) {
    const rule = patternError(QUALIFIED_RULE, QUALIFIED, 'MyName', 'my.name', '123-abc');
    return [`a qualified name ${rule} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  const problems: string[] = [];
  const name = parts.length === 2 ? (parts[1] ?? '') : text;
  if (parts.length === 2) {
    const prefix = parts[0] ?? '';
    if (prefix === '') problems.push('prefix part must be non-empty');
    else problems.push(...dns1123Subdomain(prefix).map((problem) => `prefix part ${problem}`));
  }
  if (name === '') problems.push('name part must be non-empty');
  else if (utf8Length(name) > 63) problems.push(`name part ${tooLong(63)}`);
  if (!QUALIFIED_RE.test(name)) {
    problems.push(`name part ${patternError(QUALIFIED_RULE, QUALIFIED, 'MyName', 'my.name', '123-abc')}`);
  }
  return problems;
}

function labelValue(text: string): string[] {
  const problems = utf8Length(text) > 63 ? [tooLong(63)] : [];
  if (!LABEL_VALUE_RE.test(text)) {
    problems.push(patternError(LABEL_VALUE_RULE, LABEL_VALUE, 'MyValue', 'my_value', '12345'));
  }
  return problems;
}

/**
 * The prefix variants check a name that will have a suffix appended
 * (`generateName`): a trailing dash is allowed. Kubernetes replaces the last
 * two characters by a letter before checking, and so do we.
 */
function asPrefix(check: (text: string) => string[]): (text: string) => string[] {
  return (text) => check(text.length > 1 && text.endsWith('-') ? `${text.slice(0, -2)}a` : text);
}

const UUID_RE = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/;
const TIME_RE = /^([0-9]{2}):([0-9]{2}):([0-9]{2})([^\n][0-9]+)?(z|[+-][0-9]{2}:[0-9]{2})$/u;

/** Go's `time.Parse("2006-01-02", text)` succeeds: the digits, a month that exists, a day in it. */
function isDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/** strfmt's date-time check: a date, a `T`, and a time of day with a zone (`Z` or an offset). */
function isDateTime(text: string): boolean {
  if (text.length < 4) return false;
  const parts = text.toLowerCase().split('t');
  if (parts.length < 2 || !isDate(parts[0] ?? '')) return false;
  const time = TIME_RE.exec(parts[1] ?? '');
  if (!time) return false;
  const [hours = '', minutes = '', seconds = ''] = time.slice(1);
  return hours <= '23' && minutes <= '59' && seconds <= '59';
}

function uri(text: string): string[] {
  const parsed = parseRequestURI(text);
  return typeof parsed === 'string' ? [`parse ${quote(text)}: ${parsed}`] : [];
}

const rule =
  (ok: (text: string) => boolean, problem: string) =>
  (text: string): string[] =>
    ok(text) ? [] : [problem];

/** The formats by the names `format.named()` accepts (and `format.<name>()` spells). */
const FORMATS: ReadonlyMap<string, NamedFormat> = new Map(
  (
    [
      ['dns1123Label', dns1123Label],
      ['dns1123Subdomain', dns1123Subdomain],
      ['dns1035Label', dns1035Label],
      ['qualifiedName', qualifiedName],
      ['dns1123LabelPrefix', asPrefix(dns1123Label)],
      ['dns1123SubdomainPrefix', asPrefix(dns1123Subdomain)],
      ['dns1035LabelPrefix', asPrefix(dns1035Label)],
      ['labelValue', labelValue],
      ['uri', uri],
      ['uuid', rule((text) => UUID_RE.test(text), 'does not match the UUID format')],
      ['byte', rule((text) => BASE64_RE.test(text), 'invalid base64')],
      ['date', rule(isDate, 'invalid date')],
      ['datetime', rule(isDateTime, 'invalid datetime')],
    ] as const
  ).map(([name, check]) => [name, new NamedFormat(name, check)]),
);

/** The names of the formats, for documentation and tests. */
export const FORMAT_NAMES: readonly string[] = [...FORMATS.keys()];

/** The receiver of `format.named(...)`: a namespace, not a value. */
export class FormatNamespace {}

function validate(format: NamedFormat, text: string): Optional<string[]> {
  const problems = format.problems(text);
  return problems.length === 0 ? Optional.none() : Optional.of(problems);
}

export const namedFormatLibrary: Library = {
  name: 'format',
  types: [
    { name: 'kubernetes.FormatNamespace', ctor: FormatNamespace },
    { name: NAMED_FORMAT_TYPE, ctor: NamedFormat },
  ],
  constants: [{ name: 'format', type: 'kubernetes.FormatNamespace', value: new FormatNamespace() }],
  functions: [
    [
      `kubernetes.FormatNamespace.named(string): optional<${NAMED_FORMAT_TYPE}>`,
      (_: FormatNamespace, name: string) => {
        const found = FORMATS.get(name);
        return found ? Optional.of(found) : Optional.none();
      },
    ],
    ...[...FORMATS].map(([name, found]): [string, () => NamedFormat] => [
      `kubernetes.FormatNamespace.${name}(): ${NAMED_FORMAT_TYPE}`,
      () => found,
    ]),
    [`${NAMED_FORMAT_TYPE}.validate(string): optional<list<string>>`, validate],
  ],
  operators: [[`${NAMED_FORMAT_TYPE} == ${NAMED_FORMAT_TYPE}`, (a: NamedFormat, b: NamedFormat) => a.equals(b)]],
};
