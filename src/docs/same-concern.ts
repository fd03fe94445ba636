/**
 * Gatekeeper library ports and k8s-bp's own rules that guard the same concern.
 * The two are kept apart on purpose: a port reproduces its library template
 * bug for bug, with the library's suites as its specification, while an own
 * rule carries k8s-bp's judgement and can change when the evidence does. So
 * their verdicts differ on some manifests, and users who meet both are told
 * which is which (`k8s-bp rules`, docs/rules/README.md).
 */

/** Each own rule, with the ports of the same concern. */
export const SAME_CONCERN: Readonly<Record<string, readonly string[]>> = {
  'allowed-repos': ['k8s-allowed-repos', 'k8s-allowed-repos-v2'],
  'container-limits': ['k8s-container-limits', 'k8s-required-resources'],
  'container-requests': ['k8s-container-requests', 'k8s-required-resources'],
  'deprecated-api-version': ['verify-deprecated-api'],
  'drop-all-capabilities': ['k8s-psp-capabilities'],
  'https-only-ingress': ['k8s-https-only'],
  'no-host-namespaces': ['k8s-psp-host-namespace', 'k8s-psp-host-networking-ports'],
  'no-host-path': ['k8s-psp-host-filesystem'],
  'no-host-ports': ['k8s-psp-host-networking-ports'],
  'no-latest-tag': ['k8s-disallowed-tags'],
  'no-privilege-escalation': ['k8s-psp-allow-privilege-escalation-container'],
  'no-privileged': ['k8s-psp-privileged-container'],
  'no-public-services': ['k8s-block-load-balancer', 'k8s-block-node-port'],
  'pdb-for-replicated-workloads': ['k8s-pod-disruption-budget'],
  'probes-configured': ['k8s-required-probes'],
  'rbac-no-anonymous-bindings': ['k8s-disallow-anonymous'],
  'read-only-root-filesystem': ['k8s-psp-read-only-root-filesystem'],
  'required-labels': ['k8s-required-labels'],
  'run-as-non-root': ['k8s-psp-allowed-users'],
  'unique-ingress-host': ['k8s-unique-ingress-host'],
};

/** The rules of the same concern as this one, own rules for a port and ports for an own rule. */
export function sameConcernAs(id: string): string[] {
  const ports = SAME_CONCERN[id];
  if (ports !== undefined) return [...ports];
  return Object.entries(SAME_CONCERN)
    .filter(([, candidates]) => candidates.includes(id))
    .map(([own]) => own);
}

/** What a user who meets both kinds should know, for the docs and `k8s-bp rules`. */
export const SAME_CONCERN_NOTE = [
  'A port of a Gatekeeper library template runs only for Gatekeeper constraints and follows its template bug for',
  "bug, with the library's test suites as its specification. A k8s-bp rule of the same concern carries k8s-bp's",
  'own judgement, which can change when the evidence does, so the two may give different verdicts on one manifest.',
];
