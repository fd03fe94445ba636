import { describe, expect, it } from 'vitest';
import rule from '../../rules/allowed-repos.js';
import { compileParameters } from '../../src/engine/params.js';
import { ruleTester } from './rule-tester.js';

const pod = (image: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: ${image}\n`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'compares prefixes with the image as written, without adding docker.io',
      yaml: pod('nginx:1.27'),
      parameters: { repos: ['docker.io/'] },
      expect: [{ messageId: 'notAllowed', line: 7, column: 7 }],
    },
    {
      name: 'admits look-alike names when a prefix does not end in a slash, as Gatekeeper does',
      yaml: pod('registry.example.comevil/app:1'),
      parameters: { repos: ['registry.example.com'] },
      expect: [],
    },
    {
      name: 'skips a container without an image',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n',
      parameters: { repos: ['x/'] },
      expect: [],
    },
  ],
});

describe('allowed-repos parameters', () => {
  it('names the repos field when a constraint lists no repositories', () => {
    expect(compileParameters(rule)({})).toEqual({
      ok: false,
      errors: [{ path: 'repos', message: 'must list at least 1 item' }],
    });
  });
});
