import { describe, expect, it } from 'vitest';
import { cel, celError, type Case } from './run.js';

// matches (CEL standard library) and find/findAll (k8s.io/apiserver/pkg/cel/library/regex.go), with Go's RE2 semantics.
describe('regular expressions', () => {
  it.each<Case>([
    ["'hello'.matches('^h.*o$')", true],
    ["'hello'.matches('ell')", true], // unanchored, as RE2's MatchString
    ["'hello'.matches('^ell')", false],
    ["matches('hello', 'l+')", true],
    ["'HeLLo'.matches('(?i)hello')", true], // RE2 flag syntax, which JavaScript regular expressions lack
    ["'héllo'.matches('^\\\\pL+$')", true], // Unicode classes
    ["'abc'.matches('[[:alpha:]]+')", true], // POSIX classes
    ["'a\\nb'.matches('a.b')", false],
    ["'a\\nb'.matches('(?s)a.b')", true],
    // find
    ["'abc 123'.find('[0-9]+')", '123'],
    ["'abc 123'.find('xyz')", ''],
    ["'abc 123'.find('[0-9]*')", ''], // the leftmost match is the empty one at the start, as in Go
    ["'image:v1.2.3'.find('v[0-9.]+')", 'v1.2.3'],
    // findAll
    ["'123 abc 456'.findAll('[0-9]+')", ['123', '456']],
    ["'123 abc 456'.findAll('[0-9]+', 1)", ['123']],
    ["'123 abc 456'.findAll('[0-9]+', 0)", []],
    ["'123 abc 456'.findAll('[0-9]+', -1)", ['123', '456']],
    ["'123 abc 456'.findAll('xyz')", []],
    ["'123 abc 456'.findAll('[0-9]*')", ['123', '', '', '', '', '456']], // Go's FindAllString: no empty match right after a match
    ["'a😀b'.findAll('')", ['', '', '', '']],
  ])('%s is %s', (expression, expected) => {
    expect(cel(expression)).toEqual(expected);
  });

  it.each<Case>([
    ["'a'.matches('(')", /Illegal regex: error parsing regexp: missing closing \)/],
    ["'a'.matches('(?=a)')", /invalid or unsupported Perl syntax/], // lookahead is not RE2
    ["'a'.find('[')", /Illegal regex/],
    ["'a'.findAll('a{2,1}')", /Illegal regex/],
    ["'a'.find(1)", /no matching overload/],
  ])('%s fails', (expression, message) => {
    expect(celError(expression)).toMatch(message as RegExp);
  });

  it('runs in linear time on patterns that backtrack in JavaScript', () => {
    const started = Date.now();
    expect(cel(`'${'a'.repeat(5000)}!'.matches('^(a+)+$')`)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
