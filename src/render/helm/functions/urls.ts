/**
 * Sprig's `urlParse` and `urlJoin`, with Go's `net/url` rules: a scheme
 * followed by no slash makes the rest opaque, `//user@host:port` is the
 * authority, the path and fragment are unescaped, the query stays raw; the
 * map carries `scheme host hostname path query opaque fragment userinfo`.
 */
import type { GoMap } from '../go-values.js';
import { goString } from './go-format.js';
import { goFunction, type GoFunctionTable } from './go-function.js';
import { fromUtf8, utf8 } from './go-text.js';

class UrlError extends Error {}

/** Go's `unescape`: `%XX` to bytes; a bad escape is an error naming it. */
function unescape(text: string): string {
  const bad = /%(?![0-9a-fA-F]{2})(.{0,2})/s.exec(text);
  if (bad !== null) throw new UrlError(`invalid URL escape ${JSON.stringify(`%${bad[1]}`)}`);
  if (!text.includes('%')) return text;
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '%') {
      bytes.push(parseInt(text.slice(index + 1, index + 3), 16));
      index += 2;
    } else bytes.push(...utf8(text[index]!));
  }
  return fromUtf8(Uint8Array.from(bytes));
}

function splitScheme(raw: string): [scheme: string, rest: string] {
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(raw);
  if (match !== null) return [match[1]!.toLowerCase(), raw.slice(match[0].length)];
  if (raw.startsWith(':')) throw new UrlError('missing protocol scheme');
  return ['', raw];
}

function splitAuthority(authority: string): { host: string; userinfo: string } {
  const at = authority.lastIndexOf('@');
  const host = at < 0 ? authority : authority.slice(at + 1);
  const port = /:([^\]]*)$/.exec(host.startsWith('[') ? host.slice(host.indexOf(']') + 1) : host);
  if (port !== null && !/^\d*$/.test(port[1]!))
    throw new UrlError(`invalid port ${JSON.stringify(port[0])} after host`);
  const invalid = /[^A-Za-z0-9\-_.~!$&'()*+,;=:[\]<>"%\u0080-\uffff]/.exec(host);
  if (invalid !== null) throw new UrlError(`invalid character ${JSON.stringify(invalid[0])} in host name`);
  if (at < 0) return { host: unescape(host), userinfo: '' };
  const [user = '', ...password] = authority.slice(0, at).split(':');
  const userinfo =
    escapeUrl(unescape(user), 'user') +
    (password.length > 0 ? `:${escapeUrl(unescape(password.join(':')), 'user')}` : '');
  return { host: unescape(host), userinfo };
}

function hostname(host: string): string {
  if (host.startsWith('[')) return host.slice(1, host.indexOf(']') < 0 ? undefined : host.indexOf(']'));
  const colon = host.lastIndexOf(':');
  return colon < 0 ? host : host.slice(0, colon);
}

/** Go's `url.Parse`, as the map Sprig builds from it. */
function parseUrl(raw: string): GoMap {
  if (/[\x00-\x1f\x7f]/.test(raw)) throw new UrlError('net/url: invalid control character in URL');
  const hash = raw.indexOf('#');
  const [beforeFragment, fragment] = hash < 0 ? [raw, ''] : [raw.slice(0, hash), raw.slice(hash + 1)];
  const [scheme, afterScheme] = splitScheme(beforeFragment);
  const question = afterScheme.indexOf('?');
  let rest = question < 0 ? afterScheme : afterScheme.slice(0, question);
  const query = question < 0 ? '' : afterScheme.slice(question + 1);
  const parsed: GoMap = { scheme, host: '', hostname: '', path: '', query, opaque: '', fragment: '', userinfo: '' };
  parsed.fragment = unescape(fragment);
  if (!rest.startsWith('/') && scheme !== '') return { ...parsed, opaque: rest };
  if (scheme === '' && rest.split('/')[0]!.includes(':')) {
    throw new UrlError('first path segment in URL cannot contain colon');
  }
  if (rest.startsWith('//') && (scheme !== '' || !rest.startsWith('///'))) {
    const slash = rest.indexOf('/', 2);
    const authority = slash < 0 ? rest.slice(2) : rest.slice(2, slash);
    rest = slash < 0 ? '' : rest.slice(slash);
    const { host, userinfo } = splitAuthority(authority);
    Object.assign(parsed, { host, hostname: hostname(host), userinfo });
  }
  parsed.path = unescape(rest);
  return parsed;
}

type EscapeMode = 'path' | 'host' | 'user' | 'fragment';

/** Go's `shouldEscape` for the parts `urlJoin` writes. */
function keeps(char: string, mode: EscapeMode): boolean {
  if (/[A-Za-z0-9\-_.~]/.test(char)) return true;
  if (mode === 'host' && `!$&'()*+,;=:[]<>"`.includes(char)) return true;
  if ('$&+,/:;=?@'.includes(char)) {
    if (mode === 'path') return char !== '?';
    if (mode === 'user') return !'@/?:'.includes(char);
    return true;
  }
  return mode === 'fragment' && '!()*'.includes(char);
}

function escapeUrl(text: string, mode: EscapeMode): string {
  let out = '';
  for (const char of text) {
    if (keeps(char, mode)) out += char;
    else for (const byte of utf8(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const field = (map: GoMap, key: string) => {
  const value = map[key];
  return value === undefined || value === null ? '' : goString(value);
};

/** Go's `URL.String` of the parts in the map (what `urlJoin` returns). */
function joinUrl(parts: GoMap): string {
  const [scheme, host, path, query, opaque, fragment] = ['scheme', 'host', 'path', 'query', 'opaque', 'fragment'].map(
    (key) => field(parts, key),
  );
  const userinfo = field(parts, 'userinfo');
  let out = scheme === '' ? '' : `${scheme}:`;
  if (opaque !== '') out += opaque;
  else {
    if (scheme !== '' || host !== '' || userinfo !== '') {
      if (host !== '' || path !== '' || userinfo !== '') out += '//';
      if (userinfo !== '') out += `${userinfo}@`;
      out += escapeUrl(host!, 'host');
    }
    const escapedPath = escapeUrl(path!, 'path');
    if (escapedPath !== '' && !escapedPath.startsWith('/') && host !== '') out += '/';
    if (out === '' && escapedPath.split('/')[0]!.includes(':')) out += './';
    out += escapedPath;
  }
  if (query !== '') out += `?${query}`;
  if (fragment !== '') out += `#${escapeUrl(fragment!, 'fragment')}`;
  return out;
}

/** `urlParse` and `urlJoin`, by template name. */
export const urlFunctions: GoFunctionTable = {
  urlParse: goFunction('urlParse', ['string'], (raw) => {
    try {
      return parseUrl(raw);
    } catch (error) {
      if (!(error instanceof UrlError)) throw error;
      throw new Error(`unable to parse url: parse ${JSON.stringify(raw)}: ${error.message}`);
    }
  }),
  urlJoin: goFunction('urlJoin', ['map'], joinUrl),
};
