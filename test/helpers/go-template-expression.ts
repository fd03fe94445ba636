/**
 * A small evaluator of Go template pipelines for function tests: literals
 * (`"text"`, `` `raw` ``, `1`, `1.5`, `true`, `nil`), `.Values.a.b`,
 * `$variables`, parenthesised pipelines, `|` and `$x := ...` statements, with
 * functions from a table. Just enough to run the same expression through
 * Helm and through our functions; the real executor lives elsewhere.
 */
import { isGoMap, type GoValue } from '../../src/render/helm/go-values.js';
import { goFunction, goVariadic, type GoFunctionTable } from '../../src/render/helm/functions/go-function.js';
import { formatGoValue } from '../../src/render/helm/functions/go-format.js';
import { isGoEmpty } from '../../src/render/helm/functions/defaults.js';

/**
 * Stand-ins for the few Go builtins the cases use (`len`, `not`, and `printf`
 * with `%s`, `%v`, `%d`); the template executor has the real ones.
 */
export const TEST_BUILTINS: GoFunctionTable = {
  len: goFunction('len', ['interface'], (value) => {
    if (typeof value === 'string') return BigInt(new TextEncoder().encode(value).length);
    if (Array.isArray(value) || value instanceof Uint8Array) return BigInt(value.length);
    if (isGoMap(value)) return BigInt(Object.keys(value).length);
    throw new Error(`len of ${typeof value}`);
  }),
  not: goFunction('not', ['interface'], (value) => isGoEmpty(value)),
  printf: goVariadic('printf', ['string'], 'interface', (format, args) => {
    let index = 0;
    return format.replace(/%[svd%]/g, (verb) => (verb === '%%' ? '%' : formatGoValue(args[index++] ?? null)));
  }),
};

type Token =
  | { kind: 'open' | 'pipe' | 'assign' }
  | { kind: 'close'; fields: string }
  | { kind: 'word'; text: string }
  | { kind: 'value'; value: GoValue };

const ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

function unquote(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/g, (_, escape: string) => {
    if (/^[xuU]/.test(escape)) return String.fromCodePoint(parseInt(escape.slice(1), 16));
    if (/^[0-7]{3}$/.test(escape)) return String.fromCodePoint(parseInt(escape, 8));
    return ESCAPES[escape] ?? escape;
  });
}

function numberToken(text: string): GoValue {
  if (/^[+-]?(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO]?[0-7_]*|[1-9][0-9_]*|0)$/.test(text)) {
    const negative = text.startsWith('-');
    const body = text.replace(/^[+-]/, '').replaceAll('_', '');
    const value = /^0[0-7]+$/.test(body) ? BigInt(`0o${body.slice(1)}`) : BigInt(body);
    return negative ? -value : value;
  }
  return Number(text);
}

const TOKEN = /\s*(?:(\()|\)(\.[\w.]+)?|(\|)|(:=|=)|("(?:[^"\\]|\\.)*")|`([^`]*)`|([^\s()|]+))/y;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.trimEnd().length) {
    const match = TOKEN.exec(source);
    if (match === null) throw new Error(`cannot read ${source.slice(TOKEN.lastIndex)}`);
    const [text, open, fields, pipe, assign, quoted, raw, word] = match;
    if (open !== undefined) tokens.push({ kind: 'open' });
    else if (text.trim().startsWith(')')) tokens.push({ kind: 'close', fields: fields ?? '' });
    else if (pipe !== undefined) tokens.push({ kind: 'pipe' });
    else if (assign !== undefined) tokens.push({ kind: 'assign' });
    else if (quoted !== undefined) tokens.push({ kind: 'value', value: unquote(quoted.slice(1, -1)) });
    else if (raw !== undefined) tokens.push({ kind: 'value', value: raw });
    else tokens.push(wordToken(word!));
  }
  return tokens;
}

function wordToken(word: string): Token {
  if (word === 'true' || word === 'false') return { kind: 'value', value: word === 'true' };
  if (word === 'nil') return { kind: 'value', value: null };
  if (/^[+-]?\.?[0-9]/.test(word)) return { kind: 'value', value: numberToken(word) };
  return { kind: 'word', text: word };
}

/** An error from a function call, with the function's name as Go reports it (`error calling NAME: ...`). */
export class CallError extends Error {
  constructor(
    readonly functionName: string,
    readonly failure: Error,
  ) {
    super(failure.message);
  }
}

/** Evaluates statements and pipelines against a table of functions, `.Values` and variables. */
export class ExpressionEvaluator {
  private readonly variables = new Map<string, GoValue>();
  private tokens: Token[] = [];
  private position = 0;

  constructor(
    private readonly functions: GoFunctionTable,
    private readonly values: GoValue,
  ) {}

  /** Runs `$x := pipeline`, `$x = pipeline` or a bare pipeline, and returns the pipeline's value. */
  run(source: string): GoValue {
    this.tokens = tokenize(source);
    this.position = 0;
    const [first, second] = this.tokens;
    if (first?.kind === 'word' && first.text.startsWith('$') && second?.kind === 'assign') {
      this.position = 2;
      const value = this.pipeline();
      this.variables.set(first.text, value);
      return value;
    }
    return this.pipeline();
  }

  private pipeline(): GoValue {
    let value = this.command(undefined);
    while (this.tokens[this.position]?.kind === 'pipe') {
      this.position++;
      value = this.command(value);
    }
    return value;
  }

  private command(piped: GoValue | undefined): GoValue {
    const head = this.tokens[this.position];
    if (head?.kind === 'word' && !head.text.startsWith('.') && !head.text.startsWith('$')) {
      this.position++;
      const args: GoValue[] = [];
      while (this.position < this.tokens.length && !['pipe', 'close'].includes(this.tokens[this.position]!.kind)) {
        args.push(this.operand());
      }
      if (piped !== undefined) args.push(piped);
      return this.call(head.text, args);
    }
    return this.operand();
  }

  private call(name: string, args: GoValue[]): GoValue {
    const fn = this.functions[name];
    if (fn === undefined) throw new Error(`function "${name}" not defined`);
    try {
      return fn(...args);
    } catch (error) {
      if (error instanceof CallError || (error as Error).name === 'GoArgumentError') throw error;
      throw new CallError(name, error as Error);
    }
  }

  private operand(): GoValue {
    const token = this.tokens[this.position++];
    if (token === undefined) throw new Error('missing operand');
    if (token.kind === 'value') return token.value;
    if (token.kind === 'open') {
      const value = this.pipeline();
      const close = this.tokens[this.position++];
      // A field of the parenthesised result: `(split "$" "a$b")._1`.
      return close?.kind === 'close' ? this.fields(value, close.fields.split('.')) : value;
    }
    if (token.kind !== 'word') throw new Error(`unexpected ${token.kind}`);
    if (token.text.startsWith('$') || token.text.startsWith('.')) return this.reference(token.text);
    return this.call(token.text, []);
  }

  private reference(text: string): GoValue {
    const [root = '', ...fields] = text.split('.');
    return this.fields(root === '' ? { Values: this.values } : (this.variables.get(root) ?? null), fields);
  }

  private fields(start: GoValue, fields: string[]): GoValue {
    let value = start;
    for (const field of fields.filter((name) => name !== '')) {
      if (!isGoMap(value)) throw new Error(`nil pointer evaluating ${field}`);
      value = value[field] ?? null;
    }
    return value;
  }
}
