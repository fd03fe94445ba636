/**
 * Sprig's random functions, as deterministic stand-ins of the same length
 * and alphabet (see non-hermetic.ts): randAlphaNum, randAlpha, randNumeric,
 * randAscii, randBytes, randInt, uuidv4 and shuffle.
 */
import { expectArgs, intArg, stringArg, type GoFunction } from './args.js';
import type { NonHermeticSource } from './non-hermetic.js';
import type { GoValue } from '../go-values.js';

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
// randAscii draws from the printable ASCII characters, space included.
const ASCII = Array.from({ length: 95 }, (_, index) => String.fromCharCode(32 + index)).join('');

/** A count argument as Go's int; a negative one gives nothing, as goutils does. */
function count(name: string, args: readonly GoValue[]): number {
  expectArgs(name, args, 1);
  return Number(intArg(args[0]));
}

function characters(name: string, alphabet: string, source: NonHermeticSource): GoFunction {
  return (...args) => source.record(source.chars(alphabet, count(name, args)));
}

function uuid(source: NonHermeticSource): string {
  const hex = Array.from(source.bytes(16), (byte, index) => {
    // Version 4, variant 10xx, as uuid.New() sets them.
    const fixed = index === 6 ? (byte & 0x0f) | 0x40 : index === 8 ? (byte & 0x3f) | 0x80 : byte;
    return fixed.toString(16).padStart(2, '0');
  }).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The random functions over one source, by template name. */
export function randomFunctions(source: NonHermeticSource): Record<string, GoFunction> {
  return {
    randAlphaNum: characters('randAlphaNum', LETTERS + DIGITS, source),
    randAlpha: characters('randAlpha', LETTERS, source),
    randNumeric: characters('randNumeric', DIGITS, source),
    randAscii: characters('randAscii', ASCII, source),
    randBytes: (...args) => source.record(Buffer.from(source.bytes(count('randBytes', args))).toString('base64')),
    randInt: (...args) => {
      expectArgs('randInt', args, 2);
      const [min, max] = [intArg(args[0]), intArg(args[1])];
      if (max <= min) throw new Error('invalid argument to Intn');
      return min + BigInt(source.below(Number(max - min)));
    },
    uuidv4: (...args) => {
      expectArgs('uuidv4', args, 0);
      return source.record(uuid(source));
    },
    shuffle: (...args) => {
      expectArgs('shuffle', args, 1);
      const chars = Array.from(stringArg(args[0]));
      for (let index = chars.length - 1; index > 0; index--) {
        const other = source.below(index + 1);
        [chars[index], chars[other]] = [chars[other] ?? '', chars[index] ?? ''];
      }
      return source.record(chars.join(''));
    },
  };
}
