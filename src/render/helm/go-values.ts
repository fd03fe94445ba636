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
 * | struct, named type         | {@link GoObject}                   |
 *
 * Values read from YAML or JSON are built with these types only; functions
 * return them; the executor prints them with Go's `fmt` rules.
 */

/** A `map[string]interface{}`: a plain object with no prototype tricks; keys are visited in byte order. */
export interface GoMap {
  [key: string]: GoValue;
}

export type GoValue = null | boolean | string | bigint | number | GoValue[] | GoMap | Uint8Array | GoObject;

/** A method of a {@link GoObject}: how many arguments it takes, and the call (it throws to fail). */
export interface GoMethod {
  readonly params: number;
  readonly call: (args: readonly GoValue[]) => GoValue;
}

/**
 * A Go value of a named type with fields or methods, such as Helm puts in a
 * template's context (`.Chart`, `.Capabilities`, `.Files`). Templates read its
 * fields by name (`.Chart.Name`) and call its methods (`.Files.Get "a.txt"`,
 * `.Capabilities.APIVersions.Has "apps/v1"`); a method that takes no argument
 * is called when read as a field.
 */
export class GoObject {
  constructor(
    /** The type as `%T` and error messages print it, such as `*chart.Metadata`. */
    readonly typeName: string,
    /** The `reflect.Kind` that `kindOf` reports. */
    readonly kind: 'struct' | 'ptr' | 'map' | 'slice',
    /** Struct fields (in declaration order) or map entries. */
    readonly fields: Readonly<Record<string, GoValue>>,
    readonly methods: Readonly<Record<string, GoMethod>> = {},
    /** What `%v` prints when the type has a `String` method; otherwise fields print as Go prints a struct or map. */
    readonly text?: string,
  ) {}
}

/** True for a Go map (a plain object that is not a list, bytes or a {@link GoObject}). */
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
