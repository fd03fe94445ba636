/**
 * The string formats the API server checks: a CRD's formats (kube-openapi's
 * strfmt, as the apiextensions server supports them), a built-in kind's
 * timestamps and byte fields (Go's decoders), and quantity syntax
 * (apimachinery's `ParseQuantity`).
 */
import { describe, expect, it } from 'vitest';
import { formatFailure } from '../../../src/schema/formats.js';
import { isQuantitySyntax } from '../../../src/schema/quantity-syntax.js';
import { isGoRFC3339, isStrfmtDateTime, isStrfmtDuration } from '../../../src/schema/time-formats.js';

const crdAccepts = (format: string, text: string): boolean =>
  formatFailure(format.replaceAll('-', '').toLowerCase(), text, 'crd') === undefined;

describe('CRD formats', () => {
  it.each([
    ['uuid', '123e4567-e89b-12d3-a456-426614174000', true],
    ['uuid', '123E4567E89B12D3A456426614174000', true],
    ['uuid', '123e4567-e89b-12d3-a456', false],
    ['uuid4', '123e4567-e89b-42d3-a456-426614174000', true],
    ['uuid4', '123e4567-e89b-12d3-a456-426614174000', false],
    ['bsonobjectid', '507f1f77bcf86cd799439011', true],
    ['bsonobjectid', '507f1f77bcf86cd79943901', false],
    ['uri', 'https://example.com/path?q=1', true],
    ['uri', '/absolute/path', true],
    ['uri', 'relative/path', false],
    ['email', 'someone@example.com', true],
    ['email', 'Some One <someone@example.com>', true],
    ['email', 'someone.example.com', false],
    ['hostname', 'api.example.com', true],
    ['hostname', 'localhost', true],
    ['hostname', 'bad_host.example.com', false],
    ['hostname', '-leading.example.com', false],
    ['ipv4', '10.0.0.1', true],
    ['ipv4', '010.000.000.001', true],
    ['ipv4', '256.0.0.1', false],
    ['ipv4', '::ffff:10.0.0.1', true],
    ['ipv6', '2001:db8::1', true],
    ['ipv6', '::', true],
    ['ipv6', '2001:db8::1::2', false],
    ['ipv6', '10.0.0.1', false],
    ['cidr', '10.0.0.0/8', true],
    ['cidr', '2001:db8::/32', true],
    ['cidr', '10.0.0.0/33', false],
    ['cidr', '10.0.0.0', false],
    ['mac', '00:1a:2b:3c:4d:5e', true],
    ['mac', '00-1a-2b-3c-4d-5e', true],
    ['mac', '001a.2b3c.4d5e', true],
    ['mac', '00:1a:2b:3c:4d', false],
    ['isbn10', '0-321-75104-3', true],
    ['isbn10', '0321751044', false],
    ['isbn13', '978-0321751041', true],
    ['isbn', '9780321751041', true],
    ['creditcard', '4111 1111 1111 1111', true],
    ['creditcard', '4111 1111 1111 1112', false],
    ['ssn', '123-45-6789', true],
    ['ssn', '123456789', false],
    ['hexcolor', '#ffaa00', true],
    ['hexcolor', '#ffaa0', false],
    ['rgbcolor', 'rgb(255, 0, 12)', true],
    ['rgbcolor', 'rgb(256,0,0)', false],
    ['byte', 'aGVsbG8=', true],
    ['byte', 'aGVsbG8', false],
    ['byte', '', false],
    ['password', '', true],
    ['date', '2024-02-29', true],
    ['date', '2023-02-29', false],
    ['date-time', '2024-01-02T03:04:05.123+02:00', true],
    ['date-time', '2024-01-02T24:00:00Z', false],
    ['duration', '1h30m', true],
    ['duration', '3 days', true],
    ['duration', 'soon', false],
    ['quantity', '1.5Gi', true],
    ['quantity', '1GB', false],
    ['k8s-short-name', 'my-name', true],
    ['k8s-short-name', 'My-Name', false],
    ['k8s-long-name', 'my.name.example', true],
    ['k8s-long-name', 'my..name', false],
    ['no-such-format', 'anything', true],
  ])('%s: %j is %s', (format, text, accepted) => {
    expect(crdAccepts(format, text)).toBe(accepted);
  });
});

describe("built-in formats (Go's decoders)", () => {
  it.each([
    ['2024-01-02T03:04:05Z', true],
    ['2024-01-02T03:04:05.999999999-07:00', true],
    ['2024-01-02T3:04:05Z', true],
    ['2024-01-02T03:04:05,5Z', true],
    ['2024-01-02T03:04:05+24:00', true],
    ['2024-01-02T03:04:05', false],
    ['2024-01-02 03:04:05Z', false],
    ['2024-01-02t03:04:05z', false],
    ['2024-13-02T03:04:05Z', false],
    ['2024-01-02T03:04:60Z', false],
    ['', false],
  ])('date-time %j is %s', (text, accepted) => {
    expect(isGoRFC3339(text)).toBe(accepted);
  });

  it('reads a byte field as padded standard base64, ignoring line breaks', () => {
    expect(formatFailure('byte', 'aGVs\nbG8=', 'builtin')).toBeUndefined();
    expect(formatFailure('byte', '', 'builtin')).toBeUndefined();
    expect(formatFailure('byte', 'aGVsbG8', 'builtin')).toBe('base64-encoded data');
  });

  it('checks only date-time and byte among string formats', () => {
    expect(formatFailure('uuid', 'nope', 'builtin')).toBeUndefined();
    expect(formatFailure('email', 'nope', 'builtin')).toBeUndefined();
  });
});

describe('strfmt date-time and duration', () => {
  it.each([
    ['2024-01-02T03:04:05Z', true],
    ['2024-01-02t03:04:05z', true],
    ['2024-01-02T03:04:05', false],
    ['2024-01-02T03:04:05.5+01:00', true],
  ])('date-time %j is %s', (text, accepted) => {
    expect(isStrfmtDateTime(text)).toBe(accepted);
  });

  it.each([
    ['0', true],
    ['-1.5h', true],
    ['300ms', true],
    ['2 weeks', true],
    ['1h 30min', true],
    ['5', false],
    ['h', false],
  ])('duration %j is %s', (text, accepted) => {
    expect(isStrfmtDuration(text)).toBe(accepted);
  });
});

describe('quantity syntax', () => {
  it.each([
    ['500m', true],
    ['1Gi', true],
    ['1.5', true],
    ['.5', true],
    ['1.', true],
    ['-1e3', true],
    ['1E', true],
    ['1e+5', true],
    ['1e101', true],
    ['+', true],
    ['0', true],
    ['', false],
    ['1e', false],
    ['1Gb', false],
    ['1K', false],
    // ParseQuantity reads a bare suffix or sign as zero.
    ['Mi', true],
    ['1 Mi', false],
    [' 1', false],
    ['1.5.5', false],
    ['1e99999999999999999999', false],
  ])('%j is %s', (text, accepted) => {
    expect(isQuantitySyntax(text)).toBe(accepted);
  });
});
