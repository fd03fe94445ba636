import { describe, expect, it } from 'vitest';
import rule from '../../rules/deprecated-api-version.js';
import {
  DEPRECATED_APIS,
  findDeprecatedApi,
  parseKubernetesVersion,
  replacementAt,
} from '../../src/kit/deprecated-apis.js';
import { ruleTester } from './rule-tester.js';

const hpa = (apiVersion: string) =>
  `apiVersion: ${apiVersion}\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  maxReplicas: 3\n`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'suggests the successor the target serves, even if a newer one exists later',
      yaml: hpa('autoscaling/v2beta1'),
      parameters: { kubernetesVersion: '1.22' },
      expect: [
        {
          messageId: 'deprecated',
          line: 1,
          column: 1,
          message:
            'HorizontalPodAutoscaler "web" uses apiVersion "autoscaling/v2beta1", deprecated since Kubernetes 1.22 and no longer served from 1.25; use "autoscaling/v2beta2" instead',
        },
      ],
    },
    {
      name: 'says nothing before the release that deprecated the version',
      yaml: hpa('autoscaling/v2beta2'),
      parameters: { kubernetesVersion: '1.22' },
      expect: [],
    },
    {
      name: 'stays quiet about deprecated versions when reportDeprecated is false, but not about removed ones',
      yaml: `${hpa('autoscaling/v2beta2')}---\n${hpa('autoscaling/v2beta1')}`,
      parameters: { kubernetesVersion: '1.25', reportDeprecated: false },
      expect: [
        {
          messageId: 'removed',
          line: 8,
          column: 1,
          message:
            'HorizontalPodAutoscaler "web" uses apiVersion "autoscaling/v2beta1", which Kubernetes 1.25 no longer serves (removed in 1.25); use "autoscaling/v2" instead',
        },
      ],
    },
    {
      name: 'matches the pair of API version and kind, not the version alone',
      yaml: 'apiVersion: apps/v1beta1\nkind: ControllerRevision\nmetadata: {name: r}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\n',
      expect: [],
    },
    {
      name: 'names an object without a name as unnamed',
      yaml: 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata: {}\nspec: {minAvailable: 1}\n',
      expect: [
        {
          messageId: 'removed',
          line: 1,
          column: 1,
          message:
            'PodDisruptionBudget "(unnamed)" uses apiVersion "policy/v1beta1", which Kubernetes 1.35 no longer serves (removed in 1.25); use "policy/v1" instead',
        },
      ],
    },
  ],
});

describe('the table of deprecated APIs', () => {
  it('holds each API version and kind once', () => {
    const keys = DEPRECATED_APIS.map((entry) => `${entry.apiVersion} ${entry.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(DEPRECATED_APIS.map((entry) => [`${entry.apiVersion} ${entry.kind}`, entry] as const))(
    '%s: releases parse, removal follows deprecation, successors differ',
    (_, entry) => {
      const deprecated = parseKubernetesVersion(entry.deprecatedIn);
      expect(deprecated).toBeDefined();
      if (entry.removedIn !== undefined) {
        const removed = parseKubernetesVersion(entry.removedIn)!;
        expect(removed.minor).toBeGreaterThan(deprecated!.minor);
      }
      for (const replacement of entry.replacements) {
        expect(replacement.apiVersion).not.toBe(entry.apiVersion);
        expect(parseKubernetesVersion(replacement.availableIn)).toBeDefined();
      }
      expect(entry.replacements.length > 0 || entry.alternative !== undefined || entry.removedIn === undefined).toBe(
        true,
      );
    },
  );

  it('covers the removals of the migration guide', () => {
    for (const [apiVersion, kind] of [
      ['extensions/v1beta1', 'NetworkPolicy'],
      ['apps/v1beta2', 'DaemonSet'],
      ['networking.k8s.io/v1beta1', 'IngressClass'],
      ['storage.k8s.io/v1beta1', 'CSIStorageCapacity'],
      ['node.k8s.io/v1beta1', 'RuntimeClass'],
      ['events.k8s.io/v1beta1', 'Event'],
      ['discovery.k8s.io/v1beta1', 'EndpointSlice'],
      ['scheduling.k8s.io/v1beta1', 'PriorityClass'],
      ['certificates.k8s.io/v1beta1', 'CertificateSigningRequest'],
      ['coordination.k8s.io/v1beta1', 'Lease'],
    ]) {
      expect(findDeprecatedApi(apiVersion!, kind!), `${apiVersion} ${kind}`).toBeDefined();
    }
  });

  it('falls back to the alternative when no successor is served at the target', () => {
    const psp = findDeprecatedApi('extensions/v1beta1', 'PodSecurityPolicy')!;
    expect(replacementAt(psp, parseKubernetesVersion('1.20')!)?.apiVersion).toBe('policy/v1beta1');
    expect(replacementAt(psp, parseKubernetesVersion('1.25')!)).toBeUndefined();
    expect(psp.alternative).toMatch(/Pod Security Admission/);
  });

  it.each([
    ['1.33', { major: 1, minor: 33 }],
    ['v1.29', { major: 1, minor: 29 }],
    ['1.30.4', { major: 1, minor: 30 }],
    ['1', undefined],
    ['latest', undefined],
  ])('reads the release %s', (text, expected) => {
    expect(parseKubernetesVersion(text)).toEqual(expected);
  });
});
