/**
 * Where findings on a Kustomize overlay land, built by the real Kustomize
 * (the reference kubectl): each case is a small overlay in a temporary folder,
 * and each value is placed on the line the user edits to change it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ObjectPath, Resource } from '../../../src/model/types.js';
import { renderKustomizations } from '../../../src/render/kustomize/index.js';
import { readKustomization } from '../../../src/render/kustomize/kustomization.js';
import { tempDir } from '../../helpers/cli.js';
import { referenceBinaries } from '../../helpers/reference-binaries.js';

const binaries = referenceBinaries();
if (typeof binaries === 'string') console.log(`skipped the Kustomize placement tests: ${binaries}`);
const kubectl = typeof binaries === 'string' ? '' : binaries.kubectl;

/** Writes the files (path → lines) into a new folder. */
function tree(files: Record<string, string[]>): string {
  const root = tempDir();
  for (const [name, lines] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), `${lines.join('\n')}\n`);
  }
  return root;
}

/** The objects the kustomization in `folder` of `root` builds, their files shown relative to `root`. */
async function build(root: string, folder = '.'): Promise<Resource[]> {
  const entry = readKustomization(path.join(root, folder));
  if (entry === undefined) throw new Error(`no kustomization in ${folder}`);
  const render = await renderKustomizations([entry], { cwd: root, binary: kubectl, env: process.env });
  expect(render.findings).toEqual([]);
  return render.resources;
}

function placed(resource: Resource | undefined, objectPath: ObjectPath): string {
  if (resource === undefined) throw new Error('no such object');
  const range = resource.locator.locate(objectPath);
  return `${range.file}:${range.line}:${range.column}`;
}

const byKind = (resources: Resource[], kind: string) => resources.find((resource) => resource.kind === kind);

const deployment = (name: string, extra: string[] = []) => [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  `  name: ${name}`,
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: app',
  '          image: nginx:1.27',
  ...extra,
];

describe.skipIf(typeof binaries === 'string')('placing a value of a Kustomize build', () => {
  it("leaves the kind on the base when a targeted patch's kind may not change it", async () => {
    const root = tree({
      'kustomization.yaml': [
        'resources:',
        '  - deployment.yaml',
        'patches:',
        '  - path: patch.yaml',
        '    target:',
        '      kind: Deployment',
      ],
      'deployment.yaml': deployment('web'),
      'patch.yaml': [
        'apiVersion: apps/v1',
        'kind: StatefulSet',
        'metadata:',
        '  name: other',
        'spec:',
        '  replicas: 2',
      ],
    });
    const [web] = await build(root);
    expect(web?.kind).toBe('Deployment');
    expect(placed(web, ['kind'])).toBe('deployment.yaml:2:1');
    expect(placed(web, ['metadata', 'name'])).toBe('deployment.yaml:4:3');
    expect(placed(web, ['spec', 'replicas'])).toBe('patch.yaml:6:3');
  });

  it('places a name on the patch that renamed the object with allowNameChange', async () => {
    const root = tree({
      'kustomization.yaml': [
        'resources:',
        '  - config.yaml',
        'patches:',
        '  - path: rename.yaml',
        '    target:',
        '      kind: ConfigMap',
        '    options:',
        '      allowNameChange: true',
      ],
      'config.yaml': ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: old-name', 'data:', '  key: value'],
      'rename.yaml': ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: new-name'],
    });
    const [config] = await build(root);
    expect(config?.name).toBe('new-name');
    expect(placed(config, ['metadata', 'name'])).toBe('rename.yaml:4:3');
    expect(placed(config, ['data', 'key'])).toBe('config.yaml:6:3');
  });

  it('finds the document of an object whose kind a JSON patch changed', async () => {
    const root = tree({
      'kustomization.yaml': [
        'resources:',
        '  - workload.yaml',
        'patches:',
        '  - target:',
        '      name: web',
        '    patch: |-',
        '      - op: replace',
        '        path: /kind',
        '        value: Deployment',
      ],
      'workload.yaml': deployment('web').map((line) => line.replace('kind: Deployment', 'kind: StatefulSet')),
    });
    const [web] = await build(root);
    expect(web?.kind).toBe('Deployment');
    expect(placed(web, ['kind'])).toBe('kustomization.yaml:9:9');
    expect(placed(web, ['spec', 'template', 'spec', 'containers', 0, 'image'])).toBe('workload.yaml:10:11');
  });

  it('follows the way through the overlay whose transformer changed the copy of a base it reached twice', async () => {
    const root = tree({
      'base/kustomization.yaml': ['resources:', '  - service.yaml'],
      'base/service.yaml': [
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        '  name: api',
        '  namespace: first',
        'spec:',
        '  ports:',
        '    - port: 80',
      ],
      'moved/kustomization.yaml': ['namespace: second', 'resources:', '  - ../base'],
      'both/kustomization.yaml': ['resources:', '  - ../base', '  - ../moved'],
    });
    const services = await build(root, 'both');
    const where = services.map((service) => `${service.namespace} ${placed(service, ['metadata', 'namespace'])}`);
    expect(where.sort()).toEqual(['first base/service.yaml:5:3', 'second moved/kustomization.yaml:1:1']);
  });

  it('places a value that a replacement wrote under a key with dots at the replacement', async () => {
    const root = tree({
      'kustomization.yaml': [
        'resources:',
        '  - deployment.yaml',
        '  - config.yaml',
        'replacements:',
        '  - source:',
        '      kind: ConfigMap',
        '      fieldPath: data.port',
        '    targets:',
        '      - select:',
        '          kind: Deployment',
        '        fieldPaths:',
        '          - spec.template.metadata.annotations.[example.com/port]',
        '        options:',
        '          create: true',
      ],
      'deployment.yaml': deployment('web').map((line) =>
        line === '  template:'
          ? '  template:\n    metadata:\n      annotations:\n        example.com/port: PLACEHOLDER'
          : line,
      ),
      'config.yaml': ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: ports', 'data:', '  port: "8080"'],
    });
    const web = byKind(await build(root), 'Deployment');
    expect(placed(web, ['spec', 'template', 'metadata', 'annotations', 'example.com/port'])).toBe(
      'kustomization.yaml:5:5',
    );
  });

  it('places a value that a ReplacementTransformer named in transformers wrote at its replacement', async () => {
    const root = tree({
      'kustomization.yaml': [
        'resources:',
        '  - deployment.yaml',
        '  - config.yaml',
        'transformers:',
        '  - replace.yaml',
      ],
      'replace.yaml': [
        'apiVersion: builtin',
        'kind: ReplacementTransformer',
        'metadata:',
        '  name: image',
        'replacements:',
        '  - source:',
        '      kind: ConfigMap',
        '      fieldPath: data.image',
        '    targets:',
        '      - select:',
        '          kind: Deployment',
        '        fieldPaths:',
        '          - spec.template.spec.containers.[name=app].image',
      ],
      'deployment.yaml': deployment('web'),
      'config.yaml': [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        '  name: images',
        'data:',
        '  image: nginx:1.28',
      ],
    });
    const web = byKind(await build(root), 'Deployment');
    expect(placed(web, ['spec', 'template', 'spec', 'containers', 0, 'image'])).toBe('replace.yaml:6:5');
  });

  it('places every value under a map that a replacement copied whole at the replacement', async () => {
    const root = tree({
      'kustomization.yaml': [
        'resources:',
        '  - deployment.yaml',
        '  - config.yaml',
        'replacements:',
        '  - source:',
        '      kind: ConfigMap',
        '      fieldPath: data',
        '    targets:',
        '      - select:',
        '          kind: Deployment',
        '        fieldPaths:',
        '          - spec.template.metadata.labels',
        '        options:',
        '          create: true',
      ],
      'deployment.yaml': deployment('web'),
      'config.yaml': ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: labels', 'data:', '  team: shop'],
    });
    const web = byKind(await build(root), 'Deployment');
    expect(placed(web, ['spec', 'template', 'metadata', 'labels', 'team'])).toBe('kustomization.yaml:5:5');
  });

  it('finds the item of a list that repeats a name by how many came before it', async () => {
    const root = tree({
      'kustomization.yaml': ['resources:', '  - runtime.yaml'],
      'runtime.yaml': [
        'apiVersion: example.com/v1',
        'kind: Runtime',
        'metadata:',
        '  name: models',
        'spec:',
        '  formats:',
        '    - name: sklearn',
        '      version: "0"',
        '    - name: sklearn',
        '      version: "1"',
      ],
    });
    const [runtime] = await build(root);
    expect(placed(runtime, ['spec', 'formats', 1, 'version'])).toBe('runtime.yaml:10:7');
  });

  it('finds an argument by its value after a JSON patch inserted one before it', async () => {
    const root = tree({
      'kustomization.yaml': [
        'resources:',
        '  - deployment.yaml',
        'patches:',
        '  - target:',
        '      kind: Deployment',
        '    patch: |-',
        '      - op: add',
        '        path: /spec/template/spec/containers/0/args/0',
        '        value: --first',
      ],
      'deployment.yaml': deployment('web', [
        '          args:',
        '            - --listen=:8080',
        '            - --verbose',
      ]),
    });
    const [web] = await build(root);
    const args = ['spec', 'template', 'spec', 'containers', 0, 'args'];
    expect(placed(web, [...args, 0])).toBe('kustomization.yaml:9:9');
    expect(placed(web, [...args, 1])).toBe('deployment.yaml:12:15');
    expect(placed(web, [...args, 2])).toBe('deployment.yaml:13:15');
  });

  it('places an object read from a List at its item', async () => {
    const root = tree({
      'kustomization.yaml': ['resources:', '  - pods.yaml'],
      'pods.yaml': [
        'apiVersion: v1',
        'kind: PodList',
        'items:',
        '  - apiVersion: v1',
        '    kind: Pod',
        '    metadata:',
        '      name: first',
        '    spec:',
        '      containers:',
        '        - name: app',
        '          image: nginx:1.27',
        '  - apiVersion: v1',
        '    kind: Pod',
        '    metadata:',
        '      name: second',
        '    spec:',
        '      containers:',
        '        - name: app',
        '          image: nginx:1.28',
      ],
    });
    const second = (await build(root)).find((resource) => resource.name === 'second');
    expect(placed(second, ['spec', 'containers', 0, 'image'])).toBe('pods.yaml:19:11');
  });

  it("places a Namespace object's name at the namespace that renamed it, not at a suffix it does not carry", async () => {
    const root = tree({
      'kustomization.yaml': ['namespace: shop', 'nameSuffix: -v2', 'resources:', '  - namespace.yaml'],
      'namespace.yaml': ['apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: old'],
    });
    const [namespace] = await build(root);
    expect(namespace?.name).toBe('shop');
    expect(placed(namespace, ['metadata', 'name'])).toBe('kustomization.yaml:1:1');
  });
});
