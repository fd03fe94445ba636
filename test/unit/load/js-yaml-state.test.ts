/**
 * The bundles carry js-yaml with its parser state built without object spread
 * (scripts/js-yaml-state.mjs), which is faster on Node 20. It must parse
 * exactly as the original: the same events for every fixture, and the same
 * errors, including the ones that depend on the options.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the build scripts are plain JavaScript, without types.
import { JS_YAML_FILE, patchParserState } from '../../../scripts/js-yaml-state.mjs';
import { ROOT, tempDir } from '../../helpers/cli.js';

type ParseEvents = (input: string, options?: object) => unknown[];

const JS_YAML = path.join(ROOT, 'node_modules', 'js-yaml', 'dist', 'js-yaml.mjs');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.ya?ml$/.test(file))
    .map((file) => path.join(dir, file));
}

/** What a parse gives: its events, or the message it throws. */
function outcome(parse: ParseEvents, text: string, options?: object): string {
  try {
    return JSON.stringify(parse(text, options));
  } catch (error) {
    return `throws ${error instanceof Error ? error.message : String(error)}`;
  }
}

describe('js-yaml as the bundles carry it', () => {
  let dir: string;
  let original: ParseEvents;
  let patched: ParseEvents;

  beforeAll(async () => {
    dir = tempDir('k8s-bp-js-yaml-');
    const file = path.join(dir, 'js-yaml.mjs');
    // Without its source map comment: the map stays beside the original.
    const source = (patchParserState(readFileSync(JS_YAML, 'utf8')) as string).replace(
      /^\/\/# sourceMappingURL=.*$/m,
      '',
    );
    writeFileSync(file, source);
    original = ((await import(pathToFileURL(JS_YAML).href)) as { parseEvents: ParseEvents }).parseEvents;
    patched = ((await import(pathToFileURL(file).href)) as { parseEvents: ParseEvents }).parseEvents;
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is the file the bundler patches', () => {
    expect((JS_YAML_FILE as RegExp).test(JS_YAML)).toBe(true);
  });

  it('gives the same events as the original for every fixture', () => {
    const files = yamlFiles(path.join(ROOT, 'fixtures'));
    expect(files.length).toBeGreaterThan(500);
    const differing = files.filter((file) => {
      const text = readFileSync(file, 'utf8');
      return outcome(patched, text) !== outcome(original, text);
    });
    expect(differing).toEqual([]);
  });

  it.each([
    ['no options', undefined],
    ['maxDepth', { maxDepth: 2 }],
    ['a file name', { filename: 'deep.yaml' }],
    ['both', { filename: 'deep.yaml', maxDepth: 3 }],
    ['other keys, ignored', { json: true, schema: null }],
  ])('takes the options as the original does: %s', (_, options) => {
    for (const text of [
      'a:\n  b:\n    c:\n      d: 1\n',
      'a: [1, {b: [2]}]\n',
      'a: "unclosed\n',
      'x: 1\n---\ny: [\n',
    ]) {
      expect(outcome(patched, text, options)).toBe(outcome(original, text, options));
    }
    expect(outcome(patched, 'a:\n  b:\n    c:\n      d: 1\n', { filename: 'deep.yaml', maxDepth: 2 })).toMatch(
      /^throws .*maxDepth.*deep\.yaml/s,
    );
  });

  it('refuses a js-yaml whose parser it was not written for', () => {
    expect(() => patchParserState('export function parseEvents() {}')).toThrow(/js-yaml-state\.mjs/);
  });
});
