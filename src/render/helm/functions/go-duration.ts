/** Go's time.Duration as text: how String() prints one and how ParseDuration reads one. */

const NANOS: Record<string, bigint> = {
  ns: 1n,
  us: 1000n,
  µs: 1000n,
  μs: 1000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

/** `value / 10^digits` with the fraction's trailing zeros dropped (and its point, when nothing is left). */
function withFraction(value: bigint, digits: number): string {
  const scale = 10n ** BigInt(digits);
  const fraction = (value % scale).toString().padStart(digits, '0').replace(/0+$/, '');
  return `${value / scale}${fraction === '' ? '' : `.${fraction}`}`;
}

/** Duration.String(): `1h2m5s`, `1.5s`, `500ms`, `0s`. */
export function formatDuration(nanos: bigint): string {
  if (nanos === 0n) return '0s';
  const sign = nanos < 0n ? '-' : '';
  const u = nanos < 0n ? -nanos : nanos;
  if (u < 1000n) return `${sign}${u}ns`;
  if (u < 1_000_000n) return `${sign}${withFraction(u, 3)}µs`;
  if (u < 1_000_000_000n) return `${sign}${withFraction(u, 6)}ms`;
  const seconds = u / 1_000_000_000n;
  const secondText = `${withFraction((seconds % 60n) * 1_000_000_000n + (u % 1_000_000_000n), 9)}s`;
  const minutes = seconds / 60n;
  if (minutes === 0n) return `${sign}${secondText}`;
  const hours = minutes / 60n;
  return `${sign}${hours > 0n ? `${hours}h` : ''}${minutes % 60n}m${secondText}`;
}

const quote = (text: string) => JSON.stringify(text);

/** time.ParseDuration; throws with Go's message. */
export function parseDuration(text: string): bigint {
  const invalid = () => new Error(`time: invalid duration ${quote(text)}`);
  let rest = text;
  let negative = false;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    negative = rest.startsWith('-');
    rest = rest.slice(1);
  }
  if (rest === '0') return 0n;
  if (rest === '') throw invalid();
  let total = 0n;
  while (rest !== '') {
    const number = /^([0-9]*)(?:\.([0-9]*))?/.exec(rest);
    const [whole = '', digits = ''] = [number?.[1], number?.[2]];
    if (whole === '' && digits === '') throw invalid();
    rest = rest.slice(number?.[0].length ?? 0);
    const unit = /^[^0-9.]*/.exec(rest)?.[0] ?? '';
    if (unit === '') throw new Error(`time: missing unit in duration ${quote(text)}`);
    const scale = NANOS[unit];
    if (scale === undefined) throw new Error(`time: unknown unit ${quote(unit)} in duration ${quote(text)}`);
    rest = rest.slice(unit.length);
    const fraction = digits === '' ? 0n : (BigInt(digits) * scale) / 10n ** BigInt(digits.length);
    total += BigInt(whole === '' ? '0' : whole) * scale + fraction;
  }
  return negative ? -total : total;
}
