import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readExampleFixtures } from '../../../src/docs/example-fixtures.js';
import { renderRuleDoc } from '../../../src/docs/rule-doc.js';
import { shippedRulePage } from '../../../src/docs/shipped-pages.js';
import type { Rule } from '../../../src/model/types.js';
import { tempDir } from '../../helpers/cli.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

const FAIL = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n';
const PASS = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    team: shop\n';

/** A custom rule as a rule module would give it, with or without an example in its meta. */
function customRule(example?: Rule['meta']['example']): Rule {
  return {
    meta: {
      id: 'team-label',
      title: 'Objects name their team',
      description: 'Label every object with its team.',
      rationale: 'On-call engineers need to know who owns what they find.',
      remediation: 'Add the label.',
      defaultSeverity: 'warning',
      defaultKinds: [],
      schema: { type: 'object', properties: { label: { type: 'string', default: 'team' } } },
      messages: { missing: 'no {{label}} label' },
      ...(example && { example }),
    },
    check: () => [],
  };
}

describe('the Example section of a rule page', () => {
  it("shows a custom rule's inline example, with its parameters in the constraint", () => {
    const page = renderRuleDoc(customRule({ fail: FAIL, pass: PASS, parameters: { label: 'owner' } }));
    expect(page).toContain(`## Example\n\nThis manifest breaks the rule:\n\n\`\`\`yaml\n${FAIL}\`\`\``);
    expect(page).toContain(`This one follows it:\n\n\`\`\`yaml\n${PASS}\`\`\``);
    expect(page).toContain('  - rule: team-label\n    parameters:\n      label: owner\n');
  });

  it('is left out for a rule without an example', () => {
    const page = renderRuleDoc(customRule());
    expect(page).toContain('## Parameters');
    expect(page).not.toContain('## Example');
  });
});

describe('the example fixtures of a built-in rule', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function writeFixture(file: string, text: string): void {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }

  it('are read byte for byte, with the parameters beside them', () => {
    root = tempDir();
    writeFixture('fixtures/team-label/fail/example.yaml', FAIL);
    writeFixture('fixtures/team-label/pass/example.yaml', PASS);
    for (const side of ['fail', 'pass'])
      writeFixture(`fixtures/team-label/${side}/example.params.yaml`, 'label: owner\n');
    expect(readExampleFixtures(root, 'team-label')).toEqual({ fail: FAIL, pass: PASS, parameters: { label: 'owner' } });
  });

  it('have no parameters when there are no sidecars, so the page shows the defaults', () => {
    root = tempDir();
    writeFixture('fixtures/team-label/fail/example.yaml', FAIL);
    writeFixture('fixtures/team-label/pass/example.yaml', PASS);
    const example = readExampleFixtures(root, 'team-label');
    expect(example).toEqual({ fail: FAIL, pass: PASS });
    expect(renderRuleDoc(customRule(), example)).toContain(
      '  - rule: team-label\n    parameters:\n      label: team\n',
    );
  });

  it('must give both sides the same parameters, since the page shows one constraint', () => {
    root = tempDir();
    writeFixture('fixtures/team-label/fail/example.yaml', FAIL);
    writeFixture('fixtures/team-label/pass/example.yaml', PASS);
    writeFixture('fixtures/team-label/fail/example.params.yaml', 'label: owner\n');
    expect(() => readExampleFixtures(root, 'team-label')).toThrow(
      'fixtures/team-label/pass/example.params.yaml must hold the same parameters',
    );
  });

  it('name the file that is missing', () => {
    root = tempDir();
    writeFixture('fixtures/team-label/fail/example.yaml', FAIL);
    expect(() => readExampleFixtures(root, 'team-label')).toThrow('fixtures/team-label/pass/example.yaml is missing');
  });
});

describe('shipped rule pages', () => {
  it("are the generated pages, which hold a built-in rule's example", () => {
    const page = shippedRulePage('no-latest-tag');
    expect(page).toBe(readFileSync(path.join(ROOT, 'docs/rules/no-latest-tag.md'), 'utf8'));
    expect(page).toContain('## Example');
  });

  it('do not exist for other rules', () => {
    expect(shippedRulePage('team-label')).toBeUndefined();
  });
});
