/**
 * Files that look like manifests but are not objects of their own are set
 * aside, each with a word in `--verbose`: a Helm chart's files (reported once
 * per chart), the assertion and patch files of kuttl and chainsaw tests, a
 * kustomization's inputs (linted as what it builds), and workloads that are
 * plainly fragments. What sits beside them is still linted.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type JsonFinding } from '../helpers/cli.js';

const DIR = 'fixtures/set-aside';
let findings: JsonFinding[] = [];
let verbose = '';

beforeAll(async () => {
  findings = (JSON.parse((await runCli(['lint', '--format', 'json', DIR])).stdout) as { findings: JsonFinding[] })
    .findings;
  verbose = (await runCli(['lint', '--verbose', DIR])).stderr;
});

const files = () => [...new Set(findings.map((finding) => finding.file.slice(DIR.length + 1)))].sort();

describe('k8s-bp lint on a tree with a chart, test assertions and fragments', () => {
  it('reports a Helm chart once, at its Chart.yaml, and lints none of its files but crds/', () => {
    const charts = findings.filter((finding) => finding.ruleId === 'helm-chart');
    expect(charts).toEqual([
      expect.objectContaining({ file: `${DIR}/chart/Chart.yaml`, line: 1, column: 1, severity: 'warning' }),
    ]);
    expect(charts[0]?.message).toContain(`helm template <release> ${DIR}/chart`);
    expect(files().filter((file) => file.startsWith('chart/'))).toEqual([
      'chart/Chart.yaml',
      'chart/crds/widgets.yaml',
    ]);
    expect(findings.map((finding) => finding.ruleId)).not.toContain('helm-template');
    expect(findings.map((finding) => finding.ruleId)).not.toContain('parse-error');
  });

  it('lints the objects a kuttl or chainsaw test applies, not the parts it asserts or patches', () => {
    expect(files()).toEqual(expect.arrayContaining(['kuttl/00-install.yaml', 'chainsaw/deployment.yaml']));
    for (const file of [
      'kuttl/00-assert.yaml',
      'kuttl/01-errors.yaml',
      'chainsaw/expected.yaml',
      'chainsaw/scale-up.yaml',
    ]) {
      expect(files()).not.toContain(file);
    }
    expect(verbose).toContain(`${DIR}/kuttl/00-assert.yaml: a kuttl test assertion`);
    expect(verbose).toContain(`${DIR}/chainsaw/scale-up.yaml: a chainsaw test's patch file`);
    expect(verbose).toContain(`${DIR}/chainsaw/expected.yaml: a chainsaw test's assert file`);
  });

  it("lints a kustomization's resources and patches only as part of what it builds", () => {
    const own = findings.filter((finding) => finding.file.startsWith(`${DIR}/kustomize/`));
    // Built or not (that depends on a Kustomize being at hand), no patch is judged as a whole object.
    expect(own.filter((finding) => /memory|replicas/.test(finding.file))).toEqual([]);
    const input = (file: string) => `${DIR}/kustomize/${file}: an input of ${DIR}/kustomize/overlay/kustomization.yaml`;
    expect(verbose).toContain(input('overlay/memory.yaml'));
    expect(verbose).toContain(input('overlay/replicas.yaml'));
    expect(verbose).toContain(input('deployment.yaml'));
  });

  it('passes over a kubeconfig and a patch of a CustomResourceDefinition, and says so', () => {
    expect(files()).not.toContain('kubeconfig.yaml');
    expect(files()).not.toContain('operator/crd/patches/webhook_in_backups.yaml');
    expect(verbose).toContain(`${DIR}/kubeconfig.yaml: skipped Config "": a kubeconfig`);
    expect(verbose).toContain(
      `${DIR}/operator/crd/patches/webhook_in_backups.yaml: CustomResourceDefinition "backups.example.com" defines no group`,
    );
  });

  it('does not judge a Deployment without a pod template as a whole workload, and says so', () => {
    expect(files()).not.toContain('fragment.yaml');
    expect(verbose).toContain(`${DIR}/fragment.yaml: Deployment "web" has no pod template with containers`);
  });
});
