import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../../rules/index.js';
import { resolveConstraints } from '../../../src/config/resolve.js';

/** What a preset runs, as `rule:action`; a change to a preset must change this test too. */
const presetContents = (preset: 'recommended' | 'strict') =>
  resolveConstraints(
    {
      config: { extends: preset },
      file: '.k8s-bp.yaml',
      directory: '.',
      placeOf: () => ({ file: '', line: 1, column: 1 }),
    },
    builtinRules,
    { enable: [], disable: [] },
  ).constraints.map((constraint) => `${constraint.ruleId}:${constraint.enforcementAction}`);

describe('presets', () => {
  it('recommended runs exactly these rules, as these actions', () => {
    expect(presetContents('recommended')).toEqual([
      'container-limits:deny',
      'container-requests:deny',
      'dangling-references:warn',
      'dedicated-service-account:warn',
      'deprecated-api-version:deny',
      'https-only-ingress:deny',
      'namespace-pod-security:warn',
      'no-host-namespaces:deny',
      'no-host-path:deny',
      'no-host-ports:deny',
      'no-latest-tag:deny',
      'no-mutable-tag:deny',
      'no-plaintext-env-secrets:deny',
      'no-privilege-escalation:warn',
      'no-privileged:deny',
      'no-public-services:warn',
      'pdb-for-replicated-workloads:warn',
      'pod-security-standards:deny',
      'probes-configured:warn',
      'rbac-namespace-scoped-edit:deny',
      'rbac-no-anonymous-bindings:deny',
      'rbac-no-escalation:warn',
      'rbac-no-wildcards:warn',
      'rbac-webhook-admin:warn',
      'replicas-spread:warn',
      'requests-equal-limits:warn',
      'required-labels:warn',
      'run-as-non-root:warn',
      'schema-crd-rule:deny',
      'schema-duplicate-entry:warn',
      'schema-kind:deny',
      'schema-required:deny',
      'schema-type:deny',
      'schema-unknown-field:deny',
      'schema-value:deny',
      'secrets-as-volumes:warn',
      'selector-matches-template:deny',
      'unique-ingress-host:deny',
      'webhook-scope:warn',
    ]);
  });

  it('strict runs every catalogue rule but allowed-repos and schema-missing-crd, which need the team inputs', () => {
    const ids = presetContents('strict').map((entry) => entry.split(':')[0]);
    // Gatekeeper library templates run only from Gatekeeper constraints, which carry their parameters.
    const catalogue = builtinRules.filter((rule) => !rule.meta.gatekeeper).map((rule) => rule.meta.id);
    expect(ids).toEqual(catalogue.filter((id) => id !== 'allowed-repos' && id !== 'schema-missing-crd'));
    expect(presetContents('strict')).toContain('required-labels:deny');
  });

  it('recommended requires app.kubernetes.io/name on workloads only', () => {
    const [labels] = resolveConstraints(undefined, builtinRules, { enable: [], disable: [] }).constraints.filter(
      (constraint) => constraint.ruleId === 'required-labels',
    );
    expect(labels?.parameters).toMatchObject({ labels: [{ key: 'app.kubernetes.io/name' }] });
    expect(JSON.stringify(labels?.match.kinds)).toContain('Deployment');
    expect(JSON.stringify(labels?.match.kinds)).not.toContain('Service');
  });
});
