import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-latest-tag.js';
import { imageMatchesPattern, parseImageReference } from '../../src/kit/image.js';
import { ruleTester } from './rule-tester.js';

const pod = (image: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: '${image}'\n`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'reports an image that ends in a colon as untagged',
      yaml: pod('nginx:'),
      expect: [{ messageId: 'noTag', line: 7, column: 7 }],
    },
    {
      name: 'treats a malformed digest as no digest',
      yaml: pod('nginx@latest'),
      expect: [{ messageId: 'noTag', line: 7, column: 7 }],
    },
    { name: 'skips an empty image, which the API server rejects anyway', yaml: pod(''), expect: [] },
    {
      name: 'does not take a wildcard in the middle of an exempt pattern as a glob',
      yaml: pod('docker.io/nginx'),
      parameters: { exemptImages: ['*/nginx'] },
      expect: [{ messageId: 'noTag', line: 7, column: 7 }],
    },
    {
      name: 'skips an image that a tutorial asks the reader to fill in',
      yaml: pod('<YOUR-IMAGE>'),
      expect: [],
    },
    {
      name: 'still judges the tag when only the project in the path is left to fill in',
      yaml: pod('gcr.io/<PROJECT_ID>/app:latest'),
      expect: [{ messageId: 'disallowedTag', line: 7, column: 7 }],
    },
    {
      name: 'accepts any tag when disallowedTags is empty but still wants a tag',
      yaml: pod('app:latest'),
      parameters: { disallowedTags: [] },
      expect: [],
    },
  ],
});

describe('parsing image references', () => {
  const digest = 'sha256:0d1f3ad0c9f1ac1d0a9ae6b5f63c3e7bd5be7c0d1a1c3b9e7ec6ea8f2b8d1e2f';
  it.each([
    ['nginx', undefined, 'nginx', undefined, undefined],
    ['nginx:1.27', undefined, 'nginx', '1.27', undefined],
    ['library/nginx:latest', undefined, 'library/nginx', 'latest', undefined],
    ['localhost/app', 'localhost', 'app', undefined, undefined],
    ['localhost:5000/app', 'localhost:5000', 'app', undefined, undefined],
    ['localhost:5000/app:2', 'localhost:5000', 'app', '2', undefined],
    ['registry.example.com/team/app:1.0', 'registry.example.com', 'team/app', '1.0', undefined],
    ['registry.example.com:443/team/app', 'registry.example.com:443', 'team/app', undefined, undefined],
    [`app@${digest}`, undefined, 'app', undefined, digest],
    [`app:1.0@${digest}`, undefined, 'app', '1.0', digest],
    [`ghcr.io/org/app:1.0@${digest}`, 'ghcr.io', 'org/app', '1.0', digest],
    ['app@sha256', undefined, 'app', undefined, undefined],
    ['nginx:', undefined, 'nginx', undefined, undefined],
  ])('%s → registry %s, repository %s, tag %s, digest %s', (image, registry, repository, tag, imageDigest) => {
    expect(parseImageReference(image)).toEqual({ registry, repository, tag, digest: imageDigest });
  });

  it('rejects empty references and references with white space', () => {
    expect(parseImageReference('')).toBeUndefined();
    expect(parseImageReference('nginx :1')).toBeUndefined();
  });
});

describe('exempt image patterns', () => {
  it.each([
    ['nginx', 'nginx', true],
    ['nginx:1.2', 'nginx', false],
    ['nginx:1.2', 'nginx*', true],
    ['docker.io/library/nginx', 'nginx', false],
    ['anything', '*', true],
    ['foo*bar', 'foo**', true],
    ['foobar', 'foo**', false],
    ['docker.io/nginx', '*/nginx', false],
  ])('%s against %s → %s', (image, pattern, expected) => {
    expect(imageMatchesPattern(image, pattern)).toBe(expected);
  });
});
