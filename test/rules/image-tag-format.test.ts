import { describe, expect, it } from 'vitest';
import rule from '../../rules/image-tag-format.js';
import { compileParameters } from '../../src/engine/params.js';
import { ruleTester } from './rule-tester.js';

const pod = (image: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: '${image}'\n`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'accepts the example tag from the release format',
      yaml: pod('registry.example.com/api:v1.0.1-bfeda01f'),
      expect: [],
    },
    {
      name: 'leaves anchors written in the pattern harmless',
      yaml: pod('app:release-7'),
      parameters: { pattern: '^release-\\d+$' },
      expect: [],
    },
    {
      name: 'reports a tag longer than the 128 characters a registry accepts without running the pattern',
      yaml: pod(`app:${'1'.repeat(129)}`),
      parameters: { pattern: '\\d+' },
      expect: [{ messageId: 'tagMismatch', line: 7, column: 7 }],
    },
    {
      name: 'treats an image ending in a colon as untagged',
      yaml: pod('app:'),
      expect: [{ messageId: 'noTag', line: 7, column: 7 }],
    },
    {
      name: 'skips an empty image, which the API server rejects anyway',
      yaml: pod(''),
      expect: [],
    },
    {
      name: 'does not take a malformed digest as a pin',
      yaml: pod('app@latest'),
      expect: [{ messageId: 'noTag', line: 7, column: 7 }],
    },
    {
      name: 'skips a ko import path, which ko builds and pins by digest',
      yaml: pod('ko://github.com/example/app/cmd/server'),
      expect: [],
    },
    {
      name: 'skips an image whose last segment is a placeholder that may carry the tag',
      yaml: pod('${IMAGE_URI}'),
      expect: [],
    },
    {
      name: 'skips a tag written as a placeholder',
      yaml: pod('registry.example.com/app:$(TAG)'),
      expect: [],
    },
    {
      name: 'skips an image that a tutorial asks the reader to fill in',
      yaml: pod('<YOUR-IMAGE>'),
      expect: [],
    },
    {
      name: 'judges the tag as written when only the registry is a placeholder',
      yaml: pod('<REGISTRY>/api:1.0'),
      expect: [{ messageId: 'tagMismatch', line: 7, column: 7 }],
    },
    {
      name: 'matches tags case-sensitively, as registries store them',
      yaml: pod('app:V1.0.1-bfeda01f'),
      expect: [{ messageId: 'tagMismatch', line: 7, column: 7 }],
    },
  ],
});

describe('image-tag-format parameters', () => {
  const check = compileParameters(rule);

  it('names the pattern and the regular expression error when the pattern does not compile', () => {
    const result = check({ pattern: '[a-' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.message).toMatch(
      /^pattern "\[a-" is not a valid regular expression: .*Unterminated character class/,
    );
  });

  it('refuses patterns longer than 500 characters and accepts one of exactly 500', () => {
    expect(check({ pattern: 'a'.repeat(501) }).ok).toBe(false);
    expect(check({ pattern: 'a'.repeat(500) }).ok).toBe(true);
  });

  it('fills in the documented defaults', () => {
    const result = check({});
    expect(result).toEqual({
      ok: true,
      value: { pattern: '^v?\\d+\\.\\d+\\.\\d+-[0-9a-f]{7,40}$', allowDigests: true, exemptImages: [] },
    });
  });
});
