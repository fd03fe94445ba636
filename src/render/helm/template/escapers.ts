/**
 * The escaping builtins `html`, `js` and `urlquery`: their operands become
 * text as Go's `evalArgs` makes it (one string as is, otherwise `fmt.Sprint`
 * with nil shown as `<no value>`), then escaped as Go escapes it.
 */
import type { GoValue } from '../go-values.js';
import type { ExecValue } from './exec-values.js';
import { sprint } from './fmt/printf.js';
import { isGoPrintable } from './go-quote.js';

/** The text the escapers work on. */
export function escaperText(args: readonly ExecValue[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  const printable: GoValue[] = args.map((arg) => (arg === undefined || arg === null ? '<no value>' : arg));
  return sprint(printable);
}

const HTML: Record<string, string> = {
  '"': '&#34;',
  "'": '&#39;',
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\0': '\ufffd',
};

export function htmlEscape(text: string): string {
  return text.replace(/["'&<>\0]/g, (char) => HTML[char]!);
}

const JS_SHORT: Record<string, string> = { '\\': '\\\\', "'": "\\'", '"': '\\"' };

function unicodeEscape(code: number): string {
  return `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function jsEscape(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char in JS_SHORT) out += JS_SHORT[char];
    else if ('<>&='.includes(char) || code < 0x20) out += unicodeEscape(code);
    else if (code < 0x80 || isGoPrintable(char)) out += char;
    else out += unicodeEscape(code);
  }
  return out;
}

export function urlQueryEscape(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    const char = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(char)) out += char;
    else if (char === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
