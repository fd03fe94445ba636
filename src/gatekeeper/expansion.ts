/**
 * Gatekeeper's workload expansion: an ExpansionTemplate says that objects of
 * some kinds (Deployments, say) create objects of another (Pods) from a pod
 * template, and Gatekeeper reviews that implied object against constraints
 * for its kind. We do the same offline, so a constraint for Pods also guards
 * the Deployments in a repository. Findings point into the workload's pod
 * template and carry Gatekeeper's `[Implied by <template>]` prefix.
 */
import { isRecord } from '../model/records.js';
import type { KubeObject, ObjectPath, Resource } from '../model/types.js';
import { createResource } from '../load/resource.js';
import type { ManifestProblem } from './manifests.js';

export const EXPANSION_GROUP = 'expansion.gatekeeper.sh';

export function isExpansionTemplate(resource: Resource): boolean {
  return resource.group === EXPANSION_GROUP && resource.kind === 'ExpansionTemplate';
}

interface ApplyTo {
  groups: string[];
  versions: string[];
  kinds: string[];
}

export interface ExpansionTemplate {
  name: string;
  applyTo: ApplyTo[];
  /** Where the pod template sits in the workload, e.g. `['spec', 'template']`. */
  source: ObjectPath;
  generated: { group: string; version: string; kind: string };
}

export function readExpansionTemplate(resource: Resource): ExpansionTemplate | ManifestProblem {
  const spec = isRecord(resource.object.spec) ? resource.object.spec : {};
  const problem = (path: ObjectPath, message: string): ManifestProblem => ({
    resource,
    path,
    message: `ExpansionTemplate "${resource.name ?? ''}": ${message}`,
  });
  const applyTo = Array.isArray(spec.applyTo) ? spec.applyTo : [];
  const lists = applyTo.map((entry) => (isRecord(entry) ? entry : {}));
  const strings = (value: unknown) =>
    Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : undefined;
  const rules: ApplyTo[] = [];
  for (const [index, entry] of lists.entries()) {
    const groups = strings(entry.groups);
    const versions = strings(entry.versions);
    const kinds = strings(entry.kinds);
    if (!groups || !versions || !kinds) {
      return problem(['spec', 'applyTo', index], 'applyTo entries need groups, versions and kinds (lists of strings)');
    }
    rules.push({ groups, versions, kinds });
  }
  if (rules.length === 0) return problem(['spec', 'applyTo'], 'spec.applyTo must list the kinds to expand');
  if (typeof spec.templateSource !== 'string' || spec.templateSource === '') {
    return problem(['spec', 'templateSource'], 'spec.templateSource must name the field holding the pod template');
  }
  const gvk = isRecord(spec.generatedGVK) ? spec.generatedGVK : {};
  if (typeof gvk.kind !== 'string' || typeof gvk.version !== 'string') {
    return problem(['spec', 'generatedGVK'], 'spec.generatedGVK needs kind and version');
  }
  return {
    name: resource.name ?? '',
    applyTo: rules,
    source: spec.templateSource.split('.'),
    generated: { group: typeof gvk.group === 'string' ? gvk.group : '', version: gvk.version, kind: gvk.kind },
  };
}

const accepts = (list: readonly string[], value: string) => list.includes('*') || list.includes(value);

/** An object implied by a workload, with the template that implied it. */
export interface ExpandedResource {
  resource: Resource;
  template: ExpansionTemplate;
}

/** The objects Gatekeeper would review in addition to the given ones. */
export function expandResources(
  resources: readonly Resource[],
  templates: readonly ExpansionTemplate[],
): ExpandedResource[] {
  const expanded: ExpandedResource[] = [];
  for (const resource of resources) {
    for (const template of templates) {
      const applies = template.applyTo.some(
        (rule) =>
          accepts(rule.groups, resource.group) &&
          accepts(rule.versions, resource.version) &&
          accepts(rule.kinds, resource.kind),
      );
      if (!applies) continue;
      const implied = impliedResource(resource, template);
      if (implied) expanded.push({ resource: implied, template });
    }
  }
  return expanded;
}

function impliedResource(resource: Resource, template: ExpansionTemplate): Resource | undefined {
  let source: unknown = resource.object;
  for (const key of template.source) source = isRecord(source) ? source[key] : undefined;
  if (!isRecord(source)) return undefined;
  const metadata = isRecord(source.metadata) ? { ...source.metadata } : {};
  // The implied object lives where its workload does.
  if (resource.namespace !== undefined) metadata.namespace = resource.namespace;
  const { group, version, kind } = template.generated;
  const object: KubeObject = {
    ...source,
    apiVersion: group === '' ? version : `${group}/${version}`,
    kind,
    metadata,
  };
  return createResource(object, {
    file: resource.file,
    documentIndex: resource.documentIndex,
    pathInDocument: [...resource.pathInDocument, ...template.source],
    locator: resource.locator,
  });
}
