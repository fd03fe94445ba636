import { describe, expect, it } from 'vitest';
import { ADMISSION_POLICY_ID } from '../../src/model/finding-ids.js';
import { runCli, tempDir, writeTemp } from '../helpers/cli.js';

const POLICY = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: pod-naming
spec:
  matchConstraints:
    resourceRules:
      - apiGroups: ['']
        apiVersions: ['v1']
        operations: ['CREATE']
        resources: ['pods']
  variables:
    - name: nameProblems
      expression: format.dns1123Label().validate(object.metadata.name)
  validations:
    - expression: '!variables.nameProblems.hasValue()'
      messageExpression: "'name ' + object.metadata.name + ': ' + variables.nameProblems.value().join('; ')"
    - expression: >-
        object.spec.containers.all(i, c, !c.image.contains(':v') ||
        semver(c.image.split(':v')[1], true).isGreaterThan(semver('1.27.0')))
      message: container images must be newer than v1.27
    - expression: object.spec.containers.transformList(i, c, c.name == '', i).size() == 0
      messageExpression: >-
        'containers without a name at ' +
        object.spec.containers.transformList(i, c, c.name == '', string(i)).join(', ')
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: pod-naming-binding
spec:
  policyName: pod-naming
  validationActions: [Deny]
`;

const PODS = `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: team-a
spec:
  containers:
    - name: app
      image: registry.example.com/app:v1.29
---
apiVersion: v1
kind: Pod
metadata:
  name: Web_Old
  namespace: team-a
spec:
  containers:
    - name: app
      image: registry.example.com/app:v1.26
    - name: ''
      image: registry.example.com/sidecar:v2.0.1
`;

interface JsonFinding {
  ruleId: string;
  message: string;
  line: number;
  object: { name: string };
}

describe('admission policies using the format and semver libraries and two-variable comprehensions', () => {
  it('reports what the API server would deny, from the built CLI', async () => {
    const dir = tempDir();
    writeTemp(dir, 'policy.yaml', POLICY);
    writeTemp(dir, 'pods.yaml', PODS);
    const run = await runCli(['lint', '--format', 'json', '--policies', 'policy.yaml', 'pods.yaml'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const findings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings
      .filter((finding) => finding.ruleId === ADMISSION_POLICY_ID)
      .map(({ message, line, object }) => ({ object: object.name, line, message }));
    expect(findings).toEqual([
      { object: 'Web_Old', line: 11, message: 'container images must be newer than v1.27' },
      { object: 'Web_Old', line: 11, message: 'containers without a name at 1' },
      {
        object: 'Web_Old',
        line: 11,
        message:
          "name Web_Old: a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      },
    ]);
  });
});
