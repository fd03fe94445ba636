/**
 * Kubernetes' IP and CIDR libraries (`library/ip.go`, `library/cidr.go`):
 * `ip()`, `isIP()`, `ip.isCanonical()`, `cidr()`, `isCIDR()` and the methods
 * of `net.IP` and `net.CIDR`. Addresses are parsed as Go's `netip.ParseAddr`
 * parses them (no leading zeros in IPv4 octets, at most one `::`, an IPv4
 * tail in IPv6), and, as in Kubernetes, zones and IPv4-mapped IPv6 addresses
 * are refused. `containsCIDR` compares masked prefixes, as Kubernetes does
 * since it fixed that function (kubernetes#130450).
 */
import { CelError, type Library } from '../cel-types.js';

/** A `net.IP` value: 4 or 16 bytes. */
export class IPAddress {
  constructor(readonly bytes: readonly number[]) {}

  get family(): 4 | 6 {
    return this.bytes.length === 4 ? 4 : 6;
  }

  equals(other: IPAddress): boolean {
    return this.bytes.length === other.bytes.length && this.bytes.every((byte, index) => byte === other.bytes[index]);
  }

  /** Go's `Addr.String()`: dotted IPv4, or IPv6 per RFC 5952 (lowercase, longest zero run as `::`). */
  toString(): string {
    if (this.family === 4) return this.bytes.join('.');
    const groups = Array.from(
      { length: 8 },
      (_, index) => ((this.bytes[2 * index] ?? 0) << 8) | (this.bytes[2 * index + 1] ?? 0),
    );
    let bestStart = -1;
    let bestLength = 0;
    for (let index = 0; index < 8;) {
      if (groups[index] !== 0) {
        index++;
        continue;
      }
      let end = index;
      while (end < 8 && groups[end] === 0) end++;
      if (end - index > bestLength && end - index >= 2) {
        bestStart = index;
        bestLength = end - index;
      }
      index = end;
    }
    const hex = (list: number[]) => list.map((group) => group.toString(16)).join(':');
    if (bestStart === -1) return hex(groups);
    return `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLength))}`;
  }

  isUnspecified(): boolean {
    return this.bytes.every((byte) => byte === 0);
  }

  isLoopback(): boolean {
    if (this.family === 4) return this.bytes[0] === 127;
    return this.bytes.slice(0, 15).every((byte) => byte === 0) && this.bytes[15] === 1;
  }

  isMulticast(): boolean {
    return this.family === 4 ? ((this.bytes[0] ?? 0) & 0xf0) === 0xe0 : this.bytes[0] === 0xff;
  }

  isLinkLocalMulticast(): boolean {
    if (this.family === 4) return this.bytes[0] === 224 && this.bytes[1] === 0 && this.bytes[2] === 0;
    return this.bytes[0] === 0xff && ((this.bytes[1] ?? 0) & 0x0f) === 0x02;
  }

  isLinkLocalUnicast(): boolean {
    if (this.family === 4) return this.bytes[0] === 169 && this.bytes[1] === 254;
    return this.bytes[0] === 0xfe && ((this.bytes[1] ?? 0) & 0xc0) === 0x80;
  }

  /** Go's `IsGlobalUnicast`: private and unique-local addresses count as global unicast too. */
  isGlobalUnicast(): boolean {
    if (this.family === 4 && (this.isUnspecified() || this.bytes.every((byte) => byte === 255))) return false;
    return !this.isUnspecified() && !this.isLoopback() && !this.isMulticast() && !this.isLinkLocalUnicast();
  }

  /** The address with every bit after the first `bits` cleared. */
  masked(bits: number): IPAddress {
    return new IPAddress(
      this.bytes.map((byte, index) => {
        const keep = Math.max(0, Math.min(8, bits - index * 8));
        return byte & ((0xff << (8 - keep)) & 0xff);
      }),
    );
  }
}

/** A `net.CIDR` value: an address (host bits allowed, as in Kubernetes) and a prefix length. */
export class CIDR {
  constructor(
    readonly address: IPAddress,
    readonly bits: number,
  ) {}

  equals(other: CIDR): boolean {
    return this.bits === other.bits && this.address.equals(other.address);
  }

  containsIP(ip: IPAddress): boolean {
    return ip.family === this.address.family && ip.masked(this.bits).equals(this.address.masked(this.bits));
  }

  containsCIDR(other: CIDR): boolean {
    return (
      other.address.family === this.address.family &&
      this.bits <= other.bits &&
      other.address.masked(this.bits).equals(this.address.masked(this.bits))
    );
  }

  toString(): string {
    return `${this.address.toString()}/${this.bits}`;
  }
}

/** Why Go's `netip.ParseAddr` refuses `text`, or the address. */
export function parseAddress(text: string): IPAddress | string {
  for (const character of text) {
    if (character === '.') return parseIPv4(text);
    if (character === ':') return parseIPv6(text);
    if (character === '%') return 'missing IPv6 address';
  }
  return 'unable to parse IP';
}

function parseIPv4(text: string): IPAddress | string {
  const fields = text.split('.');
  if (fields.length !== 4) return fields.length < 4 ? 'IPv4 address too short' : 'IPv4 address too long';
  const bytes: number[] = [];
  for (const field of fields) {
    if (field === '') return 'IPv4 field must have at least one digit';
    if (!/^[0-9]+$/.test(field)) return 'unexpected character';
    if (field.length > 1 && field.startsWith('0')) return 'IPv4 field has octet with leading zero';
    const value = Number(field);
    if (field.length > 3 || value > 255) return 'IPv4 field has value >255';
    bytes.push(value);
  }
  return new IPAddress(bytes);
}

function parseIPv6(input: string): IPAddress | string {
  const percent = input.indexOf('%');
  if (percent !== -1) return percent === input.length - 1 ? 'zone must be a non-empty string' : 'zone';
  let text = input;
  const bytes: number[] = [];
  let ellipsis = -1;
  if (text.startsWith('::')) {
    ellipsis = 0;
    text = text.slice(2);
    if (text === '') return new IPAddress(new Array<number>(16).fill(0));
  }
  while (bytes.length < 16) {
    const match = /^[0-9a-fA-F]*/.exec(text)?.[0] ?? '';
    if (match.length === 0) return 'each colon-separated field must have at least one digit';
    if (match.length > 4) return 'IPv6 field has value >=2^16';
    if (text[match.length] === '.') {
      // An IPv4 tail: only in the last 32 bits.
      if (ellipsis < 0 && bytes.length !== 12)
        return 'embedded IPv4 address must replace the final 2 fields of the address';
      if (bytes.length > 12) return 'too many hex fields to fit an embedded IPv4 at the end of the address';
      const tail = parseIPv4(text);
      if (typeof tail === 'string') return tail;
      bytes.push(...tail.bytes);
      text = '';
      break;
    }
    const value = parseInt(match, 16);
    bytes.push(value >> 8, value & 0xff);
    text = text.slice(match.length);
    if (text === '') break;
    if (text[0] !== ':') return 'unexpected character, want colon';
    if (text.length === 1) return 'colon must be followed by more characters';
    text = text.slice(1);
    if (text[0] === ':') {
      if (ellipsis >= 0) return 'multiple :: in address';
      ellipsis = bytes.length;
      text = text.slice(1);
      if (text === '') break;
    }
  }
  if (text !== '') return 'trailing garbage after address';
  if (bytes.length < 16) {
    if (ellipsis < 0) return 'address string too short';
    const fill = new Array<number>(16 - bytes.length).fill(0);
    bytes.splice(ellipsis, 0, ...fill);
  } else if (ellipsis >= 0) return 'the :: must expand to at least one field of zeros';
  return new IPAddress(bytes);
}

function isIPv4Mapped(address: IPAddress): boolean {
  return (
    address.family === 6 &&
    address.bytes.slice(0, 10).every((byte) => byte === 0) &&
    address.bytes[10] === 0xff &&
    address.bytes[11] === 0xff
  );
}

/** Kubernetes' `parseIPAddr`: `netip.ParseAddr`, without zones or IPv4-mapped IPv6 addresses. */
export function parseKubernetesIP(text: string): IPAddress | string {
  if (text.includes('%') && typeof parseAddress(text.slice(0, text.indexOf('%'))) !== 'string') {
    return `IP address "${text}" with zone value is not allowed`;
  }
  const address = parseAddress(text);
  if (typeof address === 'string') {
    return `IP Address "${text}" parse error during conversion from string: ParseAddr("${text}"): ${address}`;
  }
  if (isIPv4Mapped(address)) return `IPv4-mapped IPv6 address "${text}" is not allowed`;
  return address;
}

/** Kubernetes' `parseCIDR`: `netip.ParsePrefix` (host bits allowed), without IPv4-mapped addresses. */
export function parseKubernetesCIDR(text: string): CIDR | string {
  const fail = (reason: string) =>
    `network address parse error during conversion from string: netip.ParsePrefix("${text}"): ${reason}`;
  const slash = text.lastIndexOf('/');
  if (slash === -1) return fail("no '/'");
  const addressText = text.slice(0, slash);
  if (addressText.includes('%')) return fail('IPv6 zones cannot be present in a prefix');
  const address = parseAddress(addressText);
  if (typeof address === 'string') return fail(`ParseAddr("${addressText}"): ${address}`);
  const bitsText = text.slice(slash + 1);
  const max = address.family === 4 ? 32 : 128;
  if (!/^(0|[1-9][0-9]{0,2})$/.test(bitsText) || Number(bitsText) > max) {
    return fail(`bad bits after slash: "${bitsText}"`);
  }
  if (isIPv4Mapped(address)) return `IPv4-mapped IPv6 address "${text}" is not allowed`;
  return new CIDR(address, Number(bitsText));
}

function ipOf(text: string): IPAddress {
  const address = parseKubernetesIP(text);
  if (typeof address === 'string') throw new CelError(address);
  return address;
}

function cidrOf(text: string): CIDR {
  const cidr = parseKubernetesCIDR(text);
  if (typeof cidr === 'string')
    throw new CelError(`network address parse error during conversion from string: ${cidr}`);
  return cidr;
}

/** The receiver of `ip.isCanonical(...)`: a namespace, not a value. */
export class IpNamespace {}

export const ipLibrary: Library = {
  name: 'ip',
  types: [
    { name: 'net.IP', ctor: IPAddress },
    { name: 'net.CIDR', ctor: CIDR },
    { name: 'kubernetes.IpNamespace', ctor: IpNamespace },
  ],
  constants: [{ name: 'ip', type: 'kubernetes.IpNamespace', value: new IpNamespace() }],
  functions: [
    ['ip(string): net.IP', ipOf],
    ['isIP(string): bool', (text: string) => typeof parseKubernetesIP(text) !== 'string'],
    [
      'kubernetes.IpNamespace.isCanonical(string): bool',
      (_: IpNamespace, text: string) => ipOf(text).toString() === text,
    ],
    ['string(net.IP): string', (ip: IPAddress) => ip.toString()],
    ['net.IP.family(): int', (ip: IPAddress) => BigInt(ip.family)],
    ['net.IP.isUnspecified(): bool', (ip: IPAddress) => ip.isUnspecified()],
    ['net.IP.isLoopback(): bool', (ip: IPAddress) => ip.isLoopback()],
    ['net.IP.isLinkLocalMulticast(): bool', (ip: IPAddress) => ip.isLinkLocalMulticast()],
    ['net.IP.isLinkLocalUnicast(): bool', (ip: IPAddress) => ip.isLinkLocalUnicast()],
    ['net.IP.isGlobalUnicast(): bool', (ip: IPAddress) => ip.isGlobalUnicast()],
    ['cidr(string): net.CIDR', cidrOf],
    ['isCIDR(string): bool', (text: string) => typeof parseKubernetesCIDR(text) !== 'string'],
    ['string(net.CIDR): string', (cidr: CIDR) => cidr.toString()],
    ['net.CIDR.containsIP(net.IP): bool', (cidr: CIDR, ip: IPAddress) => cidr.containsIP(ip)],
    ['net.CIDR.containsIP(string): bool', (cidr: CIDR, text: string) => cidr.containsIP(ipOf(text))],
    ['net.CIDR.containsCIDR(net.CIDR): bool', (cidr: CIDR, other: CIDR) => cidr.containsCIDR(other)],
    ['net.CIDR.containsCIDR(string): bool', (cidr: CIDR, text: string) => cidr.containsCIDR(cidrOf(text))],
    ['net.CIDR.ip(): net.IP', (cidr: CIDR) => cidr.address],
    ['net.CIDR.masked(): net.CIDR', (cidr: CIDR) => new CIDR(cidr.address.masked(cidr.bits), cidr.bits)],
    ['net.CIDR.prefixLength(): int', (cidr: CIDR) => BigInt(cidr.bits)],
  ],
  operators: [
    ['net.IP == net.IP', (a: IPAddress, b: IPAddress) => a.equals(b)],
    ['net.CIDR == net.CIDR', (a: CIDR, b: CIDR) => a.equals(b)],
  ],
};
