/**
 * Sprig's functions between strings and lists: `splitList`, `split` and
 * `splitn` (maps keyed `_0`, `_1`, ...), `join` (elements printed as `%v`,
 * nil elements dropped).
 */
import type { GoMap } from '../go-values.js';
import { toGoStrings } from './conversion.js';
import { goFunction, type GoFunctionTable } from './go-function.js';

/** Go's `strings.SplitN`: an empty separator splits between runes; a negative limit means no limit. */
export function goSplit(text: string, separator: string, limit = -1): string[] {
  if (limit === 0) return [];
  const parts = separator === '' ? [...text] : text.split(separator);
  if (limit < 0 || parts.length <= limit) return parts;
  const head = parts.slice(0, limit - 1);
  const tail = parts.slice(limit - 1).join(separator);
  return [...head, tail];
}

function indexed(parts: string[]): GoMap {
  const map: GoMap = {};
  parts.forEach((part, index) => (map[`_${index}`] = part));
  return map;
}

/** The string list functions, by template name. */
export const stringListFunctions: GoFunctionTable = {
  splitList: goFunction('splitList', ['string', 'string'], (separator, text) => goSplit(text, separator)),
  split: goFunction('split', ['string', 'string'], (separator, text) => indexed(goSplit(text, separator))),
  splitn: goFunction('splitn', ['string', 'int', 'string'], (separator, limit, text) =>
    indexed(goSplit(text, separator, Number(limit))),
  ),
  join: goFunction('join', ['string', 'interface'], (separator, list) => toGoStrings(list).join(separator)),
};
