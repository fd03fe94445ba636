/**
 * Sprig's regular expression functions with Go's `regexp` (RE2) semantics,
 * through re2js: the leftmost-first match, Go's rules for empty matches, and
 * Go's `$1`/`${name}` replacement templates. The plain forms panic on a bad
 * pattern (`regexp: Compile(...)`), `regexMatch` answers false, the `must`
 * forms return Go's parse error.
 */
import { RE2JS, type Matcher } from 're2js';
import { quoteGoString } from './go-format.js';
import { goFunction, type GoFunctionTable } from './go-function.js';

const MAX_CACHED = 500;
const compiled = new Map<string, RE2JS | Error>();

/** Compiles an RE2 pattern once; a syntax error carries Go's text (`error parsing regexp: ...`). */
function compile(pattern: string): RE2JS {
  let entry = compiled.get(pattern);
  if (entry === undefined) {
    try {
      entry = RE2JS.compile(pattern);
    } catch (error) {
      entry = new Error(error instanceof Error ? error.message : String(error));
    }
    if (compiled.size >= MAX_CACHED) compiled.clear();
    compiled.set(pattern, entry);
  }
  if (entry instanceof Error) throw entry;
  return entry;
}

/** `regexp.MustCompile`: a bad pattern panics with the pattern quoted. */
function mustCompile(pattern: string): RE2JS {
  try {
    return compile(pattern);
  } catch (error) {
    throw new Error(`regexp: Compile(${goBackquote(pattern)}): ${(error as Error).message}`);
  }
}

/** How `MustCompile` panics quote the pattern: backquotes when it can hold them, else `%q`. */
function goBackquote(pattern: string): string {
  return /[`\x00-\x08\x0a-\x1f\x7f\ufeff]/.test(pattern) ? quoteGoString(pattern) : `\`${pattern}\``;
}

function runeWidth(text: string, position: number): number {
  if (position >= text.length) return 1;
  return (text.codePointAt(position) ?? 0) > 0xffff ? 2 : 1;
}

interface Match {
  start: number;
  end: number;
  groups: (string | null)[];
}

function matchAt(matcher: Matcher, groupCount: number): Match {
  const groups: (string | null)[] = [];
  for (let group = 0; group <= groupCount; group++) groups.push(matcher.group(group));
  return { start: matcher.start(), end: matcher.end(), groups };
}

/** Go's `allMatches`: successive matches, skipping an empty match that touches the previous one. */
function allMatches(regex: RE2JS, text: string, limit: number): Match[] {
  const matcher = regex.matcher(text);
  const groupCount = regex.groupCount();
  const found: Match[] = [];
  let position = 0;
  let previousEnd = -1;
  while ((limit < 0 || found.length < limit) && position <= text.length && matcher.find(position)) {
    const match = matchAt(matcher, groupCount);
    let accept = true;
    if (match.end === position) {
      if (match.start === previousEnd) accept = false;
      position += runeWidth(text, position);
    } else position = match.end;
    previousEnd = match.end;
    if (accept) found.push(match);
  }
  return found;
}

/** Go's `FindAllString`: nil (an empty list here) when nothing matches or the limit is zero. */
function findAll(regex: RE2JS, text: string, limit: bigint): string[] {
  if (limit === 0n) return [];
  return allMatches(regex, text, Number(limit)).map((match) => text.slice(match.start, match.end));
}

/** Go's `Regexp.Split`. */
function split(regex: RE2JS, text: string, limit: bigint): string[] {
  if (limit === 0n) return [];
  if (regex.pattern() !== '' && text === '') return [''];
  const parts: string[] = [];
  let begin = 0;
  let end = 0;
  for (const match of allMatches(regex, text, Number(limit))) {
    if (limit > 0n && BigInt(parts.length) === limit - 1n) break;
    end = match.start;
    if (match.end !== 0) parts.push(text.slice(begin, end));
    begin = match.end;
  }
  if (end !== text.length) parts.push(text.slice(begin));
  return parts;
}

/** Reads a `$name`, `${name}` or `$1` reference after a `$`; undefined when it is malformed. */
function readReference(template: string, at: number): { name: string; next: number } | undefined {
  const braced = template[at] === '{';
  const start = braced ? at + 1 : at;
  let end = start;
  while (end < template.length && /[A-Za-z0-9_]/.test(template[end]!)) end++;
  if (end === start) return undefined;
  if (braced) return template[end] === '}' ? { name: template.slice(start, end), next: end + 1 } : undefined;
  return { name: template.slice(start, end), next: end };
}

/** Go's `Regexp.Expand` of a replacement template for one match. */
function expand(regex: RE2JS, template: string, match: Match): string {
  let out = '';
  for (let index = 0; index < template.length; index++) {
    const char = template[index]!;
    if (char !== '$') {
      out += char;
      continue;
    }
    if (template[index + 1] === '$') {
      out += '$';
      index++;
      continue;
    }
    const reference = readReference(template, index + 1);
    if (reference === undefined) {
      out += '$';
      continue;
    }
    out += groupText(regex, reference.name, match);
    index = reference.next - 1;
  }
  return out;
}

function groupText(regex: RE2JS, name: string, match: Match): string {
  if (/^[0-9]+$/.test(name)) return match.groups[Number(name)] ?? '';
  const group = regex.namedGroups()[name];
  return group === undefined ? '' : (match.groups[group] ?? '');
}

/** Go's `ReplaceAllString` (templates expanded) or `ReplaceAllLiteralString`. */
function replaceAll(regex: RE2JS, text: string, replacement: string, literal: boolean): string {
  const matcher = regex.matcher(text);
  const groupCount = regex.groupCount();
  let out = '';
  let lastEnd = 0;
  let position = 0;
  while (position <= text.length && matcher.find(position)) {
    const match = matchAt(matcher, groupCount);
    out += text.slice(lastEnd, match.start);
    // No second replacement for an empty match right after a match.
    if (match.end > lastEnd || match.start === 0) out += literal ? replacement : expand(regex, replacement, match);
    lastEnd = match.end;
    const width = runeWidth(text, position);
    position = position + width > match.end ? position + width : match.end;
  }
  return out + text.slice(lastEnd);
}

function findFirst(regex: RE2JS, text: string): string {
  const matcher = regex.matcher(text);
  return matcher.find() ? (matcher.group() ?? '') : '';
}

/** Go's `regexp.QuoteMeta`. */
function quoteMeta(text: string): string {
  return text.replace(/[\\.+*?()|[\]{}^$]/g, (char) => `\\${char}`);
}

/** `regexMatch`, `regexFind`, `regexFindAll`, `regexReplaceAll`, `regexReplaceAllLiteral`, `regexSplit`, `regexQuoteMeta` and their `must` forms. */
export const regexFunctions: GoFunctionTable = {
  regexMatch: goFunction('regexMatch', ['string', 'string'], (pattern, text) => {
    try {
      return compile(pattern).matcher(text).find();
    } catch {
      return false;
    }
  }),
  mustRegexMatch: goFunction('mustRegexMatch', ['string', 'string'], (pattern, text) =>
    compile(pattern).matcher(text).find(),
  ),
  regexFind: goFunction('regexFind', ['string', 'string'], (pattern, text) => findFirst(mustCompile(pattern), text)),
  mustRegexFind: goFunction('mustRegexFind', ['string', 'string'], (pattern, text) =>
    findFirst(compile(pattern), text),
  ),
  regexFindAll: goFunction('regexFindAll', ['string', 'string', 'int'], (pattern, text, limit) =>
    findAll(mustCompile(pattern), text, limit),
  ),
  mustRegexFindAll: goFunction('mustRegexFindAll', ['string', 'string', 'int'], (pattern, text, limit) =>
    findAll(compile(pattern), text, limit),
  ),
  regexReplaceAll: goFunction('regexReplaceAll', ['string', 'string', 'string'], (pattern, text, replacement) =>
    replaceAll(mustCompile(pattern), text, replacement, false),
  ),
  mustRegexReplaceAll: goFunction('mustRegexReplaceAll', ['string', 'string', 'string'], (pattern, text, repl) =>
    replaceAll(compile(pattern), text, repl, false),
  ),
  regexReplaceAllLiteral: goFunction('regexReplaceAllLiteral', ['string', 'string', 'string'], (pattern, text, repl) =>
    replaceAll(mustCompile(pattern), text, repl, true),
  ),
  mustRegexReplaceAllLiteral: goFunction(
    'mustRegexReplaceAllLiteral',
    ['string', 'string', 'string'],
    (pattern, text, repl) => replaceAll(compile(pattern), text, repl, true),
  ),
  regexSplit: goFunction('regexSplit', ['string', 'string', 'int'], (pattern, text, limit) =>
    split(mustCompile(pattern), text, limit),
  ),
  mustRegexSplit: goFunction('mustRegexSplit', ['string', 'string', 'int'], (pattern, text, limit) =>
    split(compile(pattern), text, limit),
  ),
  regexQuoteMeta: goFunction('regexQuoteMeta', ['string'], quoteMeta),
};
