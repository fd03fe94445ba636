/**
 * Which of the four scalar styles go-yaml's emitter writes a string in. The
 * encoder asks for one (plain, double-quoted for text that would read back as
 * another type, literal for text with a newline); the emitter falls back from
 * plain to single-quoted to double-quoted, and from literal to double-quoted,
 * when the text's characters do not allow the style asked for.
 */
import { codePoints, isBlankOrEnd, isBreak, isPrintable } from './go-yaml-chars.js';

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

/** What a scalar's text allows, as the emitter's analysis finds it (block context only). */
export interface ScalarTraits {
  multiline: boolean;
  plainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

const FIRST_INDICATORS = new Set([...'#,[]{}&*!|>\'"%@`']);

/** Whether a character makes plain style impossible in block context. */
function isBlockIndicator(chars: readonly string[], index: number, precededBySpace: boolean): boolean {
  const char = chars[index] ?? '';
  const followedBySpace = isBlankOrEnd(chars[index + 1]);
  if (index === 0) {
    if (FIRST_INDICATORS.has(char)) return true;
    return (char === '?' || char === ':' || char === '-') && followedBySpace;
  }
  if (char === ':') return followedBySpace;
  return char === '#' && precededBySpace;
}

interface Whitespace {
  leading: boolean;
  trailing: boolean;
  /** A space right after a line break. */
  breakThenSpace: boolean;
  /** A space right before a line break. */
  spaceThenBreak: boolean;
  lineBreaks: boolean;
  special: boolean;
  indicators: boolean;
}

function scan(chars: readonly string[]): Whitespace {
  const found: Whitespace = {
    leading: false,
    trailing: false,
    breakThenSpace: false,
    spaceThenBreak: false,
    lineBreaks: false,
    special: false,
    indicators: false,
  };
  let previous: 'space' | 'break' | 'other' = 'other';
  let precededBySpace = true;
  chars.forEach((char, index) => {
    const edge = index === 0 || index === chars.length - 1;
    if (isBlockIndicator(chars, index, precededBySpace)) found.indicators = true;
    if (!isPrintable(char)) found.special = true;
    if (char === ' ') {
      if (edge) found[index === 0 ? 'leading' : 'trailing'] = true;
      if (previous === 'break') found.breakThenSpace = true;
      previous = 'space';
    } else if (isBreak(char)) {
      found.lineBreaks = true;
      if (edge) found[index === 0 ? 'leading' : 'trailing'] = true;
      if (previous === 'space') found.spaceThenBreak = true;
      previous = 'break';
    } else previous = 'other';
    precededBySpace = isBlankOrEnd(char);
  });
  return found;
}

/** What the text allows. A trailing space rules out a literal; spaces next to line breaks rule out more. */
export function analyzeScalar(text: string): ScalarTraits {
  if (text === '') return { multiline: false, plainAllowed: false, singleQuotedAllowed: true, blockAllowed: false };
  const chars = codePoints(text);
  const found = scan(chars);
  const startsLikeDocumentMarker = /^(?:---|\.\.\.)/.test(text);
  const trailingSpace = chars[chars.length - 1] === ' ';
  let plain = !(found.leading || found.trailing || found.lineBreaks || found.indicators || startsLikeDocumentMarker);
  let single = true;
  let block = !trailingSpace;
  if (found.breakThenSpace) plain = single = false;
  if (found.spaceThenBreak || found.special) plain = single = block = false;
  return { multiline: found.lineBreaks, plainAllowed: plain, singleQuotedAllowed: single, blockAllowed: block };
}

/** The style the emitter ends up writing, from the one asked for and what the text allows. */
export function chooseStyle(requested: ScalarStyle, traits: ScalarTraits, simpleKey: boolean): ScalarStyle {
  let style = simpleKey && traits.multiline ? 'double' : requested;
  if (style === 'plain' && !traits.plainAllowed) style = 'single';
  if (style === 'single' && !traits.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!traits.blockAllowed || simpleKey)) style = 'double';
  return style;
}
