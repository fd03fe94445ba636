/**
 * Turns parsed manifests (JSON values) into CEL values, as Kubernetes does
 * when it binds `object`, `params` and the other variables: whole numbers are
 * CEL `int` (JavaScript BigInt), other numbers `double`, and maps and lists
 * keep their shape. Kubernetes decides int or double from the resource's
 * OpenAPI schema; offline there is none, so a number written without a
 * fraction (`replicas: 3`) is an int and one with a fraction (`0.5`) a double.
 */

/**
 * A value CEL expressions can be given: what {@link toCel} returns. Maps are
 * JavaScript `Map`s, so that a manifest's keys (`constructor`, `__proto__`)
 * stay data and never meet JavaScript's object properties.
 */
export type CelValue = null | boolean | string | bigint | number | CelValue[] | Map<string, CelValue>;

const converted = new WeakMap<object, CelValue>();

/**
 * Converts a JSON value; objects are converted once and cached, so many
 * policies reading the same manifest share the work. Iterative, so deeply
 * nested input cannot overflow the stack. The input must not change afterwards
 * (manifests are frozen when they are loaded).
 */
export function toCel(value: unknown): CelValue {
  if (typeof value !== 'object' || value === null) return scalar(value);
  const cached = converted.get(value);
  if (cached !== undefined) return cached;
  const root = shell(value);
  const stack: [unknown, CelValue][] = [[value, root]];
  while (stack.length > 0) {
    const [source, target] = stack.pop() as [unknown, CelValue];
    const entries: [string | number, unknown][] = Array.isArray(source)
      ? source.map((item, index) => [index, item])
      : Object.entries(source as Record<string, unknown>);
    for (const [key, item] of entries) {
      let out: CelValue;
      if (typeof item === 'object' && item !== null) {
        const seen = converted.get(item);
        if (seen !== undefined) out = seen;
        else {
          out = shell(item);
          stack.push([item, out]);
        }
      } else out = scalar(item);
      if (Array.isArray(target)) target[key as number] = out;
      else (target as Map<string, CelValue>).set(String(key), out);
    }
  }
  converted.set(value, root);
  return root;
}

function shell(value: object): CelValue {
  const out: CelValue = Array.isArray(value) ? [] : new Map<string, CelValue>();
  converted.set(value, out);
  return out;
}

function scalar(value: unknown): CelValue {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : value;
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'bigint') return value;
  return null;
}

/** A CEL value as text for a message: strings as they are, other values as CEL would print them. */
export function celToString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'bigint' ? Number(item) : item instanceof Map ? Object.fromEntries(item) : item,
  );
}

/** A `Map` that computes each value on first use: `variables`, which Kubernetes evaluates lazily. */
export class LazyMap extends Map<string, unknown> {
  readonly #compute: ReadonlyMap<string, () => unknown>;

  constructor(compute: ReadonlyMap<string, () => unknown>) {
    super();
    this.#compute = compute;
    // The evaluator tells a map by its constructor.
    Object.defineProperty(this, 'constructor', { value: Map });
  }

  override has(key: string): boolean {
    return this.#compute.has(key);
  }

  override get(key: string): unknown {
    if (!super.has(key)) {
      const compute = this.#compute.get(key);
      if (compute === undefined) return undefined;
      super.set(key, compute());
    }
    return super.get(key);
  }
}
