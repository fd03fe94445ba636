/**
 * The network formats of CRD schemas, checked as kube-openapi's strfmt checks
 * them: `ipv4` and `cidr` through Kubernetes' sloppy IP parsing (leading
 * zeros allowed), `ipv6` through Go's `net.ParseIP`, `mac` through
 * `net.ParseMAC`, `hostname` by its RFC 1034 pattern, `email` by the shape
 * `net/mail.ParseAddress` accepts.
 */
/** Kubernetes' `ParseIPSloppy`: an IPv4 address (leading zeros allowed) or an IPv6 address. */
export declare function isSloppyIP(text: string): boolean;
/** strfmt `ipv4`: a sloppy IP with a dot in it (an IPv4-mapped IPv6 address passes too). */
export declare function isIPv4Format(text: string): boolean;
/** strfmt `ipv6`: Go's `net.ParseIP` accepts it and it has a colon. */
export declare function isIPv6Format(text: string): boolean;
/** strfmt `cidr`: Kubernetes' `ParseCIDRSloppy`: an address, a slash, a prefix length that fits. */
export declare function isCIDRFormat(text: string): boolean;
/** strfmt `mac`: Go's `net.ParseMAC`: 6, 8 or 20 octets as `xx:xx…`, `xx-xx…` or `xxxx.xxxx…`. */
export declare function isMACFormat(text: string): boolean;
/** strfmt `hostname`: RFC 1034 labels (letters, digits, symbols, inner dashes), at most 255 bytes, labels at most 63. */
export declare function isHostnameFormat(text: string): boolean;
/** strfmt `email`: an address as `net/mail.ParseAddress` reads it, with or without a display name. */
export declare function isEmailFormat(text: string): boolean;
