/**
 * Kubernetes' URL library (`library/urls.go`): `url()`, `isURL()` and the
 * getters of `kubernetes.URL`. A URL must be what Go's `url.ParseRequestURI`
 * accepts: an absolute URI (`https://host/path`) or an absolute path
 * (`/path`). The parts are those of Go's `url.Parse`, with its escaping rules.
 */
import { CelError, type Library } from '../cel-types.js';

/** A `kubernetes.URL` value: the parts Go's `url.URL` keeps. */
export class URLValue {
  constructor(
    readonly scheme: string,
    readonly opaque: string,
    readonly host: string,
    /** The unescaped path, and the escaped form when it differs from the default escaping. */
    readonly path: string,
    readonly rawPath: string,
    readonly rawQuery: string,
  ) {}

  hostname(): string {
    return splitHostPort(this.host).host;
  }

  port(): string {
    return splitHostPort(this.host).port;
  }

  /** Go's `EscapedPath`. */
  escapedPath(): string {
    if (this.rawPath !== '' && validEncoded(this.rawPath)) {
      const decoded = unescape(this.rawPath, 'path');
      if (typeof decoded === 'string' && decoded === this.path) return this.rawPath;
    }
    if (this.path === '*') return '*';
    return escape(this.path);
  }

  /** Go's `Query()`: repeated keys keep every value; pairs that do not decode are dropped. */
  query(): Map<string, string[]> {
    const result = new Map<string, string[]>();
    for (const part of this.rawQuery.split('&')) {
      if (part === '' || part.includes(';')) continue;
      const equals = part.indexOf('=');
      const key = unescape(equals === -1 ? part : part.slice(0, equals), 'query');
      const value = unescape(equals === -1 ? '' : part.slice(equals + 1), 'query');
      if (typeof key !== 'string' || typeof value !== 'string') continue;
      result.set(key, [...(result.get(key) ?? []), value]);
    }
    return result;
  }
}

function splitHostPort(hostPort: string): { host: string; port: string } {
  let host = hostPort;
  let port = '';
  const colon = hostPort.lastIndexOf(':');
  if (colon !== -1 && validOptionalPort(hostPort.slice(colon))) {
    host = hostPort.slice(0, colon);
    port = hostPort.slice(colon + 1);
  }
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  return { host, port };
}

function validOptionalPort(port: string): boolean {
  return port === '' || /^:[0-9]*$/.test(port);
}

type Mode = 'path' | 'host' | 'query' | 'userinfo';

const HOST_EXTRA = new Set(['!', '$', '&', "'", '(', ')', '*', '+', ',', ';', '=', ':', '[', ']', '<', '>', '"']);

/** Go's `shouldEscape` for the modes used here. */
function shouldEscape(code: number, mode: Mode): boolean {
  const character = String.fromCharCode(code);
  if (/[A-Za-z0-9]/.test(character)) return false;
  if (mode === 'host' && HOST_EXTRA.has(character)) return false;
  if ('-_.~'.includes(character)) return false;
  if ('$&+,/:;=?@'.includes(character)) {
    if (mode === 'path') return character === '?';
    if (mode === 'userinfo') return character === '@' || character === '/' || character === '?' || character === ':';
    return true;
  }
  return true;
}

/** Go's `unescape`: the decoded text, or why it cannot be decoded. */
function unescape(text: string, mode: Mode): string | { error: string } {
  const bytes: number[] = [];
  const encoded = new TextEncoder().encode(text);
  for (let index = 0; index < encoded.length; index++) {
    const byte = encoded[index] ?? 0;
    if (byte === 0x25) {
      const hex = String.fromCharCode(encoded[index + 1] ?? 0, encoded[index + 2] ?? 0);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return { error: `invalid URL escape "${text.slice(index, index + 3)}"` };
      const value = parseInt(hex, 16);
      if (mode === 'host' && value < 0x80 && hex !== '25') return { error: `invalid URL escape "%${hex}"` };
      bytes.push(value);
      index += 2;
    } else if (byte === 0x2b && mode === 'query') bytes.push(0x20);
    else {
      if (mode === 'host' && byte < 0x80 && shouldEscape(byte, 'host')) {
        return { error: `invalid character "${String.fromCharCode(byte)}" in host name` };
      }
      bytes.push(byte);
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** Go's `escape` in path mode. */
function escape(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    out += shouldEscape(byte, 'path')
      ? `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
      : String.fromCharCode(byte);
  }
  return out;
}

/** Go's `validEncoded` in path mode. */
function validEncoded(text: string): boolean {
  for (const byte of new TextEncoder().encode(text)) {
    const character = String.fromCharCode(byte);
    if ("!$&'()*+,;=:@[]%".includes(character)) continue;
    if (shouldEscape(byte, 'path')) return false;
  }
  return true;
}

/** Go's `url.ParseRequestURI` (then `url.Parse` for the parts): the URL, or why it is not one. */
export function parseRequestURI(raw: string): URLValue | string {
  if (/[\x00-\x1f\x7f]/.test(raw)) return 'net/url: invalid control character in URL';
  if (raw === '') return 'empty url';
  if (raw === '*') return new URLValue('', '', '', '*', '', '');
  let scheme = '';
  let rest = raw;
  for (let index = 0; index < raw.length; index++) {
    const character = raw.charAt(index);
    if (/[A-Za-z]/.test(character)) continue;
    if (/[0-9+.-]/.test(character)) {
      if (index === 0) break;
      continue;
    }
    if (character === ':') {
      if (index === 0) return 'missing protocol scheme';
      scheme = raw.slice(0, index).toLowerCase();
      rest = raw.slice(index + 1);
    }
    break;
  }
  // ParseRequestURI does not split off a fragment: '#' stays in the path or the query, as in Go.
  let rawQuery = '';
  if (rest.endsWith('?') && rest.indexOf('?') === rest.length - 1) rest = rest.slice(0, -1);
  else if (rest.includes('?')) {
    rawQuery = rest.slice(rest.indexOf('?') + 1);
    rest = rest.slice(0, rest.indexOf('?'));
  }
  if (!rest.startsWith('/')) {
    if (scheme !== '') return new URLValue(scheme, rest, '', '', '', rawQuery);
    return 'invalid URI for request';
  }
  let host = '';
  if (scheme !== '' && rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    const authority = slash === -1 ? rest.slice(2) : rest.slice(2, slash);
    rest = slash === -1 ? '' : rest.slice(slash);
    const parsed = parseAuthority(authority);
    if (typeof parsed !== 'string') return parsed.error;
    host = parsed;
  }
  const path = unescape(rest, 'path');
  if (typeof path !== 'string') return path.error;
  const rawPath = escape(path) === rest ? '' : rest;
  return new URLValue(scheme, '', host, path, rawPath, rawQuery);
}

function parseAuthority(authority: string): string | { error: string } {
  const at = authority.lastIndexOf('@');
  const hostText = at === -1 ? authority : authority.slice(at + 1);
  if (at !== -1) {
    const userinfo = authority.slice(0, at);
    if (!/^[A-Za-z0-9\-._~!$&'()*+,;=:%@]*$/.test(userinfo)) return { error: 'net/url: invalid userinfo' };
    const decoded = unescape(userinfo, 'userinfo');
    if (typeof decoded !== 'string') return decoded;
  }
  return parseHost(hostText);
}

function parseHost(host: string): string | { error: string } {
  let checked = host;
  if (host.startsWith('[')) {
    const close = host.lastIndexOf(']');
    if (close === -1) return { error: "missing ']' in host" };
    const colonPort = host.slice(close + 1);
    if (!validOptionalPort(colonPort)) return { error: `invalid port "${colonPort}" after host` };
    // The bracketed part is an IPv6 literal (with an optional zone); its characters are not host characters.
    checked = host.slice(close + 1);
  } else {
    const colon = host.lastIndexOf(':');
    if (colon !== -1 && !validOptionalPort(host.slice(colon))) {
      return { error: `invalid port "${host.slice(colon)}" after host` };
    }
  }
  const decoded = unescape(checked, 'host');
  if (typeof decoded !== 'string') return decoded;
  return host.startsWith('[') ? host : decoded;
}

function urlOf(text: string): URLValue {
  const parsed = parseRequestURI(text);
  if (typeof parsed === 'string')
    throw new CelError(`URL parse error during conversion from string: parse "${text}": ${parsed}`);
  return withoutFragment(parsed, text);
}

/**
 * `url()` takes its parts from Go's `url.Parse`, which (unlike ParseRequestURI)
 * splits off a `#fragment`: drop it from the path and the query.
 */
function withoutFragment(parsed: URLValue, text: string): URLValue {
  const hash = text.indexOf('#');
  if (hash === -1) return parsed;
  const reparsed = parseRequestURI(text.slice(0, hash));
  return typeof reparsed === 'string' ? parsed : reparsed;
}

export const urlLibrary: Library = {
  name: 'url',
  types: [{ name: 'kubernetes.URL', ctor: URLValue }],
  functions: [
    ['url(string): kubernetes.URL', urlOf],
    ['isURL(string): bool', (text: string) => typeof parseRequestURI(text) !== 'string'],
    ['kubernetes.URL.getScheme(): string', (u: URLValue) => u.scheme],
    ['kubernetes.URL.getHost(): string', (u: URLValue) => u.host],
    ['kubernetes.URL.getHostname(): string', (u: URLValue) => u.hostname()],
    ['kubernetes.URL.getPort(): string', (u: URLValue) => u.port()],
    ['kubernetes.URL.getEscapedPath(): string', (u: URLValue) => u.escapedPath()],
    ['kubernetes.URL.getQuery(): map<string, list<string>>', (u: URLValue) => u.query()],
  ],
};
