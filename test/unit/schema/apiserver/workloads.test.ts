import { describe, expect, it } from 'vitest';
import { cronJob, job, patched, problemsOf, required, value, workload } from './helpers.js';

describe('workload counters and selectors', () => {
  it.each(['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'ReplicationController'])(
    'accepts a plain %s',
    (kind) => {
      expect(problemsOf(workload(kind))).toEqual([]);
    },
  );

  it.each([
    ['Deployment', 'replicas'],
    ['Deployment', 'revisionHistoryLimit'],
    ['ReplicaSet', 'minReadySeconds'],
    ['StatefulSet', 'replicas'],
    ['DaemonSet', 'minReadySeconds'],
    ['ReplicationController', 'replicas'],
  ])('rejects a negative %s %s', (kind, field) => {
    expect(problemsOf(workload(kind, { [`spec.${field}`]: -1 }))).toEqual([
      value(`spec.${field}`, `"${field}" must be greater than or equal to 0, not -1`),
    ]);
  });

  it.each(['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet'])('rejects an empty %s selector', (kind) => {
    expect(problemsOf(workload(kind, { 'spec.selector': {} }))).toEqual([
      value('spec.selector', `a ${kind}'s "selector" must not be empty`),
    ]);
  });

  it('rejects a selector expression with values and Exists', () => {
    const object = workload('Deployment', {
      'spec.selector.matchExpressions': [{ key: 'tier', operator: 'Exists', values: ['web'] }],
    });
    expect(problemsOf(object)).toEqual([
      value('spec.selector.matchExpressions.0.values', '"values" must be empty when "operator" is "Exists"'),
    ]);
  });

  it('rejects an invalid label value in a selector', () => {
    const object = workload('ReplicaSet', {
      'spec.selector.matchExpressions': [{ key: 'tier', operator: 'In', values: ['front end'] }],
    });
    expect(problemsOf(object)).toEqual([
      value(
        'spec.selector.matchExpressions.0.values.0',
        `"values" "front end" is not a valid label value: must be empty or consist of letters, digits, '-', '_' and '.', and start and end with a letter or digit`,
      ),
    ]);
  });
});

describe('pod templates of controllers whose pods always restart', () => {
  it.each(['Deployment', 'ReplicaSet', 'DaemonSet', 'ReplicationController', 'StatefulSet'])(
    'rejects restartPolicy Never in a %s',
    (kind) => {
      expect(problemsOf(workload(kind, { 'spec.template.spec.restartPolicy': 'Never' }))).toEqual([
        value(
          'spec.template.spec.restartPolicy',
          `a ${kind}'s pod template must have "restartPolicy" "Always", not "Never"`,
        ),
      ]);
    },
  );

  it('reports a restart policy that is no policy at all once, in a Deployment', () => {
    expect(problemsOf(workload('Deployment', { 'spec.template.spec.restartPolicy': 'always' }))).toEqual([
      value(
        'spec.template.spec.restartPolicy',
        '"restartPolicy" must be one of "Always", "OnFailure", "Never", not "always"',
      ),
    ]);
  });

  it('reports a restart policy that is no policy at all in a StatefulSet, whose pod spec is not otherwise checked', () => {
    expect(problemsOf(workload('StatefulSet', { 'spec.template.spec.restartPolicy': 'always' }))).toEqual([
      value(
        'spec.template.spec.restartPolicy',
        `a StatefulSet's pod template must have "restartPolicy" "Always", not "always"`,
      ),
    ]);
  });

  it.each(['Deployment', 'StatefulSet'])('rejects activeDeadlineSeconds in a %s template', (kind) => {
    expect(problemsOf(workload(kind, { 'spec.template.spec.activeDeadlineSeconds': 60 }))).toEqual([
      value('spec.template.spec.activeDeadlineSeconds', `a ${kind}'s pod template may not set "activeDeadlineSeconds"`),
    ]);
  });

  it('checks the labels of a StatefulSet template', () => {
    expect(
      problemsOf(workload('StatefulSet', { 'spec.template.metadata.labels': { app: 'web', 'bad key': 'x' } })),
    ).toEqual([
      value(
        ['spec', 'template', 'metadata', 'labels', 'bad key'],
        `label key "bad key" is not valid: it has a name part that must consist of letters, digits, '-', '_' and '.', and start and end with a letter or digit`,
      ),
    ]);
  });
});

describe('Deployment strategy and deadlines', () => {
  it.each([
    ['a Recreate strategy', { 'spec.strategy': { type: 'Recreate' } }],
    [
      'a rolling update with only a surge',
      { 'spec.strategy': { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } },
    ],
    ['a rolling update without a type', { 'spec.strategy': { rollingUpdate: { maxUnavailable: '50%' } } }],
    ['a progress deadline above minReadySeconds', { 'spec.minReadySeconds': 30, 'spec.progressDeadlineSeconds': 60 }],
  ])('accepts %s', (_, patch) => {
    expect(problemsOf(workload('Deployment', patch))).toEqual([]);
  });

  it.each([
    [
      'an unknown strategy type',
      { 'spec.strategy': { type: 'BlueGreen' } },
      [value('spec.strategy.type', '"type" must be one of "Recreate", "RollingUpdate", not "BlueGreen"')],
    ],
    [
      'Recreate with a rolling update',
      { 'spec.strategy': { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } },
      [value('spec.strategy.rollingUpdate', '"rollingUpdate" may not be set when the strategy "type" is "Recreate"')],
    ],
    [
      'a rolling update that can make no progress',
      { 'spec.strategy': { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: '0%' } } },
      [value('spec.strategy.rollingUpdate.maxUnavailable', '"maxUnavailable" may not be 0 when "maxSurge" is 0')],
    ],
    [
      'a percentage without "%"',
      { 'spec.strategy': { rollingUpdate: { maxSurge: '25' } } },
      [
        value(
          'spec.strategy.rollingUpdate.maxSurge',
          '"maxSurge" must be a count of pods that is not negative or a percentage such as "25%", not "25"',
        ),
      ],
    ],
    [
      'maxUnavailable above 100%',
      { 'spec.strategy': { rollingUpdate: { maxUnavailable: '150%' } } },
      [value('spec.strategy.rollingUpdate.maxUnavailable', '"maxUnavailable" must not be more than 100%, not "150%"')],
    ],
    [
      'a progress deadline not above minReadySeconds',
      { 'spec.minReadySeconds': 30, 'spec.progressDeadlineSeconds': 30 },
      [
        value(
          'spec.progressDeadlineSeconds',
          '"progressDeadlineSeconds" (30) must be greater than "minReadySeconds" (30)',
        ),
      ],
    ],
    [
      'minReadySeconds above the default progress deadline of 600',
      { 'spec.minReadySeconds': 900 },
      [value('spec.minReadySeconds', '"progressDeadlineSeconds" (600) must be greater than "minReadySeconds" (900)')],
    ],
  ])('rejects %s', (_, patch, expected) => {
    expect(problemsOf(workload('Deployment', patch))).toEqual(expected);
  });
});

describe('DaemonSet update strategy', () => {
  const rolling = (rollingUpdate: Record<string, unknown>) =>
    workload('DaemonSet', { 'spec.updateStrategy': { type: 'RollingUpdate', rollingUpdate } });

  it.each([
    ['the defaults', rolling({})],
    ['a surge with no unavailability', rolling({ maxSurge: '10%', maxUnavailable: 0 })],
    [
      'OnDelete with a leftover rolling update',
      workload('DaemonSet', { 'spec.updateStrategy': { type: 'OnDelete', rollingUpdate: { maxSurge: 1 } } }),
    ],
  ])('accepts %s', (_, object) => {
    expect(problemsOf(object)).toEqual([]);
  });

  it.each([
    [
      'a surge while maxUnavailable defaults to 1',
      rolling({ maxSurge: 1 }),
      [
        value(
          'spec.updateStrategy.rollingUpdate.maxSurge',
          '"maxSurge" must be 0 when "maxUnavailable" is not (it is 1)',
        ),
      ],
    ],
    [
      'no surge and no unavailability',
      rolling({ maxUnavailable: 0 }),
      [value('spec.updateStrategy.rollingUpdate.maxUnavailable', '"maxUnavailable" may not be 0 when "maxSurge" is 0')],
    ],
    [
      'an unknown type',
      workload('DaemonSet', { 'spec.updateStrategy': { type: 'Rolling' } }),
      [value('spec.updateStrategy.type', '"type" must be one of "RollingUpdate", "OnDelete", not "Rolling"')],
    ],
  ])('rejects %s', (_, object, expected) => {
    expect(problemsOf(object)).toEqual(expected);
  });
});

describe('StatefulSet policies', () => {
  it.each([
    [
      'an unknown pod management policy',
      { 'spec.podManagementPolicy': 'Serial' },
      [
        value(
          'spec.podManagementPolicy',
          '"podManagementPolicy" must be one of "OrderedReady", "Parallel", not "Serial"',
        ),
      ],
    ],
    [
      'OnDelete with a rolling update',
      { 'spec.updateStrategy': { type: 'OnDelete', rollingUpdate: { partition: 1 } } },
      [
        value(
          'spec.updateStrategy.rollingUpdate',
          '"rollingUpdate" may be set only when the update strategy "type" is "RollingUpdate"',
        ),
      ],
    ],
    [
      'a negative partition',
      { 'spec.updateStrategy': { type: 'RollingUpdate', rollingUpdate: { partition: -1 } } },
      [value('spec.updateStrategy.rollingUpdate.partition', '"partition" must be greater than or equal to 0, not -1')],
    ],
    [
      'an unknown claim retention policy',
      { 'spec.persistentVolumeClaimRetentionPolicy': { whenDeleted: 'Keep' } },
      [
        value(
          'spec.persistentVolumeClaimRetentionPolicy.whenDeleted',
          '"whenDeleted" must be one of "Retain", "Delete", not "Keep"',
        ),
      ],
    ],
  ])('rejects %s', (_, patch, expected) => {
    expect(problemsOf(workload('StatefulSet', patch))).toEqual(expected);
  });
});

describe('Jobs', () => {
  it.each([
    ['a Job with restartPolicy Never', job()],
    ['an Indexed Job with completions', job({ 'spec.completionMode': 'Indexed', 'spec.completions': 5 })],
    [
      'an Indexed Job without completions or parallelism, which both default to 1',
      job({ 'spec.completionMode': 'Indexed' }),
    ],
    ['a pod failure policy with Never', job({ 'spec.podFailurePolicy': { rules: [] } })],
  ])('accepts %s', (_, object) => {
    expect(problemsOf(object)).toEqual([]);
  });

  it.each([
    [
      'a template without a restart policy (it would default to Always)',
      job({ 'spec.template.spec.restartPolicy': undefined }),
      [required('spec.template.spec', `a Job's pod template must set "restartPolicy" to "OnFailure" or "Never"`)],
    ],
    [
      'restartPolicy Always',
      job({ 'spec.template.spec.restartPolicy': 'Always' }),
      [
        value(
          'spec.template.spec.restartPolicy',
          `a Job's pod template must have "restartPolicy" "OnFailure" or "Never", not "Always"`,
        ),
      ],
    ],
    [
      'a pod failure policy with OnFailure',
      job({ 'spec.template.spec.restartPolicy': 'OnFailure', 'spec.podFailurePolicy': { rules: [] } }),
      [
        value(
          'spec.template.spec.restartPolicy',
          '"restartPolicy" must be "Never" when the Job has a "podFailurePolicy"',
        ),
      ],
    ],
    [
      'a negative backoff limit',
      job({ 'spec.backoffLimit': -1 }),
      [value('spec.backoffLimit', '"backoffLimit" must be greater than or equal to 0, not -1')],
    ],
    [
      'an unknown completion mode',
      job({ 'spec.completionMode': 'Ordered' }),
      [value('spec.completionMode', '"completionMode" must be one of "NonIndexed", "Indexed", not "Ordered"')],
    ],
    [
      'an Indexed Job without completions',
      job({ 'spec.completionMode': 'Indexed', 'spec.parallelism': 3 }),
      [required('spec', '"completions" is required when "completionMode" is "Indexed"')],
    ],
  ])('rejects %s', (_, object, expected) => {
    expect(problemsOf(object)).toEqual(expected);
  });
});

describe('CronJobs', () => {
  it('accepts a plain CronJob with a time zone', () => {
    expect(problemsOf(cronJob({ 'spec.timeZone': 'Europe/Paris', 'spec.concurrencyPolicy': 'Forbid' }))).toEqual([]);
  });

  it.each([
    [
      'an unknown concurrency policy',
      cronJob({ 'spec.concurrencyPolicy': 'Queue' }),
      [value('spec.concurrencyPolicy', '"concurrencyPolicy" must be one of "Allow", "Forbid", "Replace", not "Queue"')],
    ],
    [
      'an empty time zone',
      cronJob({ 'spec.timeZone': '' }),
      [value('spec.timeZone', '"timeZone" must be unset or a time zone name, not empty')],
    ],
    [
      'the Local time zone',
      cronJob({ 'spec.timeZone': 'Local' }),
      [value('spec.timeZone', '"timeZone" must name an IANA time zone, not "Local"')],
    ],
    [
      'a job template with a selector',
      cronJob({ 'spec.jobTemplate.spec.selector': { matchLabels: { app: 'web' } } }),
      [value('spec.jobTemplate.spec.selector', `a CronJob's job template may not set "selector": it is generated`)],
    ],
    [
      'a job template that restarts always',
      cronJob({ 'spec.jobTemplate.spec.template.spec.restartPolicy': 'Always' }),
      [
        value(
          'spec.jobTemplate.spec.template.spec.restartPolicy',
          `a Job's pod template must have "restartPolicy" "OnFailure" or "Never", not "Always"`,
        ),
      ],
    ],
    [
      'a negative history limit',
      cronJob({ 'spec.failedJobsHistoryLimit': -3 }),
      [value('spec.failedJobsHistoryLimit', '"failedJobsHistoryLimit" must be greater than or equal to 0, not -3')],
    ],
  ])('rejects %s', (_, object, expected) => {
    expect(problemsOf(object)).toEqual(expected);
  });
});

describe('PodTemplates', () => {
  const template = (patch: Record<string, unknown> = {}) =>
    patched(
      {
        apiVersion: 'v1',
        kind: 'PodTemplate',
        metadata: { name: 'base' },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { restartPolicy: 'Never', containers: [{ name: 'app', image: 'x' }] },
        },
      },
      patch,
    );

  it('accepts any restart policy', () => {
    expect(problemsOf(template())).toEqual([]);
  });

  it('checks the containers under "template"', () => {
    expect(problemsOf(template({ 'template.spec.containers.0.image': '' }))).toEqual([
      required('template.spec.containers.0', '"image" is required'),
    ]);
  });
});

describe('more Job fields', () => {
  it.each([
    [
      'a negative time to live',
      job({ 'spec.ttlSecondsAfterFinished': -1 }),
      [value('spec.ttlSecondsAfterFinished', '"ttlSecondsAfterFinished" must be greater than or equal to 0, not -1')],
    ],
    [
      'a CronJob job template with a manual selector',
      cronJob({ 'spec.jobTemplate.spec.manualSelector': true }),
      [value('spec.jobTemplate.spec.manualSelector', `a CronJob's job template may not set "manualSelector" to true`)],
    ],
  ])('rejects %s', (_, object, expected) => {
    expect(problemsOf(object)).toEqual(expected);
  });
});
