import { describe, expect, it } from 'vitest';
import { byteLength } from '../../../../src/schema/apiserver/read.js';

describe('byteLength', () => {
  it.each(['', 'web-1', 'é', '€', '😀', 'a😀b', '\ud800', '\udc00', 'x\ud800', '\ud800x', 'ü€😀'.repeat(5)])(
    'counts %j in UTF-8 bytes, as Go does',
    (text) => {
      expect(byteLength(text)).toBe(new TextEncoder().encode(text).length);
    },
  );
});
