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
    ["'gums'.reverse()", 'smug'],
    ['strings.quote(\'single-quote with "double quote"\')', '"single-quote with \\"double quote\\""'],
    ["strings.quote('two escape sequences \\a\\n')", '"two escape sequences \\a\\n"'],
    ["'%s and %s'.format(['this', 'that'])", 'this and that'],
    ["'%d replicas'.format([3])", '3 replicas'],
    ["'%.2f'.format([3.14159])", '3.14'],
    ["'%x %X %o %b'.format([255, 255, 8, 5])", 'ff FF 10 101'],
    ["'%s'.format([[1, 'a']])", '[1, a]'],
    ["'100%%'.format([])", '100%'],
  ])('%s is %s', (expression, expected) => {
    expect(cel(expression)).toEqual(expected);
  });

  it.each<Case>([
    ["'hello'.charAt(6)", /index out of range: 6/],
    ["'hello'.charAt(-1)", /index out of range: -1/],
    ["'hello'.indexOf('l', 10)", /index out of range: 10/],
    ["'hello'.lastIndexOf('l', 10)", /index out of range: 10/],
    ["'tacocat'.substring(40)", /index out of range: 40/],
    ["'tacocat'.substring(-1)", /index out of range: -1/],
    ["'tacocat'.substring(1, 40)", /index out of range: 40/],
    ["'tacocat'.substring(3, 1)", /invalid substring range. start: 3, end: 1/],
    ["'%d'.format(['x'])", /decimal clause can only be used on integers/],
    ["'%s %s'.format(['x'])", /index 1 out of range/],
    ["'%s'.format(['x', 'y'])", /too many arguments/],
    ["'%q'.format(['x'])", /unrecognized formatting clause/],
    ['[1, 2].join()', /no matching overload/],
  ])('%s fails', (expression, message) => {
    expect(celError(expression)).toMatch(message as RegExp);
  });
});
