/**
 * Reads a manifest file as text, refusing what is not one: files above the
 * size limit, binary files and text that is not UTF-8 each become a finding
 * with the place, and the rest of the input is still linted.
 */
import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import type { Finding } from '../model/types.js';
import { LOAD_RULES } from '../model/finding-ids.js';
import { fileProblem } from './problems.js';

/** 20 MiB: far above any real manifest, far below what would exhaust memory. */
export const DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024;

export type ReadOutcome = { text: string } | { finding: Finding };

/** Reads `absolute` (shown as `file`) if it is a text manifest of at most `maxSize` bytes. */
export async function readManifestFile(absolute: string, file: string, maxSize: number): Promise<ReadOutcome> {
  const handle = await open(absolute, 'r');
  try {
    const { size } = await handle.stat();
    if (size > maxSize) {
      const message = `file is ${formatSize(size)}, above the ${formatSize(maxSize)} limit; not linted (raise it with --max-file-size)`;
      return { finding: fileProblem(LOAD_RULES.fileTooLarge, 'error', message, at(file, 1, 1)) };
    }
    return decodeManifest(await handle.readFile(), file);
  } finally {
    await handle.close();
  }
}

/** The outcome for a file the system would not let us read (gone, a directory, no permission): a finding, not a crash. */
export function unreadableFile(file: string, error: NodeJS.ErrnoException): ReadOutcome {
  const message = `cannot read this file: ${error.code ?? error.message}`;
  return { finding: fileProblem(LOAD_RULES.parseError, 'error', message, at(file, 1, 1)) };
}

/** Decodes UTF-8 (a byte-order mark is dropped later by the YAML parser); anything else is a finding. */
export function decodeManifest(bytes: Uint8Array, file: string): ReadOutcome {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const message = 'file is UTF-16 text; save it as UTF-8, which Kubernetes tools expect';
    return { finding: fileProblem(LOAD_RULES.parseError, 'error', message, at(file, 1, 1)) };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const { line, column } = position(bytes, nul);
    const message = 'binary file (it contains a NUL byte), not a manifest';
    return { finding: fileProblem(LOAD_RULES.parseError, 'error', message, at(file, line, column)) };
  }
  // Node's own check is native; the scan below only runs to say where a file goes wrong.
  const invalid = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
  if (invalid !== -1) {
    const { line, column } = position(bytes, invalid);
    const byte = (bytes[invalid] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    const message = `not valid UTF-8: byte 0x${byte} cannot start or continue a character; save the file as UTF-8`;
    return { finding: fileProblem(LOAD_RULES.parseError, 'error', message, at(file, line, column)) };
  }
  return { text: new TextDecoder('utf-8').decode(bytes) };
}

function at(file: string, line: number, column: number) {
  return { file, documentIndex: 0, line, column };
}

/** Line and column (in UTF-16 code units, like every other position) of a byte offset. */
function position(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
  let line = 1;
  for (let index = bytes.indexOf(0x0a); index !== -1 && index < offset; index = bytes.indexOf(0x0a, index + 1)) line++;
  const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset)).length + 1;
  return { line, column };
}

/** The offset of the first byte that breaks UTF-8 (RFC 3629), or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    if (lead < 0x80) {
      index++;
      continue;
    }
    const length =
      lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || index + length > bytes.length) return index;
    const second = bytes[index + 1] ?? 0;
    // Overlong forms, surrogates and code points above U+10FFFF are invalid.
    const secondLow = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const secondHigh = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    if (second < secondLow || second > secondHigh) return index;
    for (let next = 2; next < length; next++) {
      const byte = bytes[index + next] ?? 0;
      if (byte < 0x80 || byte > 0xbf) return index;
    }
    index += length;
  }
  return -1;
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} kB`;
  return `${bytes} bytes`;
}

/** Parses `--max-file-size`: bytes, or a number with k, M or G (powers of 1024). */
export function parseSize(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([kKmMgG]i?[bB]?|[bB])?$/.exec(text.trim());
  if (!match) return undefined;
  const unit = (match[2] ?? '').charAt(0).toLowerCase();
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  const value = Math.floor(Number(match[1]) * factor);
  return value > 0 ? value : undefined;
}
