/**
 * Configuration errors, end to end: each stops the run with exit status 2 and a
 * message naming the file, line and column and what is wrong, before anything
 * is linted. (An unknown rule id under `rules:`, a bad enforcement action and a
 * misspelt parameter are in lint.test.ts; --rule and --disable typos in
 * lint.test.ts and unit/config/resolve.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writeTemp } from '../helpers/cli.js';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    team: platform
spec:
  containers:
    - name: web
      image: nginx:1.27.2
`;

/** Lints POD with `config` as .k8s-bp.yaml. */
async function lintWith(config: string, manifest = POD) {
  const dir = tempDir('k8s-bp-config-');
  writeTemp(dir, '.k8s-bp.yaml', config);
  writeTemp(dir, 'pod.yaml', manifest);
  const started = Date.now();
  const run = await runCli(['lint', '--format', 'json', 'pod.yaml'], { cwd: dir });
  return { ...run, elapsed: Date.now() - started };
}

const requiredLabel = (allowedRegex: string) =>
  `extends: none\nconstraints:\n  - rule: required-labels\n    parameters:\n      labels:\n        - key: team\n          allowedRegex: ${JSON.stringify(allowedRegex)}\n`;

/** [case, config, line:column, a fragment of the message]. */
const CASES: [string, string, string, string][] = [
  // Unknown keys, at any depth.
  ['an unknown top-level key', 'extends: strict\nrulez: {}\n', '2:1', 'rulez is not a known field'],
  [
    'an unknown key in a constraint',
    'constraints:\n  - rule: no-latest-tag\n    enforcement: deny\n',
    '3:5',
    'constraints[0].enforcement is not a known field',
  ],
  // Wrong types.
  ['exclude as a string', 'exclude: charts/**\n', '1:1', 'exclude must be a list'],
  ['rules as a list', 'rules: [no-latest-tag]\n', '1:1', 'rules must be a mapping'],
  ['a quoted boolean', 'namespacesComplete: "yes"\n', '1:1', 'namespacesComplete must be a boolean'],
  ['an unknown preset', 'extends: strictest\n', '1:1', 'extends must be one of "recommended", "strict", "none"'],
  ['an unknown action for a rule', 'rules:\n  no-latest-tag: blocking\n', '2:3', 'rules.no-latest-tag must be one of'],
  ['a config that is a list', '- extends: strict\n', '1:1', 'the config must be a mapping'],
  ['a config that is a string', 'strict\n', '1:1', 'the config must be a mapping'],
  // Unknown rule ids, with a suggestion.
  [
    'an unknown rule in a constraint',
    'constraints:\n  - rule: container-limit\n',
    '2:5',
    'unknown rule "container-limit" (did you mean "container-limits"?)',
  ],
  // Parameters that fail their schema.
  [
    'a parameter of the wrong type',
    'rules:\n  no-latest-tag:\n    parameters: { disallowedTags: latest }\n',
    '3:5',
    'constraint "no-latest-tag" (rule no-latest-tag): parameters.disallowedTags must be of type array',
  ],
  // Invalid regular expressions: rejected when the config loads, with the pattern and the error.
  [
    'an invalid allowedRegex',
    requiredLabel('^(ab'),
    '4:5',
    'allowedRegex "^(ab" is not a valid regular expression (Invalid regular expression: /^(ab/: Unterminated group)',
  ],
  [
    'an invalid image tag pattern',
    'constraints:\n  - rule: image-tag-format\n    parameters: { pattern: "[a-" }\n',
    '3:5',
    'pattern "[a-" is not a valid regular expression: Invalid regular expression: /[a-/: Unterminated character class',
  ],
  [
    'an invalid versioned ConfigMap pattern',
    'constraints:\n  - rule: versioned-configmap\n    parameters: { pattern: "(?<" }\n',
    '3:5',
    'pattern "(?<" is not a valid regular expression (Invalid regular expression: /(?</: Invalid capture group name)',
  ],
  [
    'an invalid namespace annotation pattern',
    'constraints:\n  - rule: namespace-metadata\n    parameters: { annotations: [{ key: owner, pattern: "*" }] }\n',
    '3:5',
    'annotations[0].pattern "*" is not a valid regular expression (Invalid regular expression: /*/: Nothing to repeat)',
  ],
  // The documented mitigation for patterns that backtrack: at most 500 characters.
  [
    'a pattern longer than 500 characters',
    requiredLabel(`^(platform|${'x'.repeat(488)})$`),
    '4:5',
    'parameters.labels[0].allowedRegex must NOT have more than 500 characters',
  ],
  // YAML problems in the config itself.
  ['a duplicate key', 'extends: none\nextends: strict\n', '2:1', 'invalid YAML: the key "extends" is also on line 1'],
  ['tabs as indentation', 'rules:\n\tno-latest-tag: deny\n', '2:1', 'invalid YAML: Tabs are not allowed'],
  ['an undefined alias', 'extends: *preset\n', '1:10', 'cannot load the config: unknown anchor "preset"'],
  [
    'an alias bomb',
    `x-lol: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n${Array.from(
      { length: 8 },
      (_, level) =>
        `x-${level}: &${'b'.repeat(level + 1)} [${Array(10)
          .fill(`*${level === 0 ? 'a' : 'b'.repeat(level)}`)
          .join(', ')}]`,
    ).join('\n')}\n`,
    '1:1',
    'cannot load the config: more than 1000 aliases in one document',
  ],
  ['nesting thousands of levels deep', `exclude: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, '1:', ''],
];

describe('configuration errors', () => {
  it.each(CASES)('%s: exit 2, with the place and the problem', async (_name, config, place, message) => {
    const run = await lintWith(config);
    expect(run.stderr).toMatch(/^k8s-bp: /);
    expect(run.stderr).toContain(`k8s-bp: .k8s-bp.yaml:${place}`);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toContain('internal error');
    expect(run.stdout).toBe('');
    expect(run.status).toBe(2);
  });
});

describe('a config with several problems', () => {
  it('reports every one of them at once, in the order of the file, with exit 2', async () => {
    const run = await lintWith(
      'extends: strict\nrulez: {}\nexclude: charts/**\nrules:\n  no-latest-tag: blocking\n  container-limits: sometimes\n',
    );
    expect(run.status).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^k8s-bp: \.k8s-bp\.yaml:2:1: rulez is not a known field/),
      expect.stringMatching(/^k8s-bp: \.k8s-bp\.yaml:3:1: exclude must be a list/),
      expect.stringMatching(/^k8s-bp: \.k8s-bp\.yaml:5:3: rules\.no-latest-tag must be one of/),
      expect.stringMatching(/^k8s-bp: \.k8s-bp\.yaml:6:3: rules\.container-limits must be one of/),
    ]);
  });

  it('reports every unknown rule and every bad parameter at once', async () => {
    const run = await lintWith(
      'extends: none\nrules:\n  no-latest-tagg: deny\n  container-limits: { parameters: { cpu: [1] } }\n  probes-configurd: warn\n',
    );
    expect(run.status).toBe(2);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/:3:3: unknown rule "no-latest-tagg" \(did you mean "no-latest-tag"\?\)/);
    expect(lines[1]).toMatch(/:4:\d+: constraint "container-limits" \(rule container-limits\): parameters/);
    expect(lines[2]).toMatch(/:5:3: unknown rule "probes-configurd"/);
  });
});

describe('user regular expressions', () => {
  it('accepts a pattern of exactly 500 characters', async () => {
    const pattern = `^(platform|${'x'.repeat(487)})$`;
    expect(pattern).toHaveLength(500);
    const run = await lintWith(requiredLabel(pattern));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('are not run on label values longer than a label may be, so a backtracking pattern stays fast', async () => {
    // (a+)+$ takes exponential time on "aaa…a!"; a 5000-character value is refused without running it.
    const hostile = `${'a'.repeat(5000)}!`;
    const run = await lintWith(requiredLabel('^(a+)+$'), POD.replace('team: platform', `team: "${hostile}"`));
    expect(run.elapsed).toBeLessThan(10_000);
    expect(run.status).toBe(1);
    const findings = (JSON.parse(run.stdout) as { findings: { ruleId: string; line: number }[] }).findings;
    expect(findings.map((finding) => [finding.ruleId, finding.line])).toEqual([['required-labels', 6]]);
  });

  it('are documented with their length limit on the rule pages', async () => {
    const run = await runCli(['rules', 'required-labels']);
    expect(run.stdout).toContain('may be at most 500 characters');
    expect(run.stdout).toContain('avoid nested repetition');
  });
});
