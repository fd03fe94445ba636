/**
 * Go values as Helm's templates see them, in TypeScript.
 *
 * Helm decodes values through JSON, so every number in values is a float64;
 * numbers written in a template (`1`, `add 1 2`) are Go ints, and Sprig's
 * arithmetic returns int64. Templates tell the two apart (`eq .Values.one 1`
 * is an error, `{{ 1000000.0 }}` prints `1e+06`), so the representation
 * does too:
 *
 * | Go                         | TypeScript                         |
 * | -------------------------- | ---------------------------------- |
 * | nil                        | `null`                             |
 * | bool                       | `boolean`                          |
 * | string                     | `string`                           |
 * | int, int64 (and other ints)| `bigint`                           |
 * | float64                    | `number`                           |
 * | []interface{}              | `GoValue[]`                        |
 * | map[string]interface{}     | {@link GoMap} (a plain object)     |
 * | []byte (b64dec, GetBytes)  | `Uint8Array`                       |
 * | any other (time.Time, ...) | {@link GoObject}                   |
 *
 * Values read from YAML or JSON are built with these types only; functions
 * return them; the executor prints them with Go's `fmt` rules.
 */

/** A `map[string]interface{}`: a plain object with no prototype tricks; keys are visited in byte order. */
export interface GoMap {
  [key: string]: GoValue;
}

export type GoValue = null | boolean | string | bigint | number | GoValue[] | GoMap | Uint8Array | GoObject;

/**
 * A Go value of a type the table above does not list, which functions return
 * and templates pass along, print or read fields of: `now` gives a
 * `time.Time`, `semver` a `*semver.Version`, `genCA` a struct with `Cert` and
 * `Key`.
 */
export abstract class GoObject {
  /** The type's name as `typeOf` prints it (`time.Time`). */
  abstract readonly typeName: string;
  /** The `reflect.Kind` name as `kindOf` prints it (`struct`, `ptr`). */
  abstract readonly kind: string;
  /** What `{{ . }}` prints (fmt's `%v`). */
  abstract format(): string;
  /** A field or argument-less method as `.Name` reads it; undefined when the type has none of that name. */
  abstract field(name: string): GoValue | undefined;
}

/** True for a Go map (a plain object that is not a list, bytes or another Go type). */
export function isGoMap(value: unknown): value is GoMap {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Uint8Array) &&
    !(value instanceof GoObject)
  );
}

/** Go's `reflect.Kind` name of a value, as Sprig's `kindOf` prints it. */
export function kindOf(value: GoValue): string {
  if (value === null) return 'invalid';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'bigint') return 'int64';
  if (typeof value === 'number') return 'float64';
  if (Array.isArray(value) || value instanceof Uint8Array) return 'slice';
  if (value instanceof GoObject) return value.kind;
  return 'map';
}
