import { describe, expect, it } from 'vitest';
import { cel, celError, type Case } from './run.js';

// k8s.io/apiserver/pkg/cel/library/ip.go and cidr.go: Go's netip parsing, without zones or IPv4-mapped addresses.
describe('Kubernetes IP library', () => {
  it.each<Case>([
    ["isIP('127.0.0.1')", true],
    ["isIP('::1')", true],
    ["isIP('127.0.0.256')", false],
    ["isIP(':::1')", false],
    ["isIP('1.2.3')", false],
    ["isIP('01.2.3.4')", false], // leading zeros are refused
    ["isIP('::ffff:1.2.3.4')", false], // IPv4-mapped
    ["isIP('fe80::1%eth0')", false], // zone
    ["isIP('2001:db8::1.2.3.4')", true],
    ["isIP('1:2:3:4:5:6:7:8')", true],
    ["isIP('1:2:3:4:5:6:7:8:9')", false],
    ["isIP('1::2::3')", false],
    ["isIP('12345::1')", false],
    ["isIP('')", false],
    ["ip.isCanonical('127.0.0.1')", true],
    ["ip.isCanonical('2001:db8::abcd')", true],
    ["ip.isCanonical('2001:DB8::ABCD')", false],
    ["ip.isCanonical('2001:db8::0:0:0:abcd')", false],
    ["ip.isCanonical('2001:0:0:1:0:0:0:1')", false],
    ["ip.isCanonical('2001:0:0:1::1')", true],
    ["ip('127.0.0.1').family()", 4n],
    ["ip('::1').family()", 6n],
    ["ip('127.0.0.1').family() == 4", true],
    ["ip('0.0.0.0').isUnspecified()", true],
    ["ip('127.0.0.1').isUnspecified()", false],
    ["ip('::').isUnspecified()", true],
    ["ip('::1').isUnspecified()", false],
    ["ip('127.0.0.1').isLoopback()", true],
    ["ip('127.255.0.9').isLoopback()", true],
    ["ip('192.168.0.1').isLoopback()", false],
    ["ip('::1').isLoopback()", true],
    ["ip('2001:db8::abcd').isLoopback()", false],
    ["ip('224.0.0.1').isLinkLocalMulticast()", true],
    ["ip('224.0.1.1').isLinkLocalMulticast()", false],
    ["ip('ff02::1').isLinkLocalMulticast()", true],
    ["ip('fd00::1').isLinkLocalMulticast()", false],
    ["ip('169.254.169.254').isLinkLocalUnicast()", true],
    ["ip('192.168.0.1').isLinkLocalUnicast()", false],
    ["ip('fe80::1').isLinkLocalUnicast()", true],
    ["ip('fd80::1').isLinkLocalUnicast()", false],
    ["ip('192.168.0.1').isGlobalUnicast()", true],
    ["ip('255.255.255.255').isGlobalUnicast()", false],
    ["ip('0.0.0.0').isGlobalUnicast()", false],
    ["ip('2001:db8::abcd').isGlobalUnicast()", true],
    ["ip('ff00::1').isGlobalUnicast()", false],
    ["ip('::1').isGlobalUnicast()", false],
    ["string(ip('2001:DB8:0:0::1'))", '2001:db8::1'],
    ["ip('10.0.0.1') == ip('10.0.0.1')", true],
    ["ip('10.0.0.1') != ip('10.0.0.2')", true],
  ])('%s is %s', (expression, expected) => {
    expect(cel(expression)).toEqual(expected);
  });

  it.each<Case>([
    ["ip('127.0.0.256')", /IP Address "127.0.0.256" parse error during conversion from string: .*value >255/],
    ["ip(':::1')", /parse error during conversion from string/],
    ["ip('::ffff:1.2.3.4')", /IPv4-mapped IPv6 address "::ffff:1.2.3.4" is not allowed/],
    ["ip('fe80::1%eth0')", /with zone value is not allowed/],
    ["ip.isCanonical('x')", /parse error/],
    ['ip(1)', /no matching overload/],
  ])('%s fails', (expression, message) => {
    expect(celError(expression)).toMatch(message as RegExp);
  });
});

describe('Kubernetes CIDR library', () => {
  it.each<Case>([
    ["isCIDR('192.168.0.0/16')", true],
    ["isCIDR('::1/128')", true],
    ["isCIDR('192.168.0.0/33')", false],
    ["isCIDR('::1/129')", false],
    ["isCIDR('192.168.0.0/')", false],
    ["isCIDR('192.168.0.0/016')", false],
    ["isCIDR('192.168.0.0')", false],
    ["isCIDR('::ffff:1.2.3.4/120')", false],
    ["isCIDR('192.168.0.1/16')", true], // host bits are allowed, as in Kubernetes
    ["cidr('192.168.0.0/24').containsIP(ip('192.168.0.1'))", true],
    ["cidr('192.168.0.0/24').containsIP(ip('192.168.1.1'))", false],
    ["cidr('192.168.0.0/24').containsIP('192.168.0.1')", true],
    ["cidr('192.168.0.0/24').containsIP('192.168.1.1')", false],
    ["cidr('192.168.0.0/24').containsIP('::1')", false],
    ["cidr('2001:db8::/32').containsIP('2001:db8::1')", true],
    ["cidr('2001:db8::/32').containsIP('2001:dc8::1')", false],
    ["cidr('192.168.0.0/16').containsCIDR(cidr('192.168.10.0/24'))", true],
    ["cidr('192.168.1.0/24').containsCIDR(cidr('192.168.2.0/24'))", false],
    ["cidr('192.168.0.0/16').containsCIDR('192.168.10.0/24')", true],
    ["cidr('192.168.1.0/24').containsCIDR('192.168.2.0/24')", false],
    ["cidr('192.168.0.0/24').containsCIDR('192.168.0.0/23')", false],
    ["cidr('2001:db8::/32').containsCIDR('2001:db8::/33')", true],
    ["string(cidr('192.168.0.1/24').ip())", '192.168.0.1'],
    ["cidr('192.168.0.1/24').ip().family()", 4n],
    ["cidr('::1/128').ip().family()", 6n],
    ["string(cidr('192.168.0.1/24').masked())", '192.168.0.0/24'],
    ["string(cidr('2001:db8:1::/32').masked())", '2001:db8::/32'],
    ["cidr('192.168.0.0/24') == cidr('192.168.0.0/24').masked()", true],
    ["cidr('192.168.0.1/24') == cidr('192.168.0.1/24').masked()", false],
    ["cidr('192.168.0.0/16').prefixLength()", 16n],
    ["cidr('::1/128').prefixLength()", 128n],
    ["string(cidr('192.168.0.0/24'))", '192.168.0.0/24'],
  ])('%s is %s', (expression, expected) => {
    expect(cel(expression)).toEqual(expected);
  });

  it.each<Case>([
    ["cidr('192.168.0.0/')", /netip.ParsePrefix\("192.168.0.0\/"\): bad bits after slash: ""/],
    ["cidr('2001:db8::/')", /bad bits after slash/],
    ["cidr('192.168.0.0/33')", /bad bits after slash: "33"/],
    ["cidr('10.0.0.0')", /no '\/'/],
    ['cidr(192168)', /no matching overload/],
    ["cidr('10.0.0.0/8').containsIP('x')", /parse error/],
  ])('%s fails', (expression, message) => {
    expect(celError(expression)).toMatch(message as RegExp);
  });
});
