import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { builtinRules } from '../../rules/index.js';
import { ADMISSION_POLICY_ID, INVALID_ADMISSION_POLICY_ID } from '../../src/model/finding-ids.js';
import { lintOptions, ROOT } from '../helpers/cli.js';
import { brief, review } from './helpers.js';

const POD = (name: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: team-a
${extra}spec:
  containers:
    - name: app
      image: nginx:1.27
`;

/** A policy on Pods with one validation, and a binding; `spec` and `binding` add or replace fields. */
function policy(spec: string, binding = 'validationActions: [Deny]', policyName = 'pods'): string {
  return `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: pods
spec:
  matchConstraints:
    resourceRules:
      - apiGroups: ['']
        apiVersions: ['v1']
        operations: ['CREATE']
        resources: ['pods']
${spec.replace(/^/gm, '  ')}
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: pods-binding
spec:
  policyName: ${policyName}
${binding.replace(/^/gm, '  ')}
`;
}

describe('ValidatingAdmissionPolicy in lint', () => {
  it('evaluates policies with params, selectors and exclusions on the linted manifests', async () => {
    const result = await lint(
      lintOptions({
        paths: ['fixtures/cel/manifests'],
        policies: ['fixtures/cel/policies'],
        cwd: ROOT,
        configFile: 'fixtures/cel/none.yaml',
      }),
      builtinRules,
    );
    const ours = result.findings.filter((finding) => finding.ruleId === ADMISSION_POLICY_ID).map(brief);
    expect(ours).toEqual([
      {
        ruleId: ADMISSION_POLICY_ID,
        severity: 'error',
        constraintName: 'replica-limit-production',
        object: 'web',
        message: 'replicas must be at most 5, not 8',
        line: 7,
      },
      {
        ruleId: ADMISSION_POLICY_ID,
        severity: 'error',
        constraintName: 'image-registry-production',
        object: 'batch',
        message: 'images must come from registry.example.com',
        line: 18,
      },
      {
        ruleId: ADMISSION_POLICY_ID,
        severity: 'warning',
        constraintName: 'image-registry-elsewhere',
        object: 'experiment',
        message: 'images must come from registry.example.com',
        line: 37,
      },
    ]);
    expect(result.findings.find((finding) => finding.object?.name === 'web')?.path).toBe('spec.replicas');
  });

  it('does not enforce policies found among the linted files, and lints them as objects', async () => {
    const result = await lint(
      lintOptions({
        paths: ['fixtures/cel/manifests', 'fixtures/cel/policies'],
        cwd: ROOT,
        configFile: 'fixtures/cel/none.yaml',
      }),
      builtinRules,
    );
    expect(result.findings.filter((finding) => finding.ruleId === ADMISSION_POLICY_ID)).toEqual([]);
    expect(
      result.notes.some((note) =>
        note.includes('ValidatingAdmissionPolicy "replica-limit" is linted as an object, not enforced'),
      ),
    ).toBe(true);
  });

  it("enforces the policies the config's policies name, relative to the config file", async () => {
    const configFile = 'fixtures/cel/enforced.yaml';
    const result = await lint(lintOptions({ paths: ['fixtures/cel/manifests'], cwd: ROOT, configFile }), builtinRules);
    expect(result.findings.filter((finding) => finding.ruleId === ADMISSION_POLICY_ID)).toHaveLength(3);
  });
});

describe('ValidatingAdmissionPolicy semantics', () => {
  it('maps validationActions to severities', () => {
    const spec = "validations:\n  - expression: 'false'\n    message: denied";
    for (const [actions, severity] of [
      ['[Deny]', 'error'],
      ['[Warn]', 'warning'],
      ['[Audit]', 'note'],
      ['[Warn, Audit]', 'warning'],
      ['[Deny, Audit]', 'error'],
    ] as const) {
      const { findings } = review(POD('p'), policy(spec, `validationActions: ${actions}`));
      expect(findings.map((finding) => finding.severity)).toEqual([severity]);
    }
  });

  it('reports each failed validation with its message, messageExpression or the default', () => {
    const spec = `validations:
  - expression: object.metadata.name.startsWith('team-')
    message: names start with team-
  - expression: has(object.metadata.labels)
    messageExpression: "'pod ' + object.metadata.name + ' has no labels'"
  - expression: object.spec.containers.size() > 1
  - expression: 'false'
    message: static message
    messageExpression: "''"
  - expression: 'false'
    message: forbidden
    reason: Forbidden`;
    const { findings } = review(POD('web'), policy(spec));
    expect(findings.map((finding) => finding.message)).toEqual([
      'names start with team-',
      'pod web has no labels',
      'failed expression: object.spec.containers.size() > 1',
      'static message',
      'forbidden (reason: Forbidden)',
    ]);
  });

  it('points at the field a validation names in fieldPath, else at the object', () => {
    const spec = `validations:
  - expression: 'false'
    fieldPath: spec.containers[0].image
  - expression: 'false'
    fieldPath: "metadata['name']"
  - expression: 'false'`;
    const { findings } = review(POD('web'), policy(spec));
    expect(findings.map((finding) => [finding.path, finding.line])).toEqual([
      ['spec.containers[0].image', 9],
      ['metadata.name', 4],
      ['', 1],
    ]);
  });

  it('runs validations only when every matchCondition holds', () => {
    const spec = `matchConditions:
  - name: labelled
    expression: has(object.metadata.labels)
  - name: not-system
    expression: "!object.metadata.name.startsWith('system-')"
validations:
  - expression: 'false'`;
    const labelled = '  labels: { app: web }\n';
    expect(review(POD('web'), policy(spec)).findings).toHaveLength(0);
    expect(review(POD('system-x', labelled), policy(spec)).findings).toHaveLength(0);
    expect(review(POD('web', labelled), policy(spec)).findings).toHaveLength(1);
  });

  it('evaluates variables lazily: one that fails but is not used is no error', () => {
    const spec = `variables:
  - name: broken
    expression: object.spec.missing.field
  - name: name
    expression: object.metadata.name
validations:
  - expression: variables.name == 'web'`;
    expect(review(POD('web'), policy(spec)).findings).toEqual([]);
    const uses = spec.replace("variables.name == 'web'", "variables.broken == 'x'");
    expect(review(POD('web'), policy(uses)).findings.map((finding) => finding.message)).toEqual([
      'ValidatingAdmissionPolicy "pods" could not be evaluated: "variables.broken == \'x\'": No such key: missing',
    ]);
  });

  it('applies failurePolicy to evaluation errors: Fail reports them like a failed validation, Ignore as a note', () => {
    const failing = "validations:\n  - expression: object.spec.nodeName == 'a'";
    expect(review(POD('web'), policy(failing)).findings.map((finding) => finding.severity)).toEqual(['error']);
    expect(review(POD('web'), policy(failing, 'validationActions: [Warn]')).findings[0]?.severity).toBe('warning');
    expect(
      review(POD('web'), policy(`failurePolicy: Ignore\n${failing}`)).findings.map((finding) => finding.severity),
    ).toEqual(['note']);
    const notBool = 'validations:\n  - expression: object.metadata.name';
    expect(review(POD('web'), policy(notBool)).findings[0]?.message).toMatch(/must evaluate to a bool, not a string/);
  });

  it('binds object, oldObject, request and namespaceObject as the API server does on CREATE', () => {
    const spec = `validations:
  - expression: "request.operation == 'CREATE' && oldObject == null && request.kind.kind == 'Pod' && request.resource.resource == 'pods' && request.namespace == 'team-a' && request.name == 'web'"
    message: request
  - expression: "namespaceObject != null && namespaceObject.metadata.labels.tier == 'gold'"
    message: namespace`;
    const namespace = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-a\n  labels: { tier: gold }\n---\n';
    const { findings } = review(POD('web'), policy(spec) + '---\n' + namespace);
    expect(findings).toEqual([]);
    expect(review(POD('web'), policy(spec)).findings.map((finding) => finding.message)).toEqual(['namespace']);
  });

  it('matches resource rules: groups, versions, resources, operations, scope and names', () => {
    const rules = (rule: string) =>
      policy("validations:\n  - expression: 'false'").replace(
        /resourceRules:\n(.|\n)*?resources: \['pods'\]\n/,
        `resourceRules:\n${rule.replace(/^/gm, '      ')}\n`,
      );
    const cases: [string, number][] = [
      ["- apiGroups: ['*']\n  apiVersions: ['*']\n  operations: ['*']\n  resources: ['*']", 1],
      ["- apiGroups: ['']\n  apiVersions: ['v1']\n  operations: ['CREATE']\n  resources: ['pods/*']", 1],
      ["- apiGroups: ['']\n  apiVersions: ['v1']\n  operations: ['CREATE']\n  resources: ['pods/status']", 0],
      ["- apiGroups: ['']\n  apiVersions: ['v1']\n  operations: ['UPDATE']\n  resources: ['pods']", 0],
      ["- apiGroups: ['apps']\n  apiVersions: ['v1']\n  operations: ['CREATE']\n  resources: ['pods']", 0],
      ["- apiGroups: ['']\n  apiVersions: ['v2']\n  operations: ['CREATE']\n  resources: ['pods']", 0],
      [
        "- apiGroups: ['']\n  apiVersions: ['v1']\n  operations: ['CREATE']\n  resources: ['pods']\n  scope: Cluster",
        0,
      ],
      [
        "- apiGroups: ['']\n  apiVersions: ['v1']\n  operations: ['CREATE']\n  resources: ['pods']\n  scope: Namespaced",
        1,
      ],
      [
        "- apiGroups: ['']\n  apiVersions: ['v1']\n  operations: ['CREATE']\n  resources: ['pods']\n  resourceNames: [other]",
        0,
      ],
      [
        "- apiGroups: ['']\n  apiVersions: ['v1']\n  operations: ['CREATE']\n  resources: ['pods']\n  resourceNames: [web]",
        1,
      ],
    ];
    for (const [rule, count] of cases) expect(review(POD('web'), rules(rule)).findings, rule).toHaveLength(count);
  });

  it('maps kinds to resources, with the plurals of custom resources from their CRDs', () => {
    const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: mice.zoo.example.com }
spec:
  group: zoo.example.com
  scope: Namespaced
  names: { kind: Mouse, plural: mice }
---
apiVersion: zoo.example.com/v1
kind: Mouse
metadata: { name: jerry, namespace: house }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: deny, namespace: house }
spec: {}
`;
    const spec = (group: string, resource: string) =>
      policy("validations:\n  - expression: 'false'")
        .replace("apiGroups: ['']", `apiGroups: ['${group}']`)
        .replace("apiVersions: ['v1']", "apiVersions: ['*']")
        .replace("resources: ['pods']", `resources: ['${resource}']`);
    expect(review(crd, spec('zoo.example.com', 'mice')).findings.map((finding) => finding.object?.name)).toEqual([
      'jerry',
    ]);
    expect(
      review(crd, spec('networking.k8s.io', 'networkpolicies')).findings.map((finding) => finding.object?.name),
    ).toEqual(['deny']);
  });

  it('selects objects and namespaces by labels, and skips excluded resources', () => {
    const namespaces = `apiVersion: v1
kind: Namespace
metadata: { name: team-a, labels: { env: prod } }
---
apiVersion: v1
kind: Namespace
metadata: { name: team-b, labels: { env: dev } }
---
`;
    const pods = `${POD('a1', '  labels: { tier: web }\n')}---\n${POD('a2')}---\n${POD('b1', '  labels: { tier: web }\n').replace('team-a', 'team-b')}`;
    const binding = `validationActions: [Deny]
matchResources:
  namespaceSelector:
    matchLabels: { env: prod }
  objectSelector:
    matchExpressions:
      - { key: tier, operator: In, values: [web] }`;
    const names = (text: string) => review(namespaces + pods, text).findings.map((finding) => finding.object?.name);
    expect(names(policy("validations:\n  - expression: 'false'", binding))).toEqual(['a1']);
    const excluding = policy(
      "  excludeResourceRules:\n    - apiGroups: ['']\n      apiVersions: ['*']\n      operations: ['*']\n      resources: ['pods']\n      resourceNames: [a2]\nvalidations:\n  - expression: 'false'",
    ).replace('  matchConstraints:', '  matchConstraints:');
    expect(names(excluding.replace(/\n {2} {2}excludeResourceRules/, '\n    excludeResourceRules'))).toEqual([
      'a1',
      'b1',
    ]);
  });

  describe('parameters', () => {
    const paramsPolicy = (ref: string) =>
      policy(
        `paramKind:\n  apiVersion: v1\n  kind: ConfigMap\nvalidations:\n  - expression: object.metadata.name != params.data.forbidden\n    messageExpression: "'name ' + params.data.forbidden + ' is forbidden by ' + params.metadata.name"`,
        `validationActions: [Deny]\nparamRef:\n${ref.replace(/^/gm, '  ')}`,
      );
    const configMap = (name: string, forbidden: string, namespace = 'team-a', labels = '{ policy: names }') =>
      `---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: ${name}, namespace: ${namespace}, labels: ${labels} }\ndata: { forbidden: ${forbidden} }\n`;

    it('finds params by name, in the object namespace by default', () => {
      const params = configMap('names', 'web') + configMap('names', 'db', 'team-b');
      expect(
        review(POD('web'), paramsPolicy('name: names') + params).findings.map((finding) => finding.message),
      ).toEqual(['name web is forbidden by names']);
      expect(review(POD('web'), paramsPolicy('name: names\nnamespace: team-b') + params).findings).toEqual([]);
    });

    it('evaluates every param a selector finds', () => {
      const params =
        configMap('one', 'web') + configMap('two', 'web') + configMap('other', 'web', 'team-a', '{ policy: other }');
      const { findings } = review(POD('web'), paramsPolicy('selector:\n  matchLabels: { policy: names }') + params);
      expect(findings.map((finding) => finding.message)).toEqual([
        'name web is forbidden by one',
        'name web is forbidden by two',
      ]);
    });

    it('applies parameterNotFoundAction when no param is found', () => {
      const deny = review(POD('web'), paramsPolicy('name: missing\nparameterNotFoundAction: Deny')).findings;
      expect(deny.map((finding) => finding.message)).toEqual([
        'ValidatingAdmissionPolicy "pods" could not be evaluated: no params found for policy binding "pods-binding" with Deny parameterNotFoundAction',
      ]);
      expect(review(POD('web'), paramsPolicy('name: missing\nparameterNotFoundAction: Allow')).findings).toEqual([]);
    });

    it('binds params to null when the binding has no paramRef', () => {
      const text = policy(
        'paramKind:\n  apiVersion: v1\n  kind: ConfigMap\nvalidations:\n  - expression: params == null\n    message: x',
      );
      expect(review(POD('web'), text).findings).toEqual([]);
    });
  });

  describe('policies and bindings that cannot be used', () => {
    it('reports expressions that do not compile at their line', () => {
      const { findings } = review(POD('web'), policy('validations:\n  - expression: object.spec.(\n    message: x'));
      expect(findings.map(brief)).toEqual([
        expect.objectContaining({
          ruleId: INVALID_ADMISSION_POLICY_ID,
          severity: 'error',
          line: 13,
          message: expect.stringMatching(
            /^ValidatingAdmissionPolicy "pods": spec.validations\[0\].expression does not compile: /,
          ) as unknown,
        }),
      ]);
    });

    it('refuses expressions that ask the authorizer', () => {
      const { findings } = review(
        POD('web'),
        policy("validations:\n  - expression: authorizer.group('').resource('pods').check('create').allowed()"),
      );
      expect(findings[0]?.message).toMatch(/authorizer is not available offline/);
    });

    it('warns about a binding whose policy is not in the input, and notes a policy without binding', () => {
      const { findings, notes } = review(
        POD('web'),
        policy("validations:\n  - expression: 'false'", 'validationActions: [Deny]', 'elsewhere'),
      );
      expect(findings.map((finding) => [finding.ruleId, finding.severity, finding.message])).toEqual([
        [
          INVALID_ADMISSION_POLICY_ID,
          'warning',
          'ValidatingAdmissionPolicyBinding "pods-binding": spec.policyName names ValidatingAdmissionPolicy "elsewhere", which is not among the linted files or --policies: the binding checks nothing here',
        ],
      ]);
      expect(notes).toEqual(['policies.yaml: ValidatingAdmissionPolicy "pods" has no binding, so it checks nothing']);
    });

    it.each([
      ['validationActions: []', /validationActions must list Deny, Warn or Audit/],
      ['validationActions: [Deny, Warn]', /may not hold both Deny and Warn/],
      ['validationActions: [Deny]\nparamRef: { namespace: x }', /exactly one of name and selector/],
      [
        'validationActions: [Deny]\nmatchResources: { objectSelector: { matchExpressions: [{ key: a, operator: Maybe }] } }',
        /operator/,
      ],
    ])('refuses a binding with %s', (binding, message) => {
      const { findings } = review(POD('web'), policy("validations:\n  - expression: 'false'", binding));
      expect(findings.map((finding) => finding.ruleId)).toEqual([INVALID_ADMISSION_POLICY_ID]);
      expect(findings[0]?.message).toMatch(message);
    });

    it('notes that auditAnnotations are not evaluated', () => {
      const text = policy(
        "validations:\n  - expression: 'true'\nauditAnnotations:\n  - key: k\n    valueExpression: \"'v'\"",
      );
      expect(review(POD('web'), text).notes).toEqual([
        'policies.yaml: pods: auditAnnotations are not evaluated offline (they only annotate audit events)',
      ]);
    });
  });
});
