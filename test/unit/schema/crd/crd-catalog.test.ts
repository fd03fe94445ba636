import { describe, expect, it } from 'vitest';
import { buildCrdCatalog, objectAsCreated, type CrdSource } from '../../../../src/schema/crd/crd-catalog.js';
import { widgetCrd, widgetSchema, type Json } from './crds.js';

const source = (object: Json, file = 'crds.yaml', documentIndex = 0): CrdSource => ({ object, file, documentIndex });

/** A Widget CRD serving v1 and defining v1beta1 without serving it. */
function twoVersions(): Json {
  const crd = widgetCrd();
  const spec = crd.spec as Json;
  const schema = { openAPIV3Schema: widgetSchema() };
  spec.versions = [
    { name: 'v1', served: true, storage: true, schema },
    { name: 'v1beta1', served: false, storage: false, schema },
  ];
  return crd;
}

describe('the CRD catalog', () => {
  it('finds the served version of a kind, with its schema, scope and where the CRD was read', () => {
    const crd = widgetCrd();
    const catalog = buildCrdCatalog([source(crd, 'deploy/crds.yaml', 2)]);
    const found = catalog.lookup('example.com/v1', 'Widget');
    expect(found.status).toBe('found');
    if (found.status !== 'found') return;
    expect(found.entry).toMatchObject({
      group: 'example.com',
      version: 'v1',
      kind: 'Widget',
      served: true,
      storage: true,
      scope: 'Namespaced',
      crdName: 'widgets.example.com',
      schemaPath: ['spec', 'versions', 0, 'schema', 'openAPIV3Schema'],
      source: { file: 'deploy/crds.yaml', documentIndex: 2 },
    });
    expect(found.entry.schema).toBe(widgetSchemaOf(crd));
  });

  it('reads the scope of a cluster-scoped kind', () => {
    const crd = widgetCrd(undefined, { spec: { scope: 'Cluster' } });
    const found = buildCrdCatalog([source(crd)]).lookup('example.com/v1', 'Widget');
    expect(found.status === 'found' && found.entry.scope).toBe('Cluster');
  });

  it('drops the status of a custom resource on create when its version has the status subresource', () => {
    const crd = widgetCrd();
    const version = ((crd.spec as Json).versions as Json[])[0] as Json;
    const widget = { apiVersion: 'example.com/v1', kind: 'Widget', spec: {}, status: { ready: true } };
    const without = buildCrdCatalog([source(widgetCrd())]).lookup('example.com/v1', 'Widget');
    expect(without.status === 'found' && objectAsCreated(widget, without.entry)).toBe(widget);
    version.subresources = { status: {} };
    const withStatus = buildCrdCatalog([source(crd)]).lookup('example.com/v1', 'Widget');
    expect(withStatus.status === 'found' && withStatus.entry.statusSubresource).toBe(true);
    expect(withStatus.status === 'found' && objectAsCreated(widget, withStatus.entry)).toEqual({
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      spec: {},
    });
  });

  it('reports a version the CRD defines but does not serve, at apiVersion', () => {
    const found = buildCrdCatalog([source(twoVersions())]).lookup('example.com/v1beta1', 'Widget');
    expect(found).toEqual({
      status: 'not-served',
      source: expect.objectContaining({ file: 'crds.yaml' }),
      problem: {
        class: 'value',
        path: ['apiVersion'],
        message:
          'version "v1beta1" of kind "Widget" is not served: the CustomResourceDefinition "widgets.example.com" (crds.yaml) sets served: false for it, and serves v1',
      },
    });
  });

  it('reports a version the CRD does not define', () => {
    const found = buildCrdCatalog([source(widgetCrd(), 'crds.yaml', 1)]).lookup('example.com/v2', 'Widget');
    expect(found.status === 'not-served' && found.problem.message).toBe(
      'version "v2" of kind "Widget" is not served: the CustomResourceDefinition "widgets.example.com" (crds.yaml, document 2) does not define it, and serves v1',
    );
  });

  it('gives a note, not a problem, for a kind no CRD in sight defines, suggesting a near kind of the group', () => {
    const catalog = buildCrdCatalog([source(widgetCrd())]);
    expect(catalog.lookup('example.com/v1', 'Widgit')).toEqual({
      status: 'no-crd',
      note: 'no CustomResourceDefinition in sight defines kind "Widgit" of group "example.com" (did you mean "Widget"?); its schema is not checked',
    });
    expect(catalog.lookup('other.example.org/v1', 'Gadget')).toEqual({
      status: 'no-crd',
      note: 'no CustomResourceDefinition in sight defines kind "Gadget" of group "other.example.org"; its schema is not checked',
    });
  });

  it('passes over objects that are not CRDs, and CRDs without a group or kind', () => {
    const noGroup = widgetCrd(undefined, { spec: { group: undefined } });
    const catalog = buildCrdCatalog([
      source({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }),
      source(noGroup),
      source({ ...widgetCrd(), apiVersion: 'apiextensions.k8s.io/v2' }),
    ]);
    expect(catalog.entries).toEqual([]);
  });

  it('shares a v1beta1 top-level schema among the versions that have none, and reads spec.version', () => {
    const schema = widgetSchema();
    const beta = {
      apiVersion: 'apiextensions.k8s.io/v1beta1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com' },
      spec: {
        group: 'example.com',
        version: 'v1alpha1',
        names: { plural: 'widgets', kind: 'Widget' },
        validation: { openAPIV3Schema: schema },
      },
    };
    const found = buildCrdCatalog([source(beta)]).lookup('example.com/v1alpha1', 'Widget');
    expect(found.status === 'found' && found.entry).toMatchObject({
      scope: 'Namespaced',
      served: true,
      storage: true,
      schemaPath: ['spec', 'validation', 'openAPIV3Schema'],
    });
    expect(found.status === 'found' && found.entry.schema).toBe(schema);
  });

  it('takes a per-version schema of a v1beta1 CRD over its top-level one', () => {
    const own = widgetSchema({ extra: { type: 'string' } });
    const beta = {
      apiVersion: 'apiextensions.k8s.io/v1beta1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com' },
      spec: {
        group: 'example.com',
        names: { plural: 'widgets', kind: 'Widget' },
        versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: own } }],
      },
    };
    const found = buildCrdCatalog([source(beta)]).lookup('example.com/v1', 'Widget');
    expect(found.status === 'found' && found.entry.schema).toBe(own);
  });

  it('keeps one copy of a CRD repeated in several files, without a conflict', () => {
    const catalog = buildCrdCatalog([source(widgetCrd(), 'a.yaml'), source(widgetCrd(), 'b.yaml')]);
    expect(catalog.conflicts).toEqual([]);
    expect(catalog.entries.map((entry) => entry.source.file)).toEqual(['a.yaml']);
  });

  it('uses the first of two different CRDs for one kind, and reports the conflict once', () => {
    const other = twoVersions();
    const catalog = buildCrdCatalog([
      source(widgetCrd(), 'a.yaml'),
      source(other, 'b.yaml'),
      source(twoVersions(), 'c.yaml'),
    ]);
    expect(catalog.conflicts).toEqual([
      {
        group: 'example.com',
        kind: 'Widget',
        used: expect.objectContaining({ file: 'a.yaml' }),
        ignored: expect.objectContaining({ file: 'b.yaml' }),
        message:
          'the CustomResourceDefinition "widgets.example.com" (a.yaml) and the CustomResourceDefinition "widgets.example.com" (b.yaml) both define kind "Widget" of group "example.com" and differ; custom resources are checked against the first',
      },
    ]);
    expect(catalog.lookup('example.com/v1beta1', 'Widget').status).toBe('not-served');
  });
});

function widgetSchemaOf(crd: Json): unknown {
  return (((crd.spec as Json).versions as Json[])[0]?.schema as Json).openAPIV3Schema;
}
