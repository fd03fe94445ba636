import { describe, expect, it } from 'vitest';
import * as api from '../../src/api.js';

/**
 * What rule modules may import from the package. Removing or renaming any of
 * these breaks users' rules: change this list only with a major version.
 */
const PUBLIC_API = [
  'CONTROLLER_POD_LABELS',
  'DEPRECATED_APIS',
  'EXEMPT_IMAGES_DESCRIPTION',
  'MAX_USER_PATTERN_LENGTH',
  'RBAC_GROUP',
  'WORKLOAD_KINDS',
  'buildPodLabelIndex',
  'capabilityEntries',
  'compareQuantities',
  'compileUserRegex',
  'configReferencesOf',
  'containersOf',
  'describeObject',
  'describeReferenceSite',
  'describeValue',
  'effectiveSecurityContext',
  'exemptImagesParam',
  'findDeprecatedApi',
  'findNamespaceGaps',
  'formatLabelSelector',
  'formatPath',
  'getIn',
  'hasPlaceholder',
  'imageMatchesPattern',
  'isClusterScoped',
  'isDeprecatedAt',
  'isEmptySelector',
  'isExemptImage',
  'isKoReference',
  'isExemptName',
  'isNegativeQuantity',
  'isRbacRole',
  'isRecord',
  'isRemovedAt',
  'isUnset',
  'isWindowsPod',
  'isWorkload',
  'itemsGranting',
  'judgedContainers',
  'labelKeyProblem',
  'labelSelectorMatches',
  'listValues',
  'literalImageReference',
  'nameMatchesPattern',
  'normalizeCapability',
  'parseImageReference',
  'parseKubernetesVersion',
  'parseMoment',
  'parseQuantity',
  'parseTtl',
  'podSpecOf',
  'podTemplateLabels',
  'policyRulesOf',
  'privilegeEscalation',
  'readLabelSelector',
  'replacementAt',
  'replicaCount',
  'schemaProblemsOf',
  'schemaViolations',
  'stringItems',
  'targetNamespace',
  'ttlEnd',
  'userRegexProblem',
  'usesUserNamespace',
];

describe('the public API for rule modules', () => {
  it('exports exactly the documented helpers', () => {
    expect(Object.keys(api).sort()).toEqual([...PUBLIC_API].sort());
  });

  it('gives a rule the same view of a workload as the built-in rules get', () => {
    const resource = {
      object: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        spec: { template: { spec: { containers: [{ name: 'a' }] } } },
      },
      group: 'apps',
      kind: 'Deployment',
    } as unknown as Parameters<typeof api.containersOf>[0];
    expect(api.containersOf(resource).map((ref) => [ref.name, api.formatPath(ref.path)])).toEqual([
      ['a', 'spec.template.spec.containers[0]'],
    ]);
  });
});
