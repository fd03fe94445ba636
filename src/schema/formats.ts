/**
 * String formats and what each accepts, per mode. A built-in kind's decoder
 * checks `date-time` (Go's RFC 3339 parse) and `byte` (standard base64); a
 * CRD's validator checks the formats kube-openapi's strfmt registers and the
 * apiextensions server supports, and ignores every other format.
 */
import { utf8Length } from '../util/utf8.js';
import { parseRequestURI } from '../cel/library/url.js';
import type { SchemaMode } from './compile.js';
import {
  isCIDRFormat,
  isEmailFormat,
  isHostnameFormat,
  isIPv4Format,
  isIPv6Format,
  isMACFormat,
} from './network-formats.js';
import { isQuantitySyntax } from './quantity-syntax.js';
import { isFullDate, isGoRFC3339, isStrfmtDateTime, isStrfmtDuration } from './time-formats.js';

/** A format check: whether a text has the format, and how a message describes the format. */
interface Format {
  readonly accepts: (text: string) => boolean;
  readonly described: string;
}

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const UUID3 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const UUID4 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i;
const UUID5 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i;
/** govalidator's base64: whole groups of four, padding only at the end; the empty text fails. */
const STRFMT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/;
/** Go's `base64.StdEncoding`, which `encoding/json` decodes `[]byte` with: padded, empty allowed. */
const GO_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const HEX_COLOR = /^#?(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const OCTET = '(?:0|[1-9]\\d?|1\\d\\d?|2[0-4]\\d|25[0-5])';
const RGB_COLOR = new RegExp(`^rgb\\(\\s*${OCTET}\\s*,\\s*${OCTET}\\s*,\\s*${OCTET}\\s*\\)$`);
const SSN = /^\d{3}[- ]?\d{2}[- ]?\d{4}$/;
const CREDIT_CARD =
  /^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|6(?:011|5[0-9][0-9])[0-9]{12}|3[47][0-9]{13}|3(?:0[0-5]|[68][0-9])[0-9]{11}|(?:2131|1800|35\d{3})\d{11})$/;
const SHORT_NAME = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/;
const LONG_NAME = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;

function isISBN10(text: string): boolean {
  const digits = text.replace(/[\s-]+/g, '');
  if (!/^(?:\d{9}X|\d{10})$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < 10; index++) {
    const character = digits[index] ?? '0';
    sum += (index + 1) * (character === 'X' ? 10 : Number(character));
  }
  return sum % 11 === 0;
}

function isISBN13(text: string): boolean {
  const digits = text.replace(/[\s-]+/g, '');
  if (!/^\d{13}$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < 12; index++) sum += (index % 2 === 0 ? 1 : 3) * Number(digits[index]);
  return Number(digits[12]) === (10 - (sum % 10)) % 10;
}

/** govalidator's credit card check: the digits match a card pattern and pass Luhn's checksum. */
function isCreditCard(text: string): boolean {
  const digits = text.replace(/[^0-9]+/g, '');
  if (!CREDIT_CARD.test(digits)) return false;
  let sum = 0;
  for (let index = digits.length - 1, double = false; index >= 0; index--, double = !double) {
    let digit = Number(digits[index]);
    if (double) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

const test =
  (pattern: RegExp) =>
  (text: string): boolean =>
    pattern.test(text);
const format = (accepts: (text: string) => boolean, described: string): Format => ({ accepts, described });

/** CRD formats by their normalised name (dashes removed, lower case), as the apiextensions server validates them. */
const CRD_FORMATS: ReadonlyMap<string, Format> = new Map([
  ['bsonobjectid', format(test(/^[0-9a-fA-F]{24}$/), 'a BSON object ID (24 hexadecimal digits)')],
  ['uri', format((text) => typeof parseRequestURI(text) !== 'string', 'an absolute URI or an absolute path')],
  ['email', format(isEmailFormat, 'an email address')],
  ['hostname', format(isHostnameFormat, 'a host name')],
  ['ipv4', format(isIPv4Format, 'an IPv4 address')],
  ['ipv6', format(isIPv6Format, 'an IPv6 address')],
  ['cidr', format(isCIDRFormat, 'a CIDR such as "10.0.0.0/8"')],
  ['mac', format(isMACFormat, 'a MAC address')],
  ['uuid', format(test(UUID), 'a UUID')],
  ['uuid3', format(test(UUID3), 'a version 3 UUID')],
  ['uuid4', format(test(UUID4), 'a version 4 UUID')],
  ['uuid5', format(test(UUID5), 'a version 5 UUID')],
  ['isbn', format((text) => isISBN10(text) || isISBN13(text), 'an ISBN')],
  ['isbn10', format(isISBN10, 'an ISBN-10')],
  ['isbn13', format(isISBN13, 'an ISBN-13')],
  ['creditcard', format(isCreditCard, 'a credit card number')],
  ['ssn', format((text) => text.length === 11 && SSN.test(text), 'a U.S. social security number')],
  ['hexcolor', format(test(HEX_COLOR), 'a hexadecimal color such as "#ff0000"')],
  ['rgbcolor', format(test(RGB_COLOR), 'an RGB color such as "rgb(255,0,0)"')],
  ['byte', format(test(STRFMT_BASE64), 'base64-encoded data')],
  ['password', format(() => true, 'a password')],
  ['date', format(isFullDate, 'a date such as "2024-01-31"')],
  ['duration', format(isStrfmtDuration, 'a duration such as "30s" or "1h30m"')],
  ['datetime', format(isStrfmtDateTime, 'an RFC 3339 date-time such as "2024-01-31T15:04:05Z"')],
  ['quantity', format(isQuantitySyntax, 'a quantity such as "500m" or "1Gi"')],
  [
    'k8sshortname',
    format((text) => text.length <= 63 && SHORT_NAME.test(text), 'a lowercase name of at most 63 characters'),
  ],
  ['k8slongname', format((text) => utf8Length(text) <= 253 && LONG_NAME.test(text), 'a lowercase DNS subdomain name')],
]);

/** Formats a built-in kind's Go decoder checks while reading a string. */
const BUILTIN_FORMATS: ReadonlyMap<string, Format> = new Map([
  ['datetime', format(isGoRFC3339, 'an RFC 3339 date-time such as "2024-01-31T15:04:05Z"')],
  ['byte', format((text) => GO_BASE64.test(text.replace(/[\r\n]/g, '')), 'base64-encoded data')],
]);

/** Formats a CRD ignores before this Kubernetes release (`[major, minor]`). */
const CRD_FORMATS_SINCE: ReadonlyMap<string, readonly [number, number]> = new Map([
  ['k8sshortname', [1, 34]],
  ['k8slongname', [1, 34]],
]);

/**
 * How to describe the format a string fails, or undefined when it has the
 * format or the format is not checked in this mode (and release, for CRDs).
 */
export function formatFailure(
  formatKey: string,
  text: string,
  mode: SchemaMode,
  release?: readonly [number, number],
): string | undefined {
  const found = (mode === 'crd' ? CRD_FORMATS : BUILTIN_FORMATS).get(formatKey);
  if (found === undefined || found.accepts(text)) return undefined;
  const since = mode === 'crd' ? CRD_FORMATS_SINCE.get(formatKey) : undefined;
  if (since && release && (release[0] < since[0] || (release[0] === since[0] && release[1] < since[1]))) {
    return undefined;
  }
  return found.described;
}
