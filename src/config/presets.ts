/** A named starting set of rules. Each entry becomes a constraint named after its rule. */
export interface PresetEntry {
  rule: string;
  /** Omitted: the rule's default severity (error → deny, warning → warn). */
  enforcementAction?: 'deny' | 'warn' | 'dryrun';
  parameters?: Record<string, unknown>;
  match?: Record<string, unknown>;
}

const WORKLOADS = {
  kinds: [
    { apiGroups: [''], kinds: ['Pod', 'ReplicationController'] },
    { apiGroups: ['apps'], kinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'] },
    { apiGroups: ['batch'], kinds: ['Job', 'CronJob'] },
  ],
};

/** What the API server would refuse: on in both presets, at each rule's own severity. */
const SCHEMA: readonly PresetEntry[] = [
  { rule: 'schema-crd-rule' },
  { rule: 'schema-duplicate-entry' },
  { rule: 'schema-kind' },
  { rule: 'schema-required' },
  { rule: 'schema-type' },
  { rule: 'schema-unknown-field' },
  { rule: 'schema-value' },
];

/** Every workload should say which application it belongs to. */
const nameLabel: PresetEntry = {
  rule: 'required-labels',
  enforcementAction: 'warn',
  parameters: { labels: [{ key: 'app.kubernetes.io/name' }] },
  match: WORKLOADS,
};

/**
 * `recommended`: rules that need no team-specific parameters and rarely fire
 * without a reason, with schema validation (what the API server would refuse). Security and correctness are errors; practices with
 * legitimate exceptions are warnings. Left out: rules that need the team's own
 * values (`allowed-repos`, `image-tag-format`, `namespace-metadata`) and
 * rules that upstream install bundles break by design (namespace quotas).
 */
const recommended: readonly PresetEntry[] = [
  { rule: 'container-limits' },
  { rule: 'container-requests' },
  { rule: 'dangling-references' },
  { rule: 'dedicated-service-account' },
  { rule: 'deprecated-api-version' },
  { rule: 'https-only-ingress' },
  { rule: 'namespace-pod-security' },
  { rule: 'no-host-namespaces' },
  { rule: 'no-host-path' },
  { rule: 'no-host-ports' },
  { rule: 'no-latest-tag' },
  { rule: 'no-mutable-tag' },
  { rule: 'no-plaintext-env-secrets' },
  { rule: 'no-privilege-escalation' },
  { rule: 'no-privileged' },
  { rule: 'no-public-services' },
  { rule: 'pdb-for-replicated-workloads' },
  { rule: 'pod-security-standards' },
  { rule: 'probes-configured' },
  { rule: 'rbac-namespace-scoped-edit' },
  { rule: 'rbac-no-anonymous-bindings' },
  { rule: 'rbac-no-escalation', enforcementAction: 'warn' },
  { rule: 'rbac-no-wildcards', enforcementAction: 'warn' },
  { rule: 'rbac-webhook-admin', enforcementAction: 'warn' },
  { rule: 'replicas-spread' },
  { rule: 'requests-equal-limits' },
  nameLabel,
  { rule: 'run-as-non-root' },
  ...SCHEMA,
  { rule: 'secrets-as-volumes' },
  { rule: 'selector-matches-template' },
  { rule: 'unique-ingress-host' },
  { rule: 'webhook-scope', enforcementAction: 'warn' },
];

/**
 * `strict`: every rule at its own severity. Left out: `allowed-repos`, which
 * cannot run without the team's list of registries, and `schema-missing-crd`,
 * which asks for every operator's CRDs to be at hand.
 */
const strict: readonly PresetEntry[] = [
  { rule: 'container-limits' },
  { rule: 'container-requests' },
  { rule: 'dangling-references' },
  { rule: 'dedicated-service-account' },
  { rule: 'default-storage-class-name' },
  { rule: 'deprecated-api-version' },
  { rule: 'drop-all-capabilities' },
  { rule: 'https-only-ingress' },
  { rule: 'image-tag-format' },
  { rule: 'namespace-default-deny' },
  { rule: 'namespace-has-limit-range' },
  { rule: 'namespace-has-resource-quota' },
  { rule: 'namespace-metadata' },
  { rule: 'namespace-pod-security' },
  { rule: 'no-host-namespaces' },
  { rule: 'no-host-path' },
  { rule: 'no-host-ports' },
  { rule: 'no-latest-tag' },
  { rule: 'no-mutable-tag' },
  { rule: 'no-plaintext-env-secrets' },
  { rule: 'no-privilege-escalation' },
  { rule: 'no-privileged' },
  { rule: 'no-public-services' },
  { rule: 'pdb-for-replicated-workloads' },
  { rule: 'pod-security-standards' },
  { rule: 'probes-configured' },
  { rule: 'rbac-namespace-scoped-edit' },
  { rule: 'rbac-no-anonymous-bindings' },
  { rule: 'rbac-no-escalation' },
  { rule: 'rbac-no-wildcards' },
  { rule: 'rbac-secrets-read' },
  { rule: 'rbac-webhook-admin' },
  { rule: 'read-only-root-filesystem' },
  { rule: 'replicas-spread' },
  { rule: 'requests-equal-limits' },
  { ...nameLabel, enforcementAction: 'deny' },
  { rule: 'run-as-non-root' },
  ...SCHEMA,
  { rule: 'secrets-as-volumes' },
  { rule: 'selector-matches-template' },
  { rule: 'unique-ingress-host' },
  { rule: 'versioned-configmap' },
  { rule: 'webhook-scope' },
];

export const PRESETS: Readonly<Record<string, readonly PresetEntry[]>> = { recommended, strict, none: [] };

export type PresetName = keyof typeof PRESETS;

/** The presets that run a rule, with the action when it is not `deny`: `recommended (warn)`. */
export function presetsOf(id: string): string[] {
  return Object.entries(PRESETS).flatMap(([name, entries]) => {
    const entry = entries.find((candidate) => candidate.rule === id);
    if (!entry) return [];
    return [
      entry.enforcementAction && entry.enforcementAction !== 'deny' ? `${name} (${entry.enforcementAction})` : name,
    ];
  });
}
