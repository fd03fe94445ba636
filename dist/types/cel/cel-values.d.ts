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
/**
 * Converts a JSON value; objects are converted once and cached, so many
 * policies reading the same manifest share the work. Iterative, so deeply
 * nested input cannot overflow the stack. The input must not change afterwards
 * (manifests are frozen when they are loaded).
 */
export declare function toCel(value: unknown): CelValue;
/** A CEL value as text for a message: strings as they are, other values as CEL would print them. */
export declare function celToString(value: unknown): string;
/** A `Map` that computes each value on first use: `variables`, which Kubernetes evaluates lazily. */
export declare class LazyMap extends Map<string, unknown> {
    #private;
    constructor(compute: ReadonlyMap<string, () => unknown>);
    has(key: string): boolean;
    get(key: string): unknown;
}
