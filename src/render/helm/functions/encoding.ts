/**
 * Sprig's encodings and checksums: `b64enc`, `b64dec`, `b32enc`, `b32dec`,
 * `sha1sum`, `sha256sum`, `adler32sum`. Decoding is as strict as Go's
 * standard encodings (padding required, line breaks skipped); bad input does
 * not fail the template: the result is Go's error text
 * (`illegal base64 data at input byte 4`).
 */
import { createHash } from 'node:crypto';
import { goFunction, type GoFunctionTable } from './go-function.js';
import { fromUtf8, utf8 } from './go-text.js';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

const isLineBreak = (byte: number | undefined) => byte === 0x0a || byte === 0x0d;
const PAD = 0x3d;

class CorruptInput extends Error {}

function skipLineBreaks(input: Uint8Array, at: number): number {
  while (at < input.length && isLineBreak(input[at])) at++;
  return at;
}

/** The padding after a quantum's `j` symbols; returns where reading stops. Go's rules for `=`. */
function readPadding(input: Uint8Array, at: number, symbols: number): number {
  if (symbols < 2) throw new CorruptInput(String(at - 1));
  let next = at;
  if (symbols === 2) {
    next = skipLineBreaks(input, next);
    if (next === input.length) throw new CorruptInput(String(input.length));
    if (input[next] !== PAD) throw new CorruptInput(String(next - 1));
    next++;
  }
  next = skipLineBreaks(input, next);
  if (next < input.length) throw new CorruptInput(String(next));
  return next;
}

/** Go's `base64.StdEncoding.DecodeString`, one four-symbol quantum at a time. */
function decodeBase64(text: string): Uint8Array {
  const input = utf8(text);
  const out: number[] = [];
  let at = 0;
  while (at < input.length) {
    const symbols: number[] = [];
    while (symbols.length < 4) {
      if (at === input.length) {
        if (symbols.length === 0) return Uint8Array.from(out);
        throw new CorruptInput(String(at - symbols.length));
      }
      const byte = input[at++]!;
      const value = BASE64.indexOf(String.fromCharCode(byte));
      if (value >= 0 && byte < 0x80) symbols.push(value);
      else if (isLineBreak(byte)) continue;
      else if (byte !== PAD) throw new CorruptInput(String(at - 1));
      else {
        at = readPadding(input, at, symbols.length);
        break;
      }
    }
    const bits = symbols.reduce((acc, value) => (acc << 6) | value, 0) << (6 * (4 - symbols.length));
    out.push(...[bits >> 16, (bits >> 8) & 0xff, bits & 0xff].slice(0, symbols.length - 1));
  }
  return Uint8Array.from(out);
}

function base64Decode(text: string): string {
  try {
    return fromUtf8(decodeBase64(text));
  } catch (error) {
    if (error instanceof CorruptInput) return `illegal base64 data at input byte ${error.message}`;
    throw error;
  }
}

function base32Encode(text: string): string {
  const bytes = utf8(text);
  let out = '';
  for (let start = 0; start < bytes.length; start += 5) {
    const group = bytes.subarray(start, start + 5);
    let bits = 0n;
    for (let index = 0; index < 5; index++) bits = (bits << 8n) | BigInt(group[index] ?? 0);
    const symbols = Math.ceil((group.length * 8) / 5);
    for (let index = 0; index < 8; index++) {
      out += index < symbols ? BASE32[Number((bits >> BigInt(35 - 5 * index)) & 31n)] : '=';
    }
  }
  return out;
}

/** Go's `base32.StdEncoding.DecodeString` (line breaks removed first); undefined-free: errors carry the offset. */
function decodeBase32(text: string): Uint8Array {
  const input = utf8(text).filter((byte) => !isLineBreak(byte));
  const out: number[] = [];
  for (let at = 0; at < input.length;) {
    const symbols: number[] = [];
    let end = false;
    while (symbols.length < 8 && !end) {
      if (at === input.length) throw new CorruptInput(String(at - symbols.length));
      const byte = input[at++]!;
      const left = input.length - at;
      if (byte === PAD && symbols.length >= 2 && left < 8) {
        if (left + symbols.length < 7) throw new CorruptInput(String(input.length));
        for (let k = 0; k < 7 - symbols.length; k++) {
          if (input[at + k] !== PAD) throw new CorruptInput(String(at + k - 1));
        }
        if ([1, 3, 6].includes(symbols.length)) throw new CorruptInput(String(at - 1));
        at = input.length;
        end = true;
        break;
      }
      const value = BASE32.indexOf(String.fromCharCode(byte));
      if (value < 0 || byte >= 0x80) throw new CorruptInput(String(at - 1));
      symbols.push(value);
    }
    let bits = 0n;
    for (let index = 0; index < 8; index++) bits = (bits << 5n) | BigInt(symbols[index] ?? 0);
    const count = Math.floor((symbols.length * 5) / 8);
    for (let index = 0; index < count; index++) out.push(Number((bits >> BigInt(32 - 8 * index)) & 0xffn));
  }
  return Uint8Array.from(out);
}

function base32Decode(text: string): string {
  try {
    return fromUtf8(decodeBase32(text));
  } catch (error) {
    if (error instanceof CorruptInput) return `illegal base32 data at input byte ${error.message}`;
    throw error;
  }
}

/** Adler-32 of the UTF-8 bytes, in decimal as Sprig prints it. */
function adler32(text: string): string {
  let a = 1;
  let b = 0;
  for (const byte of utf8(text)) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return String(b * 65536 + a);
}

const digest = (algorithm: string) => (text: string) => createHash(algorithm).update(utf8(text)).digest('hex');

/** The encoding and checksum functions, by template name. */
export const encodingFunctions: GoFunctionTable = {
  b64enc: goFunction('b64enc', ['string'], (text) => Buffer.from(utf8(text)).toString('base64')),
  b64dec: goFunction('b64dec', ['string'], base64Decode),
  b32enc: goFunction('b32enc', ['string'], base32Encode),
  b32dec: goFunction('b32dec', ['string'], base32Decode),
  sha1sum: goFunction('sha1sum', ['string'], digest('sha1')),
  sha256sum: goFunction('sha256sum', ['string'], digest('sha256')),
  adler32sum: goFunction('adler32sum', ['string'], adler32),
};
