/**
 * Manifests, constraints, templates and suites are data: nothing in them is
 * ever run. Each input below would leave a trace (a file, a polluted
 * prototype, a network attempt) if any part of it were executed or evaluated.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { builtinRules } from '../../rules/index.js';
import { lintOptions, ROOT, runBinary, runCli, tempDir } from '../helpers/cli.js';

const PRELOAD = pathToFileURL(path.join(ROOT, 'test', 'helpers', 'deny-network.mjs')).href;

describe('inputs are data', () => {
  it('YAML tags that other loaders turn into code, and a .js file named as a manifest, run nothing', async () => {
    const dir = tempDir('k8s-bp-data-');
    const trace = path.join(dir, 'executed');
    const write = `require('fs').writeFileSync(${JSON.stringify(trace)}, 'ran')`;
    writeFileSync(
      path.join(dir, 'tags.yaml'),
      [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        '  name: tags',
        'data:',
        `  js: !!js/function "function () { ${write.replace(/"/g, '\\"')} }"`,
        `  python: !!python/object/apply:os.system ["touch ${trace}"]`,
        `  ruby: !ruby/object:Gem::Installer { i: x }`,
        '',
      ].join('\n'),
    );
    writeFileSync(path.join(dir, 'evil.js'), `${write};\n`);
    const run = await runCli(['lint', '--format', 'json', 'tags.yaml', 'evil.js'], { cwd: dir });
    expect(run.stderr).not.toContain('internal error');
    expect(existsSync(trace)).toBe(false);
    const report = JSON.parse(run.stdout) as { summary: { files: number } };
    expect(report.summary.files).toBe(2);
  });

  it('Rego and CEL in a ConstraintTemplate are never evaluated', () => {
    const dir = tempDir('k8s-bp-data-');
    const log = path.join(dir, 'network.log');
    writeFileSync(log, '');
    const template = readFileSync(path.join(ROOT, 'fixtures/cli/gatekeeper/policy/template.yaml'), 'utf8');
    writeFileSync(
      path.join(dir, 'template.yaml'),
      `${template}  targets:
    - target: admission.k8s.gatekeeper.sh
      rego: |
        package k8sallowedrepos
        violation[{"msg": msg}] {
          resp := http.send({"method": "get", "url": "https://evil.example/"})
          msg := resp.body
        }
      code:
        - engine: K8sNativeValidation
          source:
            validations:
              - expression: "1 / 0 == 1"
`,
    );
    writeFileSync(
      path.join(dir, 'constraint.yaml'),
      'apiVersion: constraints.gatekeeper.sh/v1beta1\nkind: K8sAllowedRepos\nmetadata:\n  name: repos\nspec:\n  parameters:\n    repos: [registry.example.com/]\n',
    );
    writeFileSync(
      path.join(dir, 'pod.yaml'),
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27.2\n',
    );
    const run = runBinary(
      ['lint', '--format', 'json', '--constraints', 'template.yaml', '--constraints', 'constraint.yaml', 'pod.yaml'],
      {
        cwd: dir,
        env: { NODE_OPTIONS: `--import ${PRELOAD}`, K8S_BP_NETWORK_LOG: log },
      },
    );
    // The built-in implementation of the kind judges the pod; the template's code is not used.
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; message: string }[] };
    expect(report.findings.filter((finding) => finding.message.includes('invalid image repo'))).toHaveLength(1);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([expect.stringMatching(/^preload active/)]);
  });

  it('keys such as __proto__ and constructor do not reach any prototype', async () => {
    const dir = tempDir('k8s-bp-data-');
    writeFileSync(
      path.join(dir, 'proto.yaml'),
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: proto',
        '  labels: { __proto__: { polluted: "yes" } }',
        '__proto__:',
        '  polluted: "yes"',
        'constructor:',
        '  prototype: { polluted: "yes" }',
        'spec:',
        '  __proto__: { containers: [{ name: hidden, image: "nginx:latest" }] }',
        '  containers:',
        '    - name: c',
        '      image: nginx:1.27.2',
        '      __proto__: { securityContext: { privileged: true } }',
        '---',
        '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "json"}, "__proto__": {"polluted": "yes"}}',
        '',
      ].join('\n'),
    );
    const result = await lint(
      lintOptions({
        paths: ['proto.yaml'],
        cwd: dir,
      }),
      builtinRules,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.resources).toBe(2);
    // __proto__ is an ordinary key here, never the object's prototype: the hidden container is not seen.
    expect(result.findings.filter((finding) => finding.message.includes('hidden'))).toEqual([]);
    expect(result.findings.filter((finding) => finding.ruleId === 'no-privileged')).toEqual([]);
    expect(result.findings.filter((finding) => finding.ruleId === 'rule-error')).toEqual([]);
  });
});
