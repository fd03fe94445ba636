import { describe, expect, it } from 'vitest';
import { cel, celError, type Case } from './run.js';

// The cel-go strings extension as Kubernetes enables it; indexes count code points.
describe('strings extension', () => {
  it.each<Case>([
    ["'hello'.charAt(1)", 'e'],
    ["'hello'.charAt(5)", ''],
    ["'a😀b'.charAt(1)", '😀'],
    ["'hello mellow'.indexOf('')", 0n],
    ["'hello mellow'.indexOf('ello')", 1n],
    ["'hello mellow'.indexOf('jello')", -1n],
    ["'hello mellow'.indexOf('', 2)", 2n],
    ["'hello mellow'.indexOf('ello', 2)", 7n],
    ["'😀a'.indexOf('a')", 1n],
    ["'hello mellow'.lastIndexOf('')", 12n],
    ["'hello mellow'.lastIndexOf('ello')", 7n],
    ["'hello mellow'.lastIndexOf('jello')", -1n],
    ["'hello mellow'.lastIndexOf('ello', 6)", 1n],
    ["'hello'.indexOf('o', 5)", -1n], // an offset past the end finds nothing, as in current cel-go
    ["'hello'.lastIndexOf('l', 10)", -1n],
    ["''.indexOf('')", 0n],
    ["''.lastIndexOf('')", 0n],
    ["'TacoCat'.lowerAscii()", 'tacocat'],
    ["'TacoCÆt Xii'.lowerAscii()", 'tacocÆt xii'],
    ["'tacoCat'.upperAscii()", 'TACOCAT'],
    ["'tacoCÆt xii'.upperAscii()", 'TACOCÆT XII'],
    ["'hello hello'.replace('he', 'we')", 'wello wello'],
    ["'hello hello'.replace('he', 'we', -1)", 'wello wello'],
    ["'hello hello'.replace('he', 'we', 1)", 'wello hello'],
    ["'hello hello'.replace('he', 'we', 0)", 'hello hello'],
    ["'ab'.replace('', '-')", '-a-b-'],
    ["'hello hello hello'.split(' ')", ['hello', 'hello', 'hello']],
    ["'hello hello hello'.split(' ', 0)", []],
    ["'hello hello hello'.split(' ', 1)", ['hello hello hello']],
    ["'hello hello hello'.split(' ', 2)", ['hello', 'hello hello']],
    ["'hello hello hello'.split(' ', -1)", ['hello', 'hello', 'hello']],
    ["'a😀'.split('')", ['a', '😀']],
    ["'tacocat'.substring(4)", 'cat'],
    ["'tacocat'.substring(0, 4)", 'taco'],
    ["'a😀bc'.substring(1, 3)", '😀b'],
    ["'  \\ttrim\\n    '.trim()", 'trim'],
    ["['hello', 'mellow'].join()", 'hellomellow'],
    ["['hello', 'mellow'].join(' ')", 'hello mellow'],
    ["[].join('/')", ''],
    ['strings.quote(\'single-quote with "double quote"\')', '"single-quote with \\"double quote\\""'],
    ["strings.quote('two escape sequences \\a\\n')", '"two escape sequences \\a\\n"'],
  ])('%s is %s', (expression, expected) => {
    expect(cel(expression)).toEqual(expected);
  });

  it.each<Case>([
    ["'hello'.charAt(6)", /index out of range: 6/],
    ["'hello'.charAt(-1)", /index out of range: -1/],
    ["'hello'.indexOf('l', -1)", /index out of range: -1/],
    ["'hello'.lastIndexOf('l', -1)", /index out of range: -1/],
    ["''.lastIndexOf('a')", /index out of range: -1/],
    ["'gums'.reverse()", /reverse/], // version 3 of the extension; Kubernetes enables version 2
    ["'tacocat'.substring(40)", /index out of range: 40/],
    ["'tacocat'.substring(-1)", /index out of range: -1/],
    ["'tacocat'.substring(1, 40)", /index out of range: 40/],
    ["'tacocat'.substring(3, 1)", /invalid substring range. start: 3, end: 1/],
    ['[1, 2].join()', /no matching overload/],
  ])('%s fails', (expression, message) => {
    expect(celError(expression)).toMatch(message as RegExp);
  });
});

// string.format as cel-go prints it in Kubernetes (strings extension version 2, en_US locale).
describe('string.format', () => {
  const values = { object: { name: 'web', ratio: 0.25, ports: [80, 443], labels: { tier: 'front', app: 'web' } } };

  it.each<Case>([
    ["'%s and %s'.format(['this', 'that'])", 'this and that'],
    ["'%d replicas'.format([3])", '3 replicas'],
    ["'%%%s%%'.format(['text'])", '%text%'],
    ["'100%%'.format([])", '100%'],
    ["'%s'.format([null])", 'null'],
    ["'%s %s'.format([true, 3])", 'true 3'],
    // %s of a double is Go's %g
    ["'%s'.format([2.71])", '2.71'],
    ["'%s'.format([0.000000002])", '2e-09'],
    ["'%s'.format([1000000.0])", '1e+06'],
    ["'%s'.format([123456.0])", '123456'],
    ["'%s'.format([double('Inf')])", '+Inf'],
    // lists and maps as CEL literals
    ["'%s'.format([['abc', 3.14, null, [9, 8]]])", '["abc", 3.140000, null, [9, 8]]'],
    ["'%s'.format([{'key2': 2.5, 'key1': b'xyz', 'key3': 'v'}])", '{"key1":b"xyz", "key2":2.500000, "key3":"v"}'],
    ["'%s'.format([duration('2h')])", '7200s'],
    ["'%s'.format([timestamp('2023-02-03T23:31:20Z')])", '2023-02-03T23:31:20Z'],
    ["'%s'.format([[duration('2h')]])", '[duration("7200s")]'],
    ['"ports %s".format([object.ports])', 'ports [80, 443]'],
    ["'labels %s'.format([object.labels])", 'labels {"app":"web", "tier":"front"}'],
    // %f and %e in the en_US number format
    ["'%.3f'.format([1.2345])", '1.234'],
    ["'%f'.format([2.71828])", '2.718280'],
    ["'%.2f'.format([1234567.891])", '1,234,567.89'],
    ["'%.1f'.format([object.ratio])", '0.3'],
    ["'%f'.format(['NaN'])", 'NaN'],
    ["'%f'.format(['Infinity'])", '∞'],
    ["'%f'.format(['-Infinity'])", '-∞'],
    ["'%e'.format([2.71828])", '2.718280\u202f×\u202f10⁰⁰'],
    ["'%.6e'.format([1052.032911275])", '1.052033\u202f×\u202f10⁰³'],
    ["'%e'.format([0.00025])", '2.500000\u202f×\u202f10⁻⁰⁴'],
    // integers
    ["'%b %b %b'.format([5, -5, true])", '101 -101 1'],
    ["'%o %o'.format([11, -11])", '13 -13'],
    ["'%x %X %x'.format([30, 30, -30])", '1e 1E -1e'],
    ["'%x'.format(['Hello world!'])", '48656c6c6f20776f726c6421'],
    ["'%X'.format([b'byte string'])", '6279746520737472696E67'],
    ["'%d'.format([uint(64)])", '64'],
  ])('%s is %s', (expression, expected) => {
    expect(cel(expression, values)).toBe(expected);
  });

  it.each<Case>([
    ["'%d'.format(['x'])", /error during formatting: decimal clause can only be used on integers, was given string/],
    ["'%d'.format([object.name])", /decimal clause can only be used on integers, was given string/],
    ["'%f'.format([1])", /fixed-point clause can only be used on doubles, was given int/],
    ["'%e'.format([object.name])", /scientific clause can only be used on doubles, was given string/],
    ["'%b'.format([object.name])", /only integers and bools can be formatted as binary, was given string/],
    ["'%o'.format([object.ratio])", /octal clause can only be used on integers, was given double/],
    [
      "'%x'.format([object.ratio])",
      /only integers, byte buffers, and strings can be formatted as hex, was given double/,
    ],
    ["'%d'.format([null])", /was given null_type/],
    ["'%s %s'.format(['x'])", /index 1 out of range/],
    ["'%s %s'.format(object.ports.map(p, string(p)).filter(p, p == '80'))", /index 1 out of range/],
    ["'%s'.format(['x', 'y'])", /too many arguments supplied to string.format \(expected 1, got 2\)/],
    ["'%q'.format(['x'])", /could not parse formatting clause: unrecognized formatting clause "q"/],
    ["'%E'.format([0.5])", /unrecognized formatting clause "E"/],
    ["'filler %'.format([])", /unexpected end of string/],
    ["'double is %.34'.format([5.0])", /could not find end of precision specifier/],
  ])('%s fails', (expression, message) => {
    expect(celError(expression, values)).toMatch(message as RegExp);
  });

  it('uses every argument of a list that is not a literal without complaint, as at run time in Kubernetes', () => {
    expect(cel("'%s'.format(object.ports)", values)).toBe('80');
  });
});
