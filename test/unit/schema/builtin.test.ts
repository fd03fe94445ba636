import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRelease, SUPPORTED_RELEASES, type BuiltinRelease } from '../../../src/schema/builtin/index.js';
import type { SchemaNode } from '../../../src/schema/types.js';
import { ROOT } from '../../helpers/cli.js';

function release(name: string): BuiltinRelease {
  const found = builtinRelease(name);
  if (!found) throw new Error(`release ${name} is not supported`);
  return found;
}

/** The schema of a definition, found by its name. */
function definition(of: BuiltinRelease, name: string): SchemaNode {
  const found = of.resolve(`#/definitions/${name}`);
  if (!found) throw new Error(`${name} is not defined in ${of.release}`);
  return found;
}

describe('builtinRelease', () => {
  it('knows every supported release, and those only', () => {
    const file = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'kubernetes.json'), 'utf8')) as {
      releases: Record<string, unknown>;
    };
    expect(Object.keys(file.releases).sort()).toEqual([...SUPPORTED_RELEASES]);
    for (const name of SUPPORTED_RELEASES) expect(builtinRelease(name)?.release).toBe(name);
    for (const name of ['1.26', '1.36', '', 'constructor', '__proto__']) expect(builtinRelease(name)).toBeUndefined();
  });

  it('gives a served kind its schema and scope', () => {
    const deployment = release('1.35').kind('apps', 'v1', 'Deployment');
    expect(deployment).toMatchObject({ definition: 'io.k8s.api.apps.v1.Deployment', namespaced: true });
    expect(deployment?.schema.properties?.spec).toEqual({ $ref: '#/definitions/io.k8s.api.apps.v1.DeploymentSpec' });
    expect(release('1.35').kind('', 'v1', 'Namespace')).toMatchObject({ namespaced: false });
    expect(release('1.35').kind('rbac.authorization.k8s.io', 'v1', 'ClusterRole')).toMatchObject({ namespaced: false });
  });

  it('names the versions that serve a kind, most stable first, when the one asked for is not served', () => {
    const current = release('1.35');
    expect(current.kind('apps', 'v2', 'Deployment')).toBeUndefined();
    expect(current.versionsOf('apps', 'Deployment')).toEqual(['v1']);
    expect(current.versionsOf('autoscaling', 'HorizontalPodAutoscaler')).toEqual(['v2', 'v1']);
    expect(current.versionsOf('apps', 'Deploymnet')).toEqual([]);
    expect(release('1.27').versionsOf('flowcontrol.apiserver.k8s.io', 'FlowSchema')).toEqual(['v1beta3', 'v1beta2']);
    expect(release('1.29').versionsOf('flowcontrol.apiserver.k8s.io', 'FlowSchema')).toEqual(['v1', 'v1beta3']);
  });

  it('serves a kind only in the releases that have it', () => {
    expect(release('1.27').kind('admissionregistration.k8s.io', 'v1', 'ValidatingAdmissionPolicy')).toBeUndefined();
    expect(release('1.30').kind('admissionregistration.k8s.io', 'v1', 'ValidatingAdmissionPolicy')).toBeDefined();
  });

  it('marks quantities, int-or-string, timestamps, integer formats and required fields', () => {
    const current = release('1.35');
    const resources = definition(current, 'io.k8s.api.core.v1.ResourceRequirements').properties;
    expect(resources?.limits).toEqual({ type: 'object', additionalProperties: { type: 'string', format: 'quantity' } });
    const port = definition(current, 'io.k8s.api.core.v1.ServicePort');
    expect(port.properties?.targetPort).toEqual({ 'x-kubernetes-int-or-string': true });
    expect(port.properties?.port).toEqual({ type: 'integer', format: 'int32' });
    expect(port.required).toEqual(['port']);
    const meta = definition(current, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta').properties;
    expect(meta?.creationTimestamp).toEqual({ type: 'string', format: 'date-time' });
    expect(meta?.generation).toEqual({ type: 'integer', format: 'int64' });
    expect(definition(current, 'io.k8s.api.apps.v1.DeploymentSpec').required).toEqual(['selector', 'template']);
  });

  it('knows integer formats in the releases whose source package records none', () => {
    const port = definition(release('1.27'), 'io.k8s.api.core.v1.ContainerPort');
    expect(port.properties?.containerPort).toEqual({ type: 'integer', format: 'int32' });
    expect(definition(release('1.27'), 'io.k8s.api.core.v1.Secret').properties?.data).toEqual({
      type: 'object',
      additionalProperties: { type: 'string', format: 'byte' },
    });
  });

  it('lets embedded objects and CRD schema values hold anything', () => {
    const current = release('1.35');
    expect(definition(current, 'io.k8s.api.apps.v1.ControllerRevision').properties?.data).toEqual({
      type: 'object',
      'x-kubernetes-preserve-unknown-fields': true,
    });
    const props = definition(current, 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps');
    expect(props.properties?.default).toEqual({ 'x-kubernetes-preserve-unknown-fields': true });
    expect(props.properties?.properties).toEqual({
      type: 'object',
      additionalProperties: {
        $ref: '#/definitions/io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps',
      },
    });
  });

  it('gives the lists merged by key their keys, from 1.30 on as Kubernetes publishes them', () => {
    const ports = (name: string): SchemaNode | undefined =>
      definition(release(name), 'io.k8s.api.core.v1.Container').properties?.ports;
    expect(ports('1.35')).toMatchObject({
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['containerPort', 'protocol'],
    });
    expect(ports('1.29')?.['x-kubernetes-list-map-keys']).toBeUndefined();
  });

  it('resolves every reference reachable from the kinds of every release', () => {
    for (const name of SUPPORTED_RELEASES) {
      const of = release(name);
      const unresolved: string[] = [];
      const seen = new Set<string>();
      const queue: (SchemaNode | boolean | undefined)[] = of.kinds().map((kind) => kind.schema);
      while (queue.length > 0) {
        const node = queue.pop();
        if (typeof node !== 'object') continue;
        if (node.$ref !== undefined && !seen.has(node.$ref)) {
          seen.add(node.$ref);
          const target = of.resolve(node.$ref);
          if (target === undefined) unresolved.push(node.$ref);
          queue.push(target);
        }
        queue.push(...Object.values(node.properties ?? {}), node.items, node.additionalProperties);
      }
      expect(unresolved, name).toEqual([]);
      expect(seen.size, name).toBeGreaterThan(200);
    }
    expect(release('1.35').resolve('io.k8s.api.core.v1.Container')).toBeUndefined();
    expect(release('1.35').resolve('#/definitions/io.k8s.api.core.v1.Nothing')).toBeUndefined();
  });
});
