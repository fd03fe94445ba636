/**
 * `camelcase`, `snakecase` and `kebabcase` as Sprig 3.3 computes them (with
 * huandu/xstrings 1.5): words are runs of upper case, lower case, digits,
 * punctuation or connectors (`-`, `_`, white space), and the rules below
 * decide where a connector goes between them (`HTTPServer` → `http_server`,
 * `Bld4Floor3rd` → `bld4_floor_3rd`, `http_server` → `HttpServer`).
 */
import { isGoSpace, isLetter, isNumber, isPunct, isUpper, toLowerRune, toUpperRune } from './go-text.js';

function isConnector(char: string): boolean {
  return char === '-' || char === '_' || isGoSpace(char);
}

/** `camelcase`: words joined, each capitalised (Pascal case); repeated, leading and trailing connectors stay. */
export function toPascalCase(text: string): string {
  const chars = [...text];
  let out = '';
  let index = 0;
  // Leading connectors are kept.
  while (index < chars.length && isConnector(chars[index]!)) out += chars[index++];
  // Text of connectors only gets its last one twice, as in xstrings.
  if (index === chars.length) return out + (chars.at(-1) ?? '');
  let current = toUpperRune(chars[index]!);
  let wordStartsUpper = isUpper(chars[index]!);
  for (index++; index < chars.length; index++) {
    const previous = current;
    current = chars[index]!;
    if (isConnector(current) && isConnector(previous)) {
      out += previous;
      continue;
    }
    if (isConnector(previous)) {
      wordStartsUpper = isUpper(current);
      current = toUpperRune(current);
      continue;
    }
    // Inside a word that began upper case, an upper-case run is lowered ("GOLANG" → "Golang").
    if (wordStartsUpper) {
      if (isUpper(current)) current = toLowerRune(current);
      else wordStartsUpper = false;
    }
    out += previous;
  }
  return out + current;
}

type WordType = 'number' | 'upper' | 'alphabet' | 'connector' | 'punct' | 'other';

interface Word {
  type: WordType;
  text: string;
}

function takeWhile(chars: string[], from: number, test: (char: string) => boolean): number {
  let end = from;
  while (end < chars.length && test(chars[end]!)) end++;
  return end;
}

/** An upper-case word: one capital and its lower-case letters, or a run of capitals ("HTTP" of "HTTPServer"). */
function upperWordEnd(chars: string[], start: number): number {
  const next = start + 1;
  if (next >= chars.length) return next;
  if (isUpper(chars[next]!)) {
    const end = takeWhile(chars, next, isUpper);
    // The last capital starts the next word when letters follow it.
    return end < chars.length && isLetter(chars[end]!) ? end - 1 : end;
  }
  if (isLetter(chars[next]!)) return takeWhile(chars, next, (char) => isLetter(char) && !isUpper(char));
  return next;
}

function wordAt(chars: string[], start: number): Word {
  const first = chars[start]!;
  let type: WordType;
  let end: number;
  if (isConnector(first)) [type, end] = ['connector', takeWhile(chars, start, isConnector)];
  else if (isPunct(first)) [type, end] = ['punct', takeWhile(chars, start, isPunct)];
  else if (isUpper(first)) [type, end] = ['upper', upperWordEnd(chars, start)];
  else if (isLetter(first))
    [type, end] = ['alphabet', takeWhile(chars, start, (char) => isLetter(char) && !isUpper(char))];
  else if (isNumber(first)) [type, end] = ['number', takeWhile(chars, start, isNumber)];
  else {
    const other = (char: string) => !(isConnector(char) || isLetter(char) || isNumber(char) || isPunct(char));
    [type, end] = ['other', takeWhile(chars, start + 1, other)];
  }
  return { type, text: chars.slice(start, end).join('') };
}

function splitWords(text: string): Word[] {
  const chars = [...text];
  const words: Word[] = [];
  for (let index = 0; index < chars.length;) {
    const word = wordAt(chars, index);
    words.push(word);
    index += [...word.text].length;
  }
  return words;
}

function lowerWord(word: Word, connector: string): string {
  if (word.type !== 'upper' && word.type !== 'connector') return word.text;
  return Array.from(word.text, (char) =>
    isConnector(char) ? connector : isUpper(char) ? toLowerRune(char) : char,
  ).join('');
}

const INVALID: Word = { type: 'other', text: '' };
const isWordy = (word: Word) => word !== INVALID && (word.type === 'alphabet' || word.type === 'number');
const takesConnector = (word: Word) => word !== INVALID && word.type !== 'connector' && word.type !== 'punct';

/** A cursor over the words: `current` is the word at hand, `INVALID` past the end. */
class Words {
  private index = 0;
  constructor(private readonly words: Word[]) {}
  current(): Word {
    return this.words[this.index] ?? INVALID;
  }
  /** True while words follow the current one. */
  get more(): boolean {
    return this.index < this.words.length - 1;
  }
  advance(): void {
    this.index++;
  }
}

/** `snakecase` (connector `_`) and `kebabcase` (connector `-`). */
export function toConnectedLowerCase(text: string, connector: string): string {
  const words = new Words(splitWords(text));
  let out = '';
  const write = (word: Word) => (out += lowerWord(word, connector));
  // Letters and digits after a number stay in its word ("20x" of "HTTP20xOK"), then a connector.
  const writeGlued = () => {
    while (isWordy(words.current())) {
      write(words.current());
      words.advance();
    }
    if (takesConnector(words.current())) out += connector;
  };
  while (words.more) {
    const previous = words.current();
    if (previous.type !== 'connector') write(previous);
    words.advance();
    if (previous.type === 'number') writeGlued();
    else if (previous.type === 'connector') write(previous);
    else if (previous.type !== 'punct') {
      if (words.current().type !== 'number') {
        if (takesConnector(words.current())) out += connector;
        continue;
      }
      if (!words.more) continue;
      const digits = words.current();
      words.advance();
      // Digits glued to the word before ("bld4"), or opening the next word when letters follow ("http_2xx").
      if (words.current().type !== 'alphabet') {
        write(digits);
        if (takesConnector(words.current())) out += connector;
        continue;
      }
      out += connector;
      write(digits);
      writeGlued();
    }
  }
  write(words.current());
  return out;
}
