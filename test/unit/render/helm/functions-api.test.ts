/**
 * The function table as the template executor uses it: which names it holds,
 * the Go signatures it declares, the errors it throws, and how maps and lists
 * are shared or copied, as in Go.
 */
import { describe, expect, it } from 'vitest';
import { GoArgumentError, sprigFunctions } from '../../../../src/render/helm/functions/index.js';
import { formatGoFloat, formatGoValue, quoteGoString } from '../../../../src/render/helm/functions/go-format.js';
import type { GoMap, GoValue } from '../../../../src/render/helm/go-values.js';

function call(name: string, ...args: GoValue[]): GoValue {
  const fn = sprigFunctions[name];
  if (fn === undefined) throw new Error(`no function ${name}`);
  return fn(...args);
}

// Sprig's names that Helm keeps, less those provided elsewhere (serialization, semver, dates,
// random and crypto) and `fail`, which needs the executor.
const EXPECTED_NAMES = `hello abbrev abbrevboth trunc trim upper lower title untitle substr repeat trimall trimAll
  trimSuffix trimPrefix nospace initials swapcase snakecase camelcase kebabcase wrap wrapWith contains hasPrefix
  hasSuffix quote squote cat indent nindent replace plural sha1sum sha256sum adler32sum toString atoi int64 int
  float64 seq toDecimal split splitList splitn toStrings until untilStep add1 add sub div mod mul add1f addf subf divf
  mulf biggest max min maxf minf ceil floor round join sortAlpha default empty coalesce all any compact mustCompact
  ternary deepCopy mustDeepCopy typeOf typeIs typeIsLike kindOf kindIs deepEqual getHostByName base dir clean ext
  isAbs osBase osClean osDir osExt osIsAbs b64enc b64dec b32enc b32dec tuple list dict get set unset hasKey pluck keys
  pick omit merge mergeOverwrite mustMerge mustMergeOverwrite values append push mustAppend mustPush prepend
  mustPrepend first mustFirst rest mustRest last mustLast initial mustInitial reverse mustReverse uniq mustUniq
  without mustWithout has mustHas slice mustSlice concat dig chunk mustChunk regexMatch mustRegexMatch regexFindAll
  mustRegexFindAll regexFind mustRegexFind regexReplaceAll mustRegexReplaceAll regexReplaceAllLiteral
  mustRegexReplaceAllLiteral regexSplit mustRegexSplit regexQuoteMeta urlParse urlJoin`.split(/\s+/);

describe('the Sprig function table', () => {
  it('holds every Sprig name Helm keeps, except the families provided elsewhere', () => {
    expect(Object.keys(sprigFunctions).sort()).toEqual([...EXPECTED_NAMES].sort());
  });

  it('declares Go signatures, so that the executor can convert constants and count arguments', () => {
    expect(sprigFunctions.trunc!.signature).toEqual({ params: ['int', 'string'] });
    expect(sprigFunctions.default!.signature).toEqual({ params: ['interface'], variadic: 'interface' });
    expect(sprigFunctions.pick!.signature).toEqual({ params: ['map'], variadic: 'string' });
    expect(sprigFunctions.round!.signature).toEqual({ params: ['interface', 'int'], variadic: 'float64' });
  });

  it('refuses arguments as Go’s engine does, before the call, with its words', () => {
    expect(() => call('trunc', 3n)).toThrow(new GoArgumentError('wrong number of args for trunc: want 2 got 1'));
    expect(() => call('default')).toThrow('wrong number of args for default: want at least 1 got 0');
    expect(() => call('upper', null)).toThrow('wrong type for value; expected string; got interface {}');
    expect(() => call('trunc', 1.5, 'abc')).toThrow('wrong type for value; expected int; got float64');
    expect(() => call('hasKey', [], 'a')).toThrow(
      'wrong type for value; expected map[string]interface {}; got []interface {}',
    );
    expect(() => call('upper', null)).toThrow(GoArgumentError);
  });

  it('reports failures inside a function as plain errors, which Go prefixes with "error calling"', () => {
    const failure = (() => {
      try {
        call('first', null);
      } catch (error) {
        return error as Error;
      }
    })();
    expect(failure?.message).toBe('runtime error: invalid memory address or nil pointer dereference');
    expect(failure).not.toBeInstanceOf(GoArgumentError);
    expect(() => call('div', 1n, 0n)).toThrow('runtime error: integer divide by zero');
    expect(() => call('append', {}, 1n)).toThrow('Cannot push on type map');
  });

  it('keeps int64 and float64 apart: integer functions give bigint, the f functions numbers', () => {
    expect(call('add', 1n, 2n)).toBe(3n);
    expect(call('div', 7n, 2n)).toBe(3n);
    expect(call('add', 1.9, 1n)).toBe(2n);
    expect(call('mulf', 1.1, 3n)).toBe(3.3);
    expect(call('addf', 0.1, 0.2)).toBe(0.3);
    expect(call('int', '0x10')).toBe(16n);
    expect(call('float64', '1e3')).toBe(1000);
    expect(call('atoi', '42')).toBe(42n);
    expect(call('add', 9223372036854775807n, 1n)).toBe(-9223372036854775808n);
  });

  it('changes a map for everyone who holds it, as Go maps are references', () => {
    const shared: GoMap = { a: 1n };
    const holder: GoMap = { inner: shared };
    expect(call('set', shared, 'b', 2n)).toBe(shared);
    expect(holder.inner).toEqual({ a: 1n, b: 2n });
    call('unset', shared, 'a');
    expect(shared).toEqual({ b: 2n });
  });

  it('merges into the first map and its nested maps in place, sharing values taken from the sources', () => {
    const nested: GoMap = { x: 1n };
    const destination: GoMap = { in: nested };
    const fresh: GoMap = { p: 1n };
    const result = call('merge', destination, { in: { y: 2n }, new: fresh });
    expect(result).toBe(destination);
    expect(nested).toEqual({ x: 1n, y: 2n });
    expect(destination.new).toBe(fresh);
  });

  it('copies lists before adding to them, and copies deeply on deepCopy', () => {
    const list: GoValue[] = [1n, 2n];
    expect(call('append', list, 3n)).toEqual([1n, 2n, 3n]);
    expect(list).toEqual([1n, 2n]);
    const original: GoMap = { a: [{ b: 1n }] };
    const copy = call('deepCopy', original) as GoMap;
    expect(copy).toEqual(original);
    expect(copy.a).not.toBe(original.a);
  });

  it('stores any key, even one named like an object property', () => {
    const map = call('dict', '__proto__', 1n, 'constructor', 2n) as GoMap;
    expect(Object.keys(map)).toEqual(['__proto__', 'constructor']);
    expect(call('hasKey', map, '__proto__')).toBe(true);
    expect(call('keys', call('set', {}, '__proto__', 3n))).toEqual(['__proto__']);
  });

  it('returns keys and values in sorted key order where Go’s order is random', () => {
    expect(call('keys', { b: 1n, a: 2n }, { c: 3n })).toEqual(['a', 'b', 'c']);
    expect(call('values', { b: 1n, a: 2n })).toEqual([2n, 1n]);
  });
});

describe('Go’s fmt forms', () => {
  it.each([
    [1000000, '1e+06'],
    [1234567, '1.234567e+06'],
    [123456, '123456'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1.5, '1.5'],
    [-2.5, '-2.5'],
    [1e21, '1e+21'],
    [100, '100'],
    [-0, '-0'],
    [NaN, 'NaN'],
    [Infinity, '+Inf'],
  ])('prints the float64 %s as %s', (value, text) => {
    expect(formatGoFloat(value)).toBe(text);
  });

  it('prints lists, maps (sorted keys), nil and bytes as %v does', () => {
    expect(formatGoValue([1n, 'a', null, 2.5, [true]])).toBe('[1 a <nil> 2.5 [true]]');
    expect(formatGoValue({ b: 1n, a: { c: 'x' } })).toBe('map[a:map[c:x] b:1]');
    expect(formatGoValue(Uint8Array.from([104, 105]))).toBe('[104 105]');
  });

  it('quotes strings as %q does', () => {
    expect(quoteGoString('a"b\n\t\\')).toBe('"a\\"b\\n\\t\\\\"');
    expect(quoteGoString('é\x01\u00a0\u200b😀')).toBe('"é\\x01\\u00a0\\u200b😀"');
  });
});
