import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { decodeManifest, parseSize } from '../../../src/load/read.js';
import { shapeProblems } from '../../../src/load/shape.js';

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (value: string) => new TextEncoder().encode(value);

describe('decoding a manifest file', () => {
  it.each([
    ['ASCII', text('kind: Pod\n')],
    ['two-, three- and four-byte characters', text('name: é € 𝄞 ✓\n')],
    ['a byte-order mark', bytes(0xef, 0xbb, 0xbf, 0x61, 0x3a, 0x20, 0x62)],
  ])('accepts %s', (_name, input) => {
    expect(decodeManifest(input, 'f.yaml')).toHaveProperty('text');
  });

  it.each([
    ['a lone continuation byte', bytes(0x61, 0x0a, 0x62, 0x80), 2, 2, '0x80'],
    ['Latin-1 é', Uint8Array.from([...text('a: caf'), 0xe9, 0x0a]), 1, 7, '0xE9'],
    ['an overlong encoding', bytes(0xc0, 0xaf), 1, 1, '0xC0'],
    ['a UTF-16 surrogate', bytes(0xed, 0xa0, 0x80), 1, 1, '0xED'],
    ['a code point above U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80), 1, 1, '0xF4'],
    ['a truncated character', bytes(0x61, 0xe2, 0x82), 1, 2, '0xE2'],
  ])('reports %s with its place', (_name, input, line, column, byte) => {
    const outcome = decodeManifest(input, 'f.yaml');
    expect(outcome).toMatchObject({ finding: { ruleId: 'parse-error', line, column } });
    expect('finding' in outcome && outcome.finding.message).toContain(`byte ${byte}`);
  });

  it('reports a binary file at its first NUL byte, and UTF-16 text', () => {
    expect(decodeManifest(bytes(0x61, 0x0a, 0x62, 0x00), 'b.yaml')).toMatchObject({
      finding: { line: 2, column: 2, message: 'binary file (it contains a NUL byte), not a manifest' },
    });
    expect(decodeManifest(bytes(0xff, 0xfe, 0x61, 0x00), 'u.yaml')).toMatchObject({
      finding: { message: expect.stringContaining('UTF-16') },
    });
  });
});

describe('--max-file-size values', () => {
  it.each([
    ['1048576', 1048576],
    ['512k', 524288],
    ['20M', 20971520],
    ['20MB', 20971520],
    ['1Gi', 1073741824],
    ['1.5k', 1536],
  ])('reads %s as %d bytes', (input, expected) => {
    expect(parseSize(input)).toBe(expected);
  });

  it.each(['', 'lots', '-1', '0', '10 parsecs'])('rejects %j', (input) => {
    expect(parseSize(input)).toBeUndefined();
  });
});

describe('field types the API server would reject', () => {
  const problems = (manifest: string) =>
    shapeProblems(parse(manifest) as Record<string, unknown>).map((p) => p.message);

  it.each([
    [
      'labels with a number',
      'kind: Pod\nmetadata: {labels: {version: 1.0}}',
      'metadata.labels.version must be a string (quote it), not a number (1)',
    ],
    [
      'containers as a map',
      'kind: Pod\nspec: {containers: {web: {image: x}}}',
      'spec.containers must be a list, not a mapping',
    ],
    [
      'an image as a number',
      'kind: Pod\nspec: {containers: [{name: c, image: 5}]}',
      'spec.containers[0].image must be a string, not a number (5)',
    ],
    [
      'replicas as a string',
      'kind: Deployment\nspec: {replicas: "3"}',
      'spec.replicas must be an integer, not a string ("3")',
    ],
    [
      'args with a number',
      'kind: Job\nspec: {template: {spec: {containers: [{name: c, args: [--port, 80]}]}}}',
      'spec.template.spec.containers[0].args[1] must be a string, not a number (80)',
    ],
    [
      'a CronJob pod spec that is a list',
      'kind: CronJob\nspec: {jobTemplate: {spec: {template: {spec: []}}}}',
      'spec.jobTemplate.spec.template.spec must be a mapping, not a list',
    ],
    [
      'ConfigMap data with a boolean',
      'kind: ConfigMap\ndata: {enabled: true}',
      'data.enabled must be a string (quote it), not a boolean (true)',
    ],
    [
      'a Service selector with a number',
      'kind: Service\nspec: {selector: {tier: 1}}',
      'spec.selector.tier must be a string (quote it), not a number (1)',
    ],
    ['metadata as a string', 'kind: Pod\nmetadata: web', 'metadata must be a mapping, not a string ("web")'],
  ])('names the field: %s', (_name, manifest, message) => {
    expect(problems(manifest)).toEqual([message]);
  });

  it('accepts well-typed manifests, nulls and kinds it does not know', () => {
    expect(
      problems(
        'kind: Pod\nmetadata: {name: p, labels: {a: "1"}}\nspec: {containers: [{name: c, image: x, resources: {limits: {cpu: 1}}}]}',
      ),
    ).toEqual([]);
    expect(problems('kind: Deployment\nspec: {replicas: null, template: null}')).toEqual([]);
    expect(problems('kind: Widget\nspec: [1, 2]')).toEqual([]);
  });

  it('stops after ten problems in one object', () => {
    const labels = Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`l${index}`, index]));
    expect(shapeProblems({ kind: 'Pod', metadata: { labels } })).toHaveLength(10);
  });
});
