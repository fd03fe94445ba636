/**
 * Go's `fmt.Sprintf`, `Sprint` and `Sprintln` over template values: verbs with
 * flags, width, precision, `*` and `[n]` argument indexes, and Go's markers
 * for missing, extra and bad arguments (`%!d(MISSING)`, `%!(EXTRA int=2)`).
 */
import type { GoValue } from '../../go-values.js';
import { type VerbFlags, plainFlags } from './formatter.js';
import { goTypeName, printArg } from './print-value.js';

/** `fmt.Sprint`: a space between operands when neither is a string. */
export function sprint(args: readonly GoValue[]): string {
  let out = '';
  args.forEach((arg, i) => {
    const isString = typeof arg === 'string';
    const previousString = i > 0 && typeof args[i - 1] === 'string';
    if (i > 0 && !isString && !previousString) out += ' ';
    out += printArg(arg, 'v', plainFlags());
  });
  return out;
}

/** `fmt.Sprintln`: operands separated by spaces, then a newline. */
export function sprintln(args: readonly GoValue[]): string {
  return `${args.map((arg) => printArg(arg, 'v', plainFlags())).join(' ')}\n`;
}

const TOO_LARGE = 1e6;

/** Reads a decimal number at `at`; undefined when there is none or it is absurdly large. */
function readNumber(format: string, at: number, end: number): { value: number | undefined; next: number } {
  let value = 0;
  let next = at;
  for (; next < end && format[next]! >= '0' && format[next]! <= '9'; next++) {
    if (value > TOO_LARGE) return { value: undefined, next: end };
    value = value * 10 + Number(format[next]);
  }
  return { value: next > at ? value : undefined, next };
}

class Printf {
  private out = '';
  private argIndex = 0;
  private reordered = false;
  private goodIndex = true;
  private flags: VerbFlags = plainFlags();
  private i = 0;

  constructor(
    private readonly format: string,
    private readonly args: readonly GoValue[],
  ) {}

  run(): string {
    const end = this.format.length;
    while (this.i < end) {
      const percent = this.format.indexOf('%', this.i);
      if (percent < 0) {
        this.out += this.format.slice(this.i);
        break;
      }
      this.out += this.format.slice(this.i, percent);
      this.i = percent + 1;
      this.directive();
    }
    if (!this.reordered && this.argIndex < this.args.length) this.extra();
    return this.out;
  }

  private directive(): void {
    this.goodIndex = true;
    this.flags = plainFlags();
    this.readFlags();
    let afterIndex = this.argNumber();
    afterIndex = this.readWidth(afterIndex);
    afterIndex = this.readPrecision(afterIndex);
    if (!afterIndex) this.argNumber();
    if (this.i >= this.format.length) {
      this.out += '%!(NOVERB)';
      return;
    }
    const verb = String.fromCodePoint(this.format.codePointAt(this.i)!);
    this.i += verb.length;
    if (verb === '%') this.out += '%';
    else if (!this.goodIndex) this.out += `%!${verb}(BADINDEX)`;
    else if (this.argIndex >= this.args.length) this.out += `%!${verb}(MISSING)`;
    else {
      if (verb === 'v') {
        this.flags.sharpV = this.flags.sharp;
        this.flags.sharp = false;
        this.flags.plusV = this.flags.plus;
        this.flags.plus = false;
      }
      this.out += printArg(this.args[this.argIndex++]!, verb, this.flags);
    }
  }

  private readFlags(): void {
    for (; this.i < this.format.length; this.i++) {
      const char = this.format[this.i];
      if (char === '#') this.flags.sharp = true;
      else if (char === '0') this.flags.zero = !this.flags.minus;
      else if (char === '+') this.flags.plus = true;
      else if (char === '-') [this.flags.minus, this.flags.zero] = [true, false];
      else if (char === ' ') this.flags.space = true;
      else return;
    }
  }

  /** `[n]`: the next operand is the n-th; returns whether an index was read. */
  private argNumber(): boolean {
    if (this.format[this.i] !== '[') return false;
    this.reordered = true;
    const close = this.format.indexOf(']', this.i + 1);
    if (this.format.length - this.i < 3 || close < 0) {
      this.i += 1;
      this.goodIndex = false;
      return false;
    }
    const { value, next } = readNumber(this.format, this.i + 1, close);
    this.i = close + 1;
    if (value === undefined || next !== close) {
      this.goodIndex = false;
      return false;
    }
    if (value - 1 >= 0 && value - 1 < this.args.length) {
      this.argIndex = value - 1;
      return true;
    }
    this.goodIndex = false;
    return true;
  }

  /** An int operand for `*`; undefined when it is not an int. */
  private intArg(): number | undefined {
    if (this.argIndex >= this.args.length) return undefined;
    const arg = this.args[this.argIndex++];
    if (typeof arg !== 'bigint' || arg > BigInt(TOO_LARGE) || arg < -BigInt(TOO_LARGE)) return undefined;
    return Number(arg);
  }

  private readWidth(afterIndex: boolean): boolean {
    if (this.format[this.i] === '*') {
      this.i++;
      const width = this.intArg();
      if (width === undefined) this.out += '%!(BADWIDTH)';
      else if (width < 0) Object.assign(this.flags, { width: -width, minus: true, zero: false });
      else this.flags.width = width;
      return false;
    }
    const { value, next } = readNumber(this.format, this.i, this.format.length);
    this.i = next;
    this.flags.width = value;
    if (afterIndex && value !== undefined) this.goodIndex = false;
    return afterIndex;
  }

  private readPrecision(afterIndexIn: boolean): boolean {
    if (!(this.i + 1 < this.format.length && this.format[this.i] === '.')) return afterIndexIn;
    this.i++;
    if (afterIndexIn) this.goodIndex = false;
    const afterIndex = this.argNumber();
    if (this.format[this.i] === '*') {
      this.i++;
      const precision = this.intArg();
      if (precision === undefined) this.out += '%!(BADPREC)';
      this.flags.precision = precision !== undefined && precision >= 0 ? precision : undefined;
      return false;
    }
    const { value, next } = readNumber(this.format, this.i, this.format.length);
    this.i = next;
    this.flags.precision = value ?? 0;
    return afterIndex;
  }

  private extra(): void {
    const parts = this.args.slice(this.argIndex).map((arg) => {
      return arg === null ? '<nil>' : `${goTypeName(arg)}=${printArg(arg, 'v', plainFlags())}`;
    });
    this.out += `%!(EXTRA ${parts.join(', ')})`;
  }
}

/** Go's `fmt.Sprintf`. */
export function sprintf(format: string, args: readonly GoValue[]): string {
  return new Printf(format, args).run();
}
