import { describe, expect, it } from 'vitest';
import { fragmentReason } from '../../../src/load/fragments.js';
import { resourcesOf } from '../../helpers/resources.js';

function reason(containers: string): string | undefined {
  const text = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: web}',
    'spec:',
    '  template:',
    '    spec:',
    containers,
    '',
  ].join('\n');
  const [resource] = resourcesOf(text, 'web.yaml');
  if (!resource) throw new Error('no resource');
  return fragmentReason(resource);
}

describe('fragmentReason', () => {
  it('sets aside a workload whose containers none name an image, as a strategic-merge patch writes it', () => {
    expect(reason('      containers: [{name: manager, args: [--metrics]}]')).toContain('none of which names an image');
  });

  it('lints a workload where one container names an image, or an init container does', () => {
    expect(reason('      containers: [{name: proxy, image: "proxy:1.0"}, {name: manager}]')).toBeUndefined();
    expect(
      reason('      initContainers: [{name: init, image: "init:1.0"}]\n      containers: [{name: manager}]'),
    ).toBeUndefined();
  });

  it('lints a workload whose image is written but empty: a whole object with a mistake, not a patch', () => {
    expect(reason('      containers: [{name: ui, image: ""}]')).toBeUndefined();
  });

  it('lints an empty or mistyped container list, which the API server refuses', () => {
    expect(reason('      containers: []')).toBeUndefined();
    expect(reason('      containers: {name: web}')).toBeUndefined();
    expect(reason('      containers: [web]')).toBeUndefined();
  });
});

describe('fragmentReason for CustomResourceDefinitions', () => {
  const crd = (spec: string) => {
    const text = `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: notebooks.kubeflow.org\n${spec}`;
    const [resource] = resourcesOf(text, 'crd.yaml');
    if (!resource) throw new Error('no resource');
    return fragmentReason(resource);
  };

  it('sets aside a definition that is only a patch of one, as kubebuilder scaffolds them', () => {
    expect(crd('')).toContain('is a fragment (a patch)');
    expect(crd('spec:\n  conversion:\n    strategy: Webhook\n')).toContain('is a fragment (a patch)');
  });

  it('judges a definition that names its group, names or versions as a whole one', () => {
    expect(crd('spec:\n  group: kubeflow.org\n')).toBeUndefined();
    expect(crd('spec:\n  versions: []\n')).toBeUndefined();
  });
});
