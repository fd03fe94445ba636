import { describe, expect, it } from 'vitest';
import { utf8Length } from '../../../src/util/utf8.js';

describe('utf8Length', () => {
  it.each(['', 'web-1', 'é', '€', '😀', 'a😀b', '\ud800', '\udc00', 'x\ud800', '\ud800x', 'ü€😀'.repeat(5)])(
    'counts %j in UTF-8 bytes, as Go does',
    (text) => {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
    },
  );
});
