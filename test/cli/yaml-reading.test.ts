/**
 * Manifests read as Kubernetes reads them, end to end: one run of the CLI over
 * fixtures/yaml-1.1/, whose files each hold one way in which a YAML 1.2 reading
 * would judge another object than the one the cluster gets.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type JsonFinding } from '../helpers/cli.js';

const DIR = 'fixtures/yaml-1.1';
let findings: JsonFinding[] = [];
let status = -1;

beforeAll(async () => {
  const run = await runCli(['lint', '--format', 'json', DIR]);
  status = run.status;
  findings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
});

const of = (file: string) => findings.filter((finding) => finding.file === `${DIR}/${file}`);
const brief = (finding: JsonFinding) => `${finding.line}:${finding.column} ${finding.ruleId}`;

describe('k8s-bp lint fixtures/yaml-1.1/', () => {
  it('fails the run', () => {
    expect(status).toBe(1);
  });

  it('reads yes, Yes, no and True as booleans where Kubernetes does, and says so where a string belongs', () => {
    const found = of('booleans-as-words.yaml');
    expect(found.map(brief)).toEqual(
      expect.arrayContaining(['10:3 no-host-namespaces', '23:9 no-privileged', '8:5 invalid-resource']),
    );
    // allowPrivilegeEscalation: no and runAsNonRoot: yes are set, so neither is reported as missing.
    expect(found.map((finding) => finding.ruleId)).not.toContain('run-as-non-root');
    expect(found.filter((finding) => finding.ruleId === 'invalid-resource').map((finding) => finding.message)).toEqual([
      'metadata.labels.enabled must be a string, but Kubernetes reads the unquoted yes as the boolean true (YAML 1.1); quote it: "yes"',
      'spec.containers[0].command[1] must be a string, but Kubernetes reads the unquoted no as the boolean false (YAML 1.1); quote it: "no"',
      'spec.containers[0].env[0].value must be a string, but Kubernetes reads the unquoted on as the boolean true (YAML 1.1); quote it: "on"',
    ]);
  });

  it('gives a container what it merges in, and points at the merged value with the merge key and alias as related places', () => {
    const found = of('merge-key-container.yaml');
    // The sidecar has the app container's limits, requests, probes and securityContext.
    expect(found.map((finding) => `${brief(finding)} ${finding.message.split(' ')[1]}`)).toEqual([
      '22:11 no-latest-tag "app"',
      '22:11 no-latest-tag "sidecar"',
    ]);
    expect(found[1]?.related).toEqual([
      { file: `${DIR}/merge-key-container.yaml`, line: 32, column: 11, message: 'merged in by this merge key (<<)' },
      { file: `${DIR}/merge-key-container.yaml`, line: 32, column: 15, message: 'brought in by the alias *app' },
    ]);
    expect(found[0]?.related).toBeUndefined();
  });

  it('lints documents whose template markers are in comments and strings', () => {
    expect(of('template-in-comments-and-strings.yaml').map(brief)).toContain('29:9 no-privileged');
    expect(findings.map((finding) => finding.ruleId)).not.toContain('helm-template');
  });

  it('accepts a multi-line string in a flow sequence as kubectl does, with positions in the file as written', () => {
    expect(of('flow-string-across-lines.yaml').map(brief)).toContain('11:7 no-latest-tag');
    expect(of('flow-string-across-lines.yaml').map((finding) => finding.ruleId)).not.toContain('parse-error');
  });

  it('reports one syntax error per document, with the number of those that follow', () => {
    const found = of('one-error-per-document.yaml');
    expect(found.map(brief)).toEqual(['6:15 parse-error']);
    expect(found[0]?.message).toMatch(/\(UNEXPECTED_TOKEN\); \d+ more errors follow in this document$/);
  });

  it('reports a value JSON cannot hold (.inf) where it is written, as kubectl refuses the document', () => {
    const found = of('infinity.yaml');
    expect(found.map(brief)).toEqual(['8:12 parse-error']);
    expect(found[0]?.message).toContain('.inf is read as infinity');
  });
});
