/**
 * The order go-yaml's encoder writes map keys in: runs of digits compare as
 * numbers ("9" before "10"), letters compare by code point (so upper case
 * before lower case), and anything that is not a letter sorts before a
 * letter.
 */

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;

const isLetter = (char: string | undefined) => char !== undefined && LETTER.test(char);
const isDigit = (char: string | undefined) => char !== undefined && DIGIT.test(char);

/** The number a run of digits from `start` spells (Go's rune arithmetic, so other scripts' digits count oddly), and where it ends. */
function digitRun(chars: readonly string[], start: number, seed: bigint): { value: bigint; end: number } {
  let value = seed;
  let end = start;
  while (isDigit(chars[end])) {
    // Go accumulates in an int64, which wraps around on long runs.
    value = BigInt.asIntN(64, value * 10n + BigInt((chars[end]?.codePointAt(0) ?? 48) - 48));
    end++;
  }
  return { value, end };
}

/** A run of digits preceded by a non-zero digit is not compared as a number from zero. */
function precededByNonZeroDigit(chars: readonly string[], index: number): boolean {
  for (let back = index - 1; back >= 0 && isDigit(chars[back]); back--) {
    if (chars[back] !== '0') return true;
  }
  return false;
}

/** Negative when key `a` comes before key `b`. */
export function compareKeys(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  for (let index = 0; index < left.length && index < right.length; index++) {
    const l = left[index] ?? '';
    const r = right[index] ?? '';
    if (l === r) continue;
    const lLetter = isLetter(l);
    const rLetter = isLetter(r);
    if (lLetter && rLetter) return (l.codePointAt(0) ?? 0) - (r.codePointAt(0) ?? 0);
    if (lLetter || rLetter) return lLetter ? 1 : -1;
    const seed = (l === '0' || r === '0') && precededByNonZeroDigit(left, index) ? 1n : 0n;
    const lRun = digitRun(left, index, seed);
    const rRun = digitRun(right, index, seed);
    if (lRun.value !== rRun.value) return lRun.value < rRun.value ? -1 : 1;
    if (lRun.end !== rRun.end) return lRun.end - rRun.end;
    return (l.codePointAt(0) ?? 0) - (r.codePointAt(0) ?? 0);
  }
  return left.length - right.length;
}
