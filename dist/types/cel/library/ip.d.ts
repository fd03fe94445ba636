/**
 * Kubernetes' IP and CIDR libraries (`library/ip.go`, `library/cidr.go`):
 * `ip()`, `isIP()`, `ip.isCanonical()`, `cidr()`, `isCIDR()` and the methods
 * of `net.IP` and `net.CIDR`. Addresses are parsed as Go's `netip.ParseAddr`
 * parses them (no leading zeros in IPv4 octets, at most one `::`, an IPv4
 * tail in IPv6), and, as in Kubernetes, zones and IPv4-mapped IPv6 addresses
 * are refused. `containsCIDR` compares masked prefixes, as Kubernetes does
 * since it fixed that function (kubernetes#130450).
 */
import { type Library } from '../cel-types.js';
/** A `net.IP` value: 4 or 16 bytes. */
export declare class IPAddress {
    readonly bytes: readonly number[];
    constructor(bytes: readonly number[]);
    get family(): 4 | 6;
    equals(other: IPAddress): boolean;
    /** Go's `Addr.String()`: dotted IPv4, or IPv6 per RFC 5952 (lowercase, longest zero run as `::`). */
    toString(): string;
    isUnspecified(): boolean;
    isLoopback(): boolean;
    isMulticast(): boolean;
    isLinkLocalMulticast(): boolean;
    isLinkLocalUnicast(): boolean;
    /** Go's `IsGlobalUnicast`: private and unique-local addresses count as global unicast too. */
    isGlobalUnicast(): boolean;
    /** The address with every bit after the first `bits` cleared. */
    masked(bits: number): IPAddress;
}
/** A `net.CIDR` value: an address (host bits allowed, as in Kubernetes) and a prefix length. */
export declare class CIDR {
    readonly address: IPAddress;
    readonly bits: number;
    constructor(address: IPAddress, bits: number);
    equals(other: CIDR): boolean;
    containsIP(ip: IPAddress): boolean;
    containsCIDR(other: CIDR): boolean;
    toString(): string;
}
/** Why Go's `netip.ParseAddr` refuses `text`, or the address. */
export declare function parseAddress(text: string): IPAddress | string;
/** Kubernetes' `parseIPAddr`: `netip.ParseAddr`, without zones or IPv4-mapped IPv6 addresses. */
export declare function parseKubernetesIP(text: string): IPAddress | string;
/** Kubernetes' `parseCIDR`: `netip.ParsePrefix` (host bits allowed), without IPv4-mapped addresses. */
export declare function parseKubernetesCIDR(text: string): CIDR | string;
/** The receiver of `ip.isCanonical(...)`: a namespace, not a value. */
export declare class IpNamespace {
}
export declare const ipLibrary: Library;
