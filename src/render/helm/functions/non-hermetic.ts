/**
 * What Sprig's random, crypto and clock functions draw from during one
 * render. Helm's output differs on every run there; k8s-bp renders
 * deterministic stand-ins of the right shape instead (a seeded generator, a
 * fixed clock) and remembers every string they produced, so that lint rules
 * can tell a generated password or certificate from one a user wrote.
 */

export interface NonHermeticOptions {
  /** Seed of the generator; the same seed gives the same stand-ins. */
  seed?: number;
  /** What `now` returns. */
  now?: Date;
}

/** The fixed instant `now` stands for unless told otherwise. */
export const DEFAULT_NOW = new Date(Date.UTC(2025, 0, 1, 0, 0, 0));

export class NonHermeticSource {
  private state: number;
  private readonly produced = new Set<string>();
  readonly now: Date;

  constructor(options: NonHermeticOptions = {}) {
    this.state = (options.seed ?? 0x6b38735f) >>> 0 || 1;
    this.now = options.now ?? DEFAULT_NOW;
  }

  /** The next 32 random bits (xorshift32: cheap, and enough for stand-ins). */
  nextUint32(): number {
    let x = this.state;
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state;
  }

  /** A random integer in [0, bound). */
  below(bound: number): number {
    return bound <= 0 ? 0 : this.nextUint32() % bound;
  }

  /** `count` random bytes. */
  bytes(count: number): Uint8Array {
    return Uint8Array.from({ length: Math.max(count, 0) }, () => this.below(256));
  }

  /** `count` characters drawn from `alphabet`. */
  chars(alphabet: string, count: number): string {
    const letters = Array.from(alphabet);
    return Array.from({ length: Math.max(count, 0) }, () => letters[this.below(letters.length)] ?? '').join('');
  }

  /** Notes a string as produced by a non-hermetic function and returns it. */
  record<T extends string>(text: T): T {
    if (text !== '') this.produced.add(text);
    return text;
  }

  /** Whether a string is exactly one a non-hermetic function produced. */
  isProduced(text: string): boolean {
    return this.produced.has(text);
  }

  /** Whether a string contains one that a non-hermetic function produced (of 4 characters or more). */
  containsProduced(text: string): boolean {
    for (const produced of this.produced) {
      if (produced.length >= 4 && text.includes(produced)) return true;
    }
    return false;
  }

  /** Every string produced so far. */
  producedStrings(): ReadonlySet<string> {
    return this.produced;
  }
}
