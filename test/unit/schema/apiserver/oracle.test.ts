import { describe, expect, it } from 'vitest';
import { kindRulesOf } from '../../../../src/schema/apiserver/kinds.js';
import { hasOracle, ORACLE_MISSING, oracleRelease } from './oracle.js';

const RELEASES = ['1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35'];

/** The kinds the checks judge, as `group/version/Kind`. */
const JUDGED_KINDS = [
  '/v1/Pod',
  '/v1/Service',
  '/v1/Namespace',
  '/v1/Node',
  '/v1/ConfigMap',
  '/v1/Secret',
  '/v1/ServiceAccount',
  '/v1/Endpoints',
  '/v1/PersistentVolumeClaim',
  '/v1/PersistentVolume',
  '/v1/ReplicationController',
  '/v1/PodTemplate',
  '/v1/LimitRange',
  '/v1/ResourceQuota',
  'apps/v1/Deployment',
  'apps/v1/ReplicaSet',
  'apps/v1/DaemonSet',
  'apps/v1/StatefulSet',
  'apps/v1/ControllerRevision',
  'batch/v1/Job',
  'batch/v1/CronJob',
  'autoscaling/v1/HorizontalPodAutoscaler',
  'autoscaling/v2/HorizontalPodAutoscaler',
  'networking.k8s.io/v1/Ingress',
  'networking.k8s.io/v1/NetworkPolicy',
  'networking.k8s.io/v1/IngressClass',
  'rbac.authorization.k8s.io/v1/Role',
  'rbac.authorization.k8s.io/v1/RoleBinding',
  'rbac.authorization.k8s.io/v1/ClusterRole',
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding',
  'storage.k8s.io/v1/StorageClass',
  'scheduling.k8s.io/v1/PriorityClass',
  'policy/v1/PodDisruptionBudget',
  'coordination.k8s.io/v1/Lease',
  'discovery.k8s.io/v1/EndpointSlice',
].map((key) => {
  const [group = '', version = '', kind = ''] = key.split('/');
  return { group, version, kind };
});

if (!hasOracle()) console.warn(`Skipping the checks against the published API: ${ORACLE_MISSING}.`);

describe.skipIf(!hasOracle())('the kinds judged, against the published API', () => {
  it('judges every kind of the list', () => {
    expect(JUDGED_KINDS.filter(({ group, version, kind }) => !kindRulesOf(group, version, kind))).toEqual([]);
  });

  it.each(RELEASES)('judges only kinds and versions that %s serves', (release) => {
    const served = oracleRelease(release)?.kinds ?? [];
    const missing = JUDGED_KINDS.filter(
      ({ group, version, kind }) =>
        !served.some((entry) => entry.group === group && entry.version === version && entry.kind === kind),
    );
    expect(missing).toEqual([]);
  });

  it.each(RELEASES)('agrees with %s on which judged kinds live in a namespace', (release) => {
    const disagreements = (oracleRelease(release)?.kinds ?? [])
      .filter((entry) => {
        const rules = kindRulesOf(entry.group, entry.version, entry.kind);
        return rules !== undefined && rules.namespaced !== entry.namespaced;
      })
      .map((entry) => entry.kind);
    expect(disagreements).toEqual([]);
  });
});
