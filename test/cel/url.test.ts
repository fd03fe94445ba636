import { describe, expect, it } from 'vitest';
import { cel, celError, type Case } from './run.js';

// k8s.io/apiserver/pkg/cel/library/urls.go: Go's url.ParseRequestURI decides what is a URL.
describe('Kubernetes URL library', () => {
  it.each<Case>([
    ["isURL('https://user:pass@example.com:80/path?query=val#fragment')", true],
    ["isURL('/absolute-path')", true],
    ["isURL('https://a:b:c/')", false],
    ["isURL('../relative-path')", false],
    ["isURL('')", false],
    ["isURL('example.com')", false],
    ["isURL('http://[::1]:8080/')", true],
    ["isURL('http://[::1/')", false],
    ["isURL('http://exa mple.com/')", false],
    ["isURL('mailto:someone@example.com')", true],
    ["isURL('http://example.com/%zz')", false],
    ["url('/path').getScheme()", ''],
    ["url('https://example.com/').getScheme()", 'https'],
    ["url('HTTPS://example.com/').getScheme()", 'https'],
    ["url('https://example.com:80/').getHost()", 'example.com:80'],
    ["url('https://example.com/').getHost()", 'example.com'],
    ["url('https://[::1]:80/').getHost()", '[::1]:80'],
    ["url('https://[::1]/').getHost()", '[::1]'],
    ["url('/path').getHost()", ''],
    ["url('https://example.com:80/').getHostname()", 'example.com'],
    ["url('https://127.0.0.1:80/').getHostname()", '127.0.0.1'],
    ["url('https://[::1]:80/').getHostname()", '::1'],
    ["url('/path').getHostname()", ''],
    ["url('https://example.com:80/').getPort()", '80'],
    ["url('https://example.com/').getPort()", ''],
    ["url('/path').getPort()", ''],
    ["url('https://example.com/path').getEscapedPath()", '/path'],
    ["url('https://example.com/path with spaces/').getEscapedPath()", '/path%20with%20spaces/'],
    ["url('https://example.com').getEscapedPath()", ''],
    ["url('https://example.com/a%2Fb').getEscapedPath()", '/a%2Fb'],
    ["url('https://example.com/path#frag').getEscapedPath()", '/path'],
    ["url('https://example.com/path?k1=a&k2=b&k2=c').getQuery()", { k1: ['a'], k2: ['b', 'c'] }],
    [
      "url('https://example.com/path?key with spaces=value with spaces').getQuery()",
      { 'key with spaces': ['value with spaces'] },
    ],
    ["url('https://example.com/path?a=1+2&b=%41').getQuery()", { a: ['1 2'], b: ['A'] }],
    ["url('https://example.com/path?').getQuery()", {}],
    ["url('https://example.com/path').getQuery()", {}],
    ["url('https://example.com/path?q=1#frag').getQuery()", { q: ['1'] }],
  ])('%s is %s', (expression, expected) => {
    expect(cel(expression)).toEqual(expected);
  });

  it.each<Case>([
    ["url('https://a:b:c/')", /URL parse error during conversion from string: .*invalid port ":c" after host/],
    ["url('../relative-path')", /invalid URI for request/],
    ["url('')", /empty url/],
    ["url(':x')", /missing protocol scheme/],
    ['url(1)', /no matching overload/],
  ])('%s fails', (expression, message) => {
    expect(celError(expression)).toMatch(message as RegExp);
  });
});
