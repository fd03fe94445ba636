import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { builtinRules } from '../../rules/index.js';
import { presetsOf } from '../../src/config/presets.js';
import { renderFindingDoc } from '../../src/docs/finding-doc.js';
import { FINDING_DOCS, RULE_ERROR_ID } from '../../src/model/finding-ids.js';
import { exampleFiles, readExampleFixtures } from '../../src/docs/example-fixtures.js';
import { renderRuleDoc, renderRuleIndex, updateReadmeTable } from '../../src/docs/rule-doc.js';
import { compileParameters } from '../../src/engine/params.js';
import type { Rule } from '../../src/model/types.js';
import { ROOT, runCase } from './rule-tester.js';

const KEBAB_CASE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const REGENERATE = 'out of date: run `npm run gen`';

const listRuleFiles = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
        .map((file) => file.slice(0, -'.ts'.length))
    : [];
const ruleFiles = [
  ...listRuleFiles(path.join(ROOT, 'rules')),
  ...listRuleFiles(path.join(ROOT, 'rules', 'gatekeeper')),
].sort();

/** Built-in rules live in rules/<id>.ts; those implementing Gatekeeper templates in rules/gatekeeper/<id>.ts. */
const ruleFile = (rule: Rule) =>
  path.join(ROOT, 'rules', ...(rule.meta.gatekeeper ? ['gatekeeper'] : []), `${rule.meta.id}.ts`);

const readText = (...parts: string[]) => readFileSync(path.join(ROOT, ...parts), 'utf8');

describe('built-in rules', () => {
  it('are every file in rules/, sorted by id (rules/index.ts is current)', () => {
    expect(
      builtinRules.map((rule) => rule.meta.id),
      `rules/index.ts ${REGENERATE}`,
    ).toEqual(ruleFiles);
  });

  it('have an index page listing every rule', () => {
    expect(readText('docs', 'rules', 'README.md'), `docs/rules/README.md ${REGENERATE}`).toBe(
      renderRuleIndex(builtinRules, presetsOf),
    );
  });

  it('are listed in the README table with their presets', () => {
    expect(readText('README.md'), `README.md ${REGENERATE}`).toBe(
      updateReadmeTable(readText('README.md'), builtinRules, presetsOf),
    );
    expect(readText('README.md')).toContain('| [`container-limits`](docs/rules/container-limits.md) |');
  });

  describe.each(builtinRules.map((rule) => [rule.meta.id, rule] as const))('%s', (id, rule) => {
    it('is the default export of the file named after its kebab-case id', async () => {
      expect(id).toMatch(KEBAB_CASE);
      const module = (await import(pathToFileURL(ruleFile(rule)).href)) as { default: Rule };
      expect(module.default).toBe(rule);
    });

    it('has a current documentation page', () => {
      const page = path.join('docs', 'rules', `${id}.md`);
      expect(existsSync(path.join(ROOT, page)), `${page} is missing: run \`npm run gen\``).toBe(true);
      expect(readText(page), `${page} ${REGENERATE}`).toBe(renderRuleDoc(rule, readExampleFixtures(ROOT, id)));
    });

    it('explains itself: title, one-line description, rationale, and remediation ending with a period', () => {
      const { meta } = rule;
      expect(meta.title.trim()).not.toBe('');
      expect(meta.description.trim()).not.toBe('');
      expect(meta.description).not.toContain('\n');
      expect(meta.rationale.trim().length).toBeGreaterThan(40);
      expect(meta.remediation.trim()).toMatch(/\.$/);
      expect(['error', 'warning']).toContain(meta.defaultSeverity);
    });

    // The rule tester checks the example's findings exactly; this makes sure every rule has one.
    it('has example fixtures that the rule judges as their folders say', () => {
      expect(rule.meta.example, `${id}: the example belongs in fixtures/${id}/, not in meta`).toBeUndefined();
      const example = readExampleFixtures(ROOT, id);
      const parameters = compileParameters(rule)(example.parameters ?? {});
      expect(parameters.ok, JSON.stringify(parameters)).toBe(true);
      const value = parameters.ok ? parameters.value : {};
      const failing = runCase(rule, example.fail, exampleFiles(id, 'fail').manifests, value).findings;
      expect(failing.length, `${id}: the fail example must produce a finding`).toBeGreaterThan(0);
      expect(failing.map((finding) => finding.ruleId)).not.toContain(RULE_ERROR_ID);
      const passing = runCase(rule, example.pass, exampleFiles(id, 'pass').manifests, value).findings;
      expect(passing, `${id}: the pass example`).toEqual([]);
    });

    it('has a closed parameter schema with a description and a default on every property', () => {
      const schema = rule.meta.schema as {
        type?: unknown;
        additionalProperties?: unknown;
        properties?: Record<string, Record<string, unknown>>;
      };
      expect(schema.type).toBe('object');
      expect(schema.additionalProperties).toBe(false);
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        expect(
          typeof property.description === 'string' && property.description.trim() !== '',
          `${id}: ${name} needs a description`,
        ).toBe(true);
        // Gatekeeper templates tell an absent parameter from any value, so theirs keep the library's defaults only.
        if (!rule.meta.gatekeeper) expect(property, `${id}: ${name} needs a default`).toHaveProperty('default');
      }
    });

    // A Gatekeeper library rule is tested by its library's suite, any other rule by fixtures of its own.
    const gatekeeper = rule.meta.gatekeeper;
    if (gatekeeper) {
      it('has the Gatekeeper library suite of its template among the fixtures', () => {
        const { library, template } = gatekeeper;
        const suite = path.join(ROOT, 'fixtures', 'gatekeeper', library, template, 'suite.yaml');
        expect(existsSync(suite), suite).toBe(true);
        expect(readFileSync(suite, 'utf8')).toContain('kind: Suite');
      });
    } else {
      it('has passing and failing fixtures that between them use every message', () => {
        const fixtures = (kind: string) => yamlCases(path.join(ROOT, 'fixtures', id, kind));
        expect(fixtures('pass').length, `fixtures/${id}/pass`).toBeGreaterThan(0);
        expect(fixtures('fail').length, `fixtures/${id}/fail`).toBeGreaterThan(0);
        // The tester fails on unfilled placeholders, so a message used by a fixture has its data.
        const used = new Set(
          fixtures('fail').flatMap((file) => {
            const expectations = parse(readFileSync(file.replace(/\.yaml$/, '.expect.yaml'), 'utf8')) as {
              messageId: string;
            }[];
            return expectations.map((entry) => entry.messageId);
          }),
        );
        expect([...used].sort(), `${id}: every message needs a failing fixture`).toEqual(
          Object.keys(rule.meta.messages).sort(),
        );
      });
    }
  });
});

describe('findings that are not rules', () => {
  it.each(FINDING_DOCS.map((doc) => [doc.id, doc] as const))('%s has a current documentation page', (id, doc) => {
    const page = path.join('docs', 'rules', `${id}.md`);
    expect(existsSync(path.join(ROOT, page)), `${page} is missing: run \`npm run gen\``).toBe(true);
    expect(readText(page), `${page} ${REGENERATE}`).toBe(renderFindingDoc(doc));
  });
});

describe('the rule tester', () => {
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: app}]}\n';
  const brokenRule = (check: Rule['check']): Rule => ({
    meta: { ...builtinRules[0]!.meta, messages: { oops: 'needs {{missing}}' } },
    check,
  });

  it('sees a message placeholder without data as a rule error', () => {
    const outcome = runCase(
      brokenRule(() => [{ messageId: 'oops', path: [] }]),
      pod,
      'broken.yaml',
      {},
    );
    expect(outcome.findings).toMatchObject([
      { ruleId: RULE_ERROR_ID, message: expect.stringContaining('{{missing}}') },
    ]);
  });

  it('hands rules frozen resources and parameters, so writing to them is a rule error', () => {
    const writes = brokenRule((resource, params) => {
      (params as Record<string, unknown>).extra = 1;
      (resource.object as Record<string, unknown>).kind = 'Changed';
      return [];
    });
    const outcome = runCase(writes, pod, 'writes.yaml', {});
    expect(outcome.findings.map((finding) => finding.ruleId)).toEqual([RULE_ERROR_ID]);
  });
});

function yamlCases(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yaml') && !/\.(params|expect|options)\.yaml$/.test(name))
    .map((name) => path.join(folder, name));
}
