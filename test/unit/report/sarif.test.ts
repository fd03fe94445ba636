import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { Finding, ReportRule } from '../../../src/model/types.js';
import { FINGERPRINT_KEY, formatSarif, pascalCase, toSarif, type SarifOptions } from '../../../src/report/sarif.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** A repository root with a space in it, so that the base URI needs encoding too. */
const ROOT = path.resolve('/home/dev/k8s repo');
const OPTIONS: SarifOptions = {
  toolVersion: '1.2.3',
  informationUri: 'https://github.com/example/k8s-bp',
  docsBaseUri: 'https://github.com/example/k8s-bp/blob/v1.2.3/docs/rules/',
  rootDir: ROOT,
  cwd: ROOT,
};

const RULES: ReportRule[] = [
  {
    id: 'container-limits',
    title: 'Container limits',
    description: 'Set CPU and memory limits on every container.',
    rationale: 'A container without limits can starve its neighbours on the node.',
    remediation: 'Add resources.limits.cpu and resources.limits.memory.',
    defaultSeverity: 'error',
    tags: ['reliability'],
  },
  {
    id: 'unique-ingress-host',
    title: 'Unique Ingress host',
    description: 'Give every Ingress host and path one owner.',
    rationale: 'Two Ingresses that claim the same host route traffic unpredictably.',
    remediation: 'Merge the rules into one Ingress.',
    defaultSeverity: 'warning',
  },
  {
    id: 'no-latest-tag',
    title: 'No latest tag',
    description: 'Pin images to a tag other than latest.',
    rationale: 'A moving tag makes rollouts unrepeatable.',
    remediation: 'Use a version tag or a digest.',
    defaultSeverity: 'note',
  },
];

const limits: Finding = {
  ruleId: 'container-limits',
  constraintName: 'container-limits',
  severity: 'error',
  message: 'Container "web" has no memory limit.',
  file: 'deploy/web app.yaml',
  line: 18,
  column: 11,
  endLine: 20,
  endColumn: 7,
  path: 'spec.template.spec.containers[0].resources',
  documentIndex: 0,
  object: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'prod', name: 'web' },
};

const ingress: Finding = {
  ruleId: 'unique-ingress-host',
  constraintName: 'ingress-hosts',
  constraintKind: 'K8sHttpsOnly',
  severity: 'warning',
  message: 'Host "shop.example.com" is also claimed by Ingress "legacy".',
  file: 'ingress/grüße.yaml',
  line: 9,
  column: 13,
  endLine: 9,
  endColumn: 29,
  path: 'spec.rules[0].host',
  documentIndex: 1,
  object: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', name: 'shop' },
  related: [
    { file: 'ingress/legacy #2.yaml', line: 7, column: 13, message: 'Ingress "legacy" claims the same host.' },
    { file: 'ingress/grüße.yaml', line: 30, column: 13, message: 'Ingress "shop-canary" claims it too.' },
  ],
};

const latest: Finding = {
  ruleId: 'no-latest-tag',
  constraintName: 'no-latest-tag',
  severity: 'note',
  message: 'Container "web" uses the latest tag.',
  file: '<stdin>',
  line: 4,
  column: 9,
  endLine: 4,
  endColumn: 24,
  path: 'spec.containers[0].image',
  documentIndex: 0,
  object: { apiVersion: 'v1', kind: 'Pod', namespace: 'dev', name: 'web' },
};

// Loose views of the log, enough to read what GitHub reads.
interface Region {
  startLine: number;
  startColumn: number;
  endLine?: number;
  endColumn?: number;
}
interface PhysicalLocation {
  artifactLocation: { uri: string; uriBaseId?: string };
  region: Region;
}
interface Location {
  id?: number;
  physicalLocation: PhysicalLocation;
  logicalLocations?: { name?: string; fullyQualifiedName: string; kind: string }[];
  message?: { text: string };
}
interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Location[];
  relatedLocations?: Location[];
  partialFingerprints: Record<string, string>;
  properties: Record<string, unknown>;
}
interface Descriptor {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: string };
  properties: { tags: string[] };
}
interface Run {
  tool: { driver: { name: string; version: string; informationUri: string; rules: Descriptor[] } };
  originalUriBaseIds: Record<string, { uri?: string; description?: { text: string } }>;
  columnKind: string;
  results: Result[];
}
interface Log {
  $schema: string;
  version: string;
  runs: Run[];
}

const sarif = (findings: readonly Finding[], options: Partial<SarifOptions> = {}): Log =>
  toSarif(findings, RULES, { ...OPTIONS, ...options }) as Log;
const run = (findings: readonly Finding[], options: Partial<SarifOptions> = {}): Run =>
  sarif(findings, options).runs[0]!;
const result = (finding: Finding, options: Partial<SarifOptions> = {}): Result => run([finding], options).results[0]!;
const uriOf = (finding: Finding, options: Partial<SarifOptions> = {}): string =>
  result(finding, options).locations[0]!.physicalLocation.artifactLocation.uri;
const fingerprintOf = (finding: Finding): string => result(finding).partialFingerprints[FINGERPRINT_KEY]!;

// RFC 3986: what a URI reference may contain once percent-encoded.
const URI_CHARS = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})*$/;
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:/;

let validator: ValidateFunction | undefined;
function schemaErrors(log: unknown): string[] {
  if (!validator) {
    const file = path.join(REPO, 'fixtures/schemas/sarif-2.1.0.draft-07.json');
    const schema = JSON.parse(readFileSync(file, 'utf8')) as object;
    // ajv-formats is not a dependency: the formats the schema uses are checked by hand.
    // The schema's `language` pattern is not valid with the `u` flag, hence unicodeRegExp: false.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false })
      .addFormat('uri', (value: string) => URI.test(value) && URI_CHARS.test(value))
      .addFormat('uri-reference', (value: string) => URI_CHARS.test(value))
      .addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
    validator = ajv.compile(schema);
  }
  return validator(log) ? [] : (validator.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

describe('SARIF report', () => {
  it('is one SARIF 2.1.0 run of k8s-bp, with UTF-16 columns and %SRCROOT% named but not located', () => {
    const log = sarif([limits]);
    expect(log.$schema).toMatch(/sarif-2\.1\.0\.json$/);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const { tool, columnKind, originalUriBaseIds } = log.runs[0]!;
    expect(tool.driver).toMatchObject({ name: 'k8s-bp', version: '1.2.3', informationUri: OPTIONS.informationUri });
    expect(columnKind).toBe('utf16CodeUnits');
    expect(originalUriBaseIds['%SRCROOT%']).toEqual({
      description: { text: 'The root of the repository that was linted.' },
    });
    // No absolute path of the machine that ran the lint.
    expect(JSON.stringify(log)).not.toContain('file://');
    expect(JSON.stringify(log)).not.toContain(ROOT);
  });

  it('lists every rule that ran, with or without findings, in the order given', () => {
    const rules = run([]).tool.driver.rules;
    expect(rules.map((rule) => rule.id)).toEqual(['container-limits', 'unique-ingress-host', 'no-latest-tag']);
    expect(rules[0]).toEqual({
      id: 'container-limits',
      name: 'ContainerLimits',
      shortDescription: { text: 'Set CPU and memory limits on every container.' },
      fullDescription: {
        text: 'Set CPU and memory limits on every container. A container without limits can starve its neighbours on the node.',
      },
      help: {
        text: expect.stringContaining('Add resources.limits.cpu'),
        markdown: expect.stringContaining('# Container limits'),
      },
      helpUri: 'https://github.com/example/k8s-bp/blob/v1.2.3/docs/rules/container-limits.md',
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['reliability'] },
    });
    expect(rules.map((rule) => rule.defaultConfiguration.level)).toEqual(['error', 'warning', 'note']);
    expect(rules[1]!.properties.tags).toEqual([]);
  });

  it('names rules in PascalCase', () => {
    expect(pascalCase('container-limits')).toBe('ContainerLimits');
    expect(pascalCase('pod-disruption-budget-v2')).toBe('PodDisruptionBudgetV2');
  });

  it('points every result at its rule through ruleIndex', () => {
    const { results, tool } = run([latest, limits, ingress]);
    for (const each of results) expect(tool.driver.rules[each.ruleIndex]!.id).toBe(each.ruleId);
    expect(results.map((each) => each.ruleIndex)).toEqual([2, 0, 1]);
  });

  it('adds a rule entry for a finding whose rule was not passed in', () => {
    const orphan: Finding = { ...limits, ruleId: 'rule-error', constraintName: 'rule-error' };
    const { results, tool } = run([orphan, limits]);
    expect(tool.driver.rules).toHaveLength(4);
    expect(tool.driver.rules[3]).toMatchObject({ id: 'rule-error', name: 'RuleError' });
    expect(results[0]!.ruleIndex).toBe(3);
  });

  it('keeps each finding’s severity as the result level', () => {
    expect(run([limits, ingress, latest]).results.map((each) => each.level)).toEqual(['error', 'warning', 'note']);
  });

  it('carries the message, region, object and constraint of a finding', () => {
    const each = result(ingress);
    expect(each.message).toEqual({ text: 'Host "shop.example.com" is also claimed by Ingress "legacy".' });
    expect(each.locations).toHaveLength(1);
    expect(each.locations[0]!.physicalLocation.region).toEqual({
      startLine: 9,
      startColumn: 13,
      endLine: 9,
      endColumn: 29,
    });
    expect(each.locations[0]!.logicalLocations).toEqual([
      { name: 'shop', fullyQualifiedName: 'Ingress/shop', kind: 'resource' },
    ]);
    expect(each.properties).toEqual({
      constraintName: 'ingress-hosts',
      constraintKind: 'K8sHttpsOnly',
      path: 'spec.rules[0].host',
    });
    expect(result(limits).locations[0]!.logicalLocations![0]!.fullyQualifiedName).toBe('Deployment/prod/web');
    expect(result(limits).properties).not.toHaveProperty('constraintKind');
  });

  it('leaves out the logical location of a finding about a file rather than an object', () => {
    const parseError: Finding = {
      ...limits,
      ruleId: 'parse-error',
      constraintName: 'parse-error',
      path: '',
      object: undefined,
    };
    const each = result(parseError);
    expect(each.locations[0]).not.toHaveProperty('logicalLocations');
    expect(each.properties).toEqual({ constraintName: 'parse-error' });
  });

  it('never ends a region before it starts', () => {
    const point: Finding = { ...limits, line: 3, column: 5, endLine: 3, endColumn: 5 };
    expect(result(point).locations[0]!.physicalLocation.region).toEqual({
      startLine: 3,
      startColumn: 5,
      endLine: 3,
      endColumn: 5,
    });
    const odd: Finding = { ...limits, line: 3, column: 5, endLine: 2, endColumn: 1 };
    expect(result(odd).locations[0]!.physicalLocation.region).toEqual({
      startLine: 3,
      startColumn: 5,
      endLine: 3,
      endColumn: 5,
    });
  });

  it('reports related locations with ids, positions and messages', () => {
    expect(result(ingress).relatedLocations).toEqual([
      {
        id: 0,
        physicalLocation: {
          artifactLocation: { uri: 'ingress/legacy%20%232.yaml', uriBaseId: '%SRCROOT%' },
          region: { startLine: 7, startColumn: 13 },
        },
        message: { text: 'Ingress "legacy" claims the same host.' },
      },
      {
        id: 1,
        physicalLocation: {
          artifactLocation: { uri: 'ingress/gr%C3%BC%C3%9Fe.yaml', uriBaseId: '%SRCROOT%' },
          region: { startLine: 30, startColumn: 13 },
        },
        message: { text: 'Ingress "shop-canary" claims it too.' },
      },
    ]);
    expect(result(limits)).not.toHaveProperty('relatedLocations');
  });
});

describe('SARIF artifact URIs', () => {
  it('are repository-relative POSIX paths against %SRCROOT%', () => {
    const location = result(limits).locations[0]!.physicalLocation.artifactLocation;
    expect(location).toEqual({ uri: 'deploy/web%20app.yaml', uriBaseId: '%SRCROOT%' });
  });

  it('are made relative to the repository root when the CLI ran in a subdirectory', () => {
    const cwd = path.join(ROOT, 'deploy');
    expect(uriOf({ ...limits, file: 'web.yaml' }, { cwd })).toBe('deploy/web.yaml');
    expect(uriOf({ ...limits, file: './base/web.yaml' }, { cwd })).toBe('deploy/base/web.yaml');
    expect(uriOf({ ...limits, file: '../ingress/a.yaml' }, { cwd })).toBe('ingress/a.yaml');
    expect(uriOf({ ...limits, file: path.join(ROOT, 'abs', 'x.yaml') }, { cwd })).toBe('abs/x.yaml');
  });

  it('percent-encode spaces, non-ASCII letters and URI delimiters', () => {
    expect(uriOf({ ...limits, file: 'a b/ü.yaml' })).toBe('a%20b/%C3%BC.yaml');
    expect(uriOf({ ...limits, file: 'x#1?.yaml' })).toBe('x%231%3F.yaml');
    expect(uriOf({ ...limits, file: 'c:d.yaml' })).toBe('c%3Ad.yaml');
    expect(uriOf({ ...limits, file: '100%.yaml' })).toBe('100%25.yaml');
  });

  it('name standard input <stdin> at the repository root', () => {
    expect(result(latest).locations[0]!.physicalLocation.artifactLocation).toEqual({
      uri: '%3Cstdin%3E',
      uriBaseId: '%SRCROOT%',
    });
  });

  it('never contain the machine’s absolute paths, even for files outside the repository', () => {
    const outside: Finding = { ...limits, file: path.resolve(ROOT, '..', 'elsewhere', 'x.yaml') };
    expect(uriOf(outside)).toBe('../elsewhere/x.yaml');
    const text = JSON.stringify(run([limits, ingress, latest, outside]).results);
    expect(text).not.toContain('/home/dev');
    expect(text).not.toContain('file:');
    for (const each of run([limits, ingress, latest, outside]).results) {
      for (const location of [...each.locations, ...(each.relatedLocations ?? [])]) {
        expect(location.physicalLocation.artifactLocation.uri).toMatch(URI_CHARS);
        expect(location.physicalLocation.artifactLocation.uri).not.toMatch(/^\//);
      }
    }
  });
});

describe('SARIF fingerprints', () => {
  it('are under k8sBpFinding/v1 and stay the same when only line numbers move', () => {
    const moved: Finding = { ...limits, line: 40, column: 3, endLine: 44, endColumn: 9, documentIndex: 2 };
    expect(Object.keys(result(limits).partialFingerprints)).toEqual([FINGERPRINT_KEY]);
    expect(FINGERPRINT_KEY).toBe('k8sBpFinding/v1');
    expect(fingerprintOf(moved)).toBe(fingerprintOf(limits));
    expect(fingerprintOf({ ...limits, message: 'Container "web" has no memory limit (reworded).' })).toBe(
      fingerprintOf(limits),
    );
  });

  it('stay the same when the same file is named from another working directory', () => {
    const fromDeploy: Finding = { ...limits, file: 'web app.yaml' };
    expect(result(fromDeploy, { cwd: path.join(ROOT, 'deploy') }).partialFingerprints).toEqual(
      result(limits).partialFingerprints,
    );
  });

  it('change with the field, the rule, the constraint, the object and the file', () => {
    const base = fingerprintOf(limits);
    const variants: Finding[] = [
      { ...limits, path: 'spec.template.spec.containers[1].resources' },
      { ...limits, ruleId: 'no-latest-tag' },
      { ...limits, constraintName: 'prod-limits' },
      { ...limits, object: { ...limits.object!, name: 'api' } },
      { ...limits, object: { ...limits.object!, namespace: 'staging' } },
      { ...limits, object: { ...limits.object!, kind: 'StatefulSet' } },
      { ...limits, object: { ...limits.object!, apiVersion: 'apps/v1beta2' } },
      { ...limits, file: 'overlays/dev/web app.yaml' },
    ];
    const fingerprints = variants.map(fingerprintOf);
    for (const fingerprint of fingerprints) expect(fingerprint).not.toBe(base);
    expect(new Set(fingerprints).size).toBe(variants.length);
  });

  it('tell apart findings that are otherwise identical by their order', () => {
    const [first, second] = run([limits, { ...limits, line: 60 }]).results;
    const [hash1, count1] = first!.partialFingerprints[FINGERPRINT_KEY]!.split(':');
    const [hash2, count2] = second!.partialFingerprints[FINGERPRINT_KEY]!.split(':');
    expect(hash1).toMatch(/^[0-9a-f]{64}$/);
    expect(hash2).toBe(hash1);
    expect([count1, count2]).toEqual(['1', '2']);
  });
});

describe('SARIF output', () => {
  it('has an empty results array when there are no findings', () => {
    const log = sarif([]);
    expect(log.runs[0]!.results).toEqual([]);
    expect(schemaErrors(log)).toEqual([]);
  });

  it('validates against the SARIF 2.1.0 schema', () => {
    const orphan: Finding = { ...limits, ruleId: 'rule-error', constraintName: 'rule-error', object: undefined };
    expect(schemaErrors(sarif([limits, ingress, latest, orphan]))).toEqual([]);
    expect(schemaErrors(sarif([limits], { cwd: path.join(ROOT, 'deploy') }))).toEqual([]);
  });

  it('would be caught by the schema check if it broke the format', () => {
    const log = sarif([limits]);
    const location = log.runs[0]!.results[0]!.locations[0]!.physicalLocation;
    location.artifactLocation.uri = 'deploy/web app.yaml';
    location.region.startLine = 0;
    expect(schemaErrors(log)).toHaveLength(2);
    expect(schemaErrors({ ...sarif([]), version: '2.0.0' })).not.toEqual([]);
  });

  it('is formatted as JSON with a 2-space indent and a trailing newline', () => {
    const text = formatSarif([limits], RULES, OPTIONS);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "version": "2.1.0"');
    expect(JSON.parse(text)).toEqual(toSarif([limits], RULES, OPTIONS));
  });
});
