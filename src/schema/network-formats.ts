/**
 * The network formats of CRD schemas, checked as kube-openapi's strfmt checks
 * them: `ipv4` and `cidr` through Kubernetes' sloppy IP parsing (leading
 * zeros allowed), `ipv6` through Go's `net.ParseIP`, `mac` through
 * `net.ParseMAC`, `hostname` by its RFC 1034 pattern, `email` by the shape
 * `net/mail.ParseAddress` accepts.
 */

/** A dotted IPv4 address; `sloppy` allows leading zeros (`010.1.1.1`), as Go did before 1.17. */
function isIPv4(text: string, sloppy: boolean): boolean {
  const parts = text.split('.');
  if (parts.length !== 4) return false;
  return parts.every(
    (part) => /^\d{1,}$/.test(part) && Number(part) <= 255 && (sloppy || part === '0' || !part.startsWith('0')),
  );
}

/** An IPv6 address, perhaps ending in a dotted IPv4 address; no zone. */
function isIPv6(text: string, sloppy: boolean): boolean {
  let head = text;
  let groupsLeft = 8;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.')) {
    if (!isIPv4(text.slice(lastColon + 1), sloppy)) return false;
    head = text.slice(0, lastColon + 1);
    // `::1.2.3.4` keeps its double colon; `a:b:…:1.2.3.4` loses the separator.
    if (!head.endsWith('::')) head = head.slice(0, -1);
    groupsLeft = 6;
  }
  const halves = head.split('::');
  if (halves.length > 2) return false;
  const groups = halves.map((half) => (half === '' ? [] : half.split(':')));
  if (!groups.every((list) => list.every((group) => /^[0-9a-fA-F]{1,4}$/.test(group)))) return false;
  const count = groups.reduce((sum, list) => sum + list.length, 0);
  return halves.length === 2 ? count < groupsLeft : count === groupsLeft;
}

/** Kubernetes' `ParseIPSloppy`: an IPv4 address (leading zeros allowed) or an IPv6 address. */
export function isSloppyIP(text: string): boolean {
  return isIPv4(text, true) || (text.includes(':') && isIPv6(text, true));
}

/** strfmt `ipv4`: a sloppy IP with a dot in it (an IPv4-mapped IPv6 address passes too). */
export function isIPv4Format(text: string): boolean {
  return text.includes('.') && isSloppyIP(text);
}

/** strfmt `ipv6`: Go's `net.ParseIP` accepts it and it has a colon. */
export function isIPv6Format(text: string): boolean {
  return text.includes(':') && isIPv6(text, false);
}

/** strfmt `cidr`: Kubernetes' `ParseCIDRSloppy`: an address, a slash, a prefix length that fits. */
export function isCIDRFormat(text: string): boolean {
  const slash = text.indexOf('/');
  if (slash === -1) return false;
  const address = text.slice(0, slash);
  const prefix = text.slice(slash + 1);
  if (!/^\d+$/.test(prefix)) return false;
  if (isIPv4(address, true)) return Number(prefix) <= 32;
  return address.includes(':') && isIPv6(address, true) && Number(prefix) <= 128;
}

const MAC_COLON = /^[0-9a-fA-F]{2}(?:([:-])[0-9a-fA-F]{2})+$/;
const MAC_DOT = /^[0-9a-fA-F]{4}(?:\.[0-9a-fA-F]{4})+$/;

/** strfmt `mac`: Go's `net.ParseMAC`: 6, 8 or 20 octets as `xx:xx…`, `xx-xx…` or `xxxx.xxxx…`. */
export function isMACFormat(text: string): boolean {
  const colon = MAC_COLON.exec(text);
  if (colon) {
    const separator = colon[1] ?? ':';
    const octets = text.split(separator);
    return octets.every((octet) => octet.length === 2) && [6, 8, 20].includes(octets.length);
  }
  return MAC_DOT.test(text) && [3, 4, 10].includes(text.split('.').length);
}

const HOSTNAME =
  /^(?:[a-zA-Z0-9\p{S}\p{L}](?:(?:-?[a-zA-Z0-9\p{S}\p{L}]{0,62})?)|(?:[a-zA-Z0-9\p{S}\p{L}](?:(?:[a-zA-Z0-9\-\p{S}\p{L}]{0,61}[a-zA-Z0-9\p{S}\p{L}])?)(?:\.)){1,}(?:[a-zA-Z\p{L}]){2,63})$/u;
const encoder = new TextEncoder();

/** strfmt `hostname`: RFC 1034 labels (letters, digits, symbols, inner dashes), at most 255 bytes, labels at most 63. */
export function isHostnameFormat(text: string): boolean {
  if (!HOSTNAME.test(text) || encoder.encode(text).length > 255) return false;
  return text.split('.').every((label) => encoder.encode(label).length <= 63);
}

// RFC 5322 as Go's net/mail reads it: atoms of printable characters (any
// non-ASCII letter too), quoted strings, and domain literals in brackets.
const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\-\\u0080-\\uffff]+";
const DOT_ATOM = `${ATOM}(?:\\.${ATOM})*`;
const QUOTED = '"(?:[^"\\\\\\r\\n]|\\\\.)*"';
const ADDRESS = `(?:${DOT_ATOM}|${QUOTED})@(?:${DOT_ATOM}|\\[[^\\[\\]\\\\]*\\])`;
const PHRASE = `(?:${ATOM}|${QUOTED})(?:\\s+(?:${ATOM}|${QUOTED}))*`;
const EMAIL = new RegExp(`^\\s*(?:${ADDRESS}|(?:${PHRASE})?\\s*<${ADDRESS}>)\\s*$`, 'u');

/** strfmt `email`: an address as `net/mail.ParseAddress` reads it, with or without a display name. */
export function isEmailFormat(text: string): boolean {
  return EMAIL.test(text);
}
