/** Small CustomResourceDefinitions of our own for the CRD tests: a Widget of example.com and its variations. */

export type Json = Record<string, unknown>;

/** A Widget's schema: spec with replicas, a mode, a list of ports (a list-map) and labels (a map). */
export function widgetSchema(spec: Json = {}): Json {
  return {
    type: 'object',
    properties: {
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { type: 'object' },
      spec: {
        type: 'object',
        properties: {
          replicas: { type: 'integer', minimum: 0 },
          mode: { type: 'string', enum: ['Fast', 'Safe'] },
          ports: {
            type: 'array',
            'x-kubernetes-list-type': 'map',
            'x-kubernetes-list-map-keys': ['name'],
            items: {
              type: 'object',
              required: ['name'],
              properties: { name: { type: 'string' }, port: { type: 'integer' } },
            },
          },
          labels: { type: 'object', additionalProperties: { type: 'string' } },
          ...spec,
        },
      },
    },
  };
}

/** A valid v1 CRD for widgets.example.com with one served storage version `v1`; `patch` replaces top-level fields. */
export function widgetCrd(schema: Json = widgetSchema(), patch: { spec?: Json; metadata?: Json } = {}): Json {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'widgets.example.com', ...patch.metadata },
    spec: {
      group: 'example.com',
      scope: 'Namespaced',
      names: { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList' },
      versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: schema } }],
      ...patch.spec,
    },
  };
}

/** The path of the first version's schema in a {@link widgetCrd}. */
export const SCHEMA: readonly (string | number)[] = ['spec', 'versions', 0, 'schema', 'openAPIV3Schema'];
/** The path of `spec` in the first version's schema of a {@link widgetCrd}. */
export const SPEC_SCHEMA: readonly (string | number)[] = [...SCHEMA, 'properties', 'spec'];
