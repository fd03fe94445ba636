/**
 * Recognises Gatekeeper's own manifests (ConstraintTemplates and
 * constraints) and reads the parts k8s-bp needs from them.
 */
import { isRecord } from '../model/records.js';
import type { ObjectPath, Resource } from '../model/types.js';

export const CONSTRAINT_GROUP = 'constraints.gatekeeper.sh';
export const TEMPLATE_GROUP = 'templates.gatekeeper.sh';
/** The engine name of CEL code in a ConstraintTemplate. */
export const CEL_ENGINE = 'K8sNativeValidation';
const CONSTRAINT_VERSIONS = new Set(['v1beta1', 'v1alpha1', 'v1']);
const TEMPLATE_VERSIONS = new Set(['v1', 'v1beta1', 'v1alpha1']);

export function isConstraintManifest(resource: Resource): boolean {
  return resource.group === CONSTRAINT_GROUP && CONSTRAINT_VERSIONS.has(resource.version);
}

export function isTemplateManifest(resource: Resource): boolean {
  return (
    resource.group === TEMPLATE_GROUP &&
    TEMPLATE_VERSIONS.has(resource.version) &&
    resource.kind === 'ConstraintTemplate'
  );
}

/** True for the manifests that configure Gatekeeper rather than run workloads. */
export function isGatekeeperPolicyManifest(resource: Resource): boolean {
  return (
    isConstraintManifest(resource) ||
    isTemplateManifest(resource) ||
    (resource.group === 'expansion.gatekeeper.sh' && resource.kind === 'ExpansionTemplate')
  );
}

/** A problem in a Gatekeeper manifest, with the field it is about. */
export interface ManifestProblem {
  resource: Resource;
  path: ObjectPath;
  message: string;
}

export interface TemplateManifest {
  resource: Resource;
  /** The constraint kind it defines (`spec.crd.spec.names.kind`). */
  kind: string;
  /** `spec.crd.spec.validation.openAPIV3Schema`, when the template declares one. */
  schema: Record<string, unknown> | undefined;
  /** The policy engines of its code: `rego` for `spec.targets[].rego`, and the `engine` of each `code[]` entry. */
  engines: string[];
  /** The `source` of its `K8sNativeValidation` code (CEL), and where it is in the manifest. */
  cel?: { source: Record<string, unknown>; path: ObjectPath };
}

export function readTemplate(resource: Resource): TemplateManifest | ManifestProblem {
  const object = resource.object as Record<string, unknown>;
  const spec = isRecord(object.spec) ? object.spec : {};
  const crd = isRecord(spec.crd) && isRecord(spec.crd.spec) ? spec.crd.spec : {};
  const names = isRecord(crd.names) ? crd.names : {};
  if (typeof names.kind !== 'string' || names.kind === '') {
    return {
      resource,
      path: ['spec', 'crd', 'spec', 'names', 'kind'],
      message: 'ConstraintTemplate has no spec.crd.spec.names.kind',
    };
  }
  const validation = isRecord(crd.validation) ? crd.validation : {};
  const schema = isRecord(validation.openAPIV3Schema) ? validation.openAPIV3Schema : undefined;
  const engines = new Set<string>();
  let cel: TemplateManifest['cel'];
  for (const [targetIndex, target] of (Array.isArray(spec.targets) ? spec.targets : []).entries()) {
    if (!isRecord(target)) continue;
    if (typeof target.rego === 'string') engines.add('rego');
    for (const [codeIndex, code] of (Array.isArray(target.code) ? target.code : []).entries()) {
      if (!isRecord(code) || typeof code.engine !== 'string') continue;
      engines.add(code.engine);
      if (code.engine === CEL_ENGINE && cel === undefined) {
        const path: ObjectPath = ['spec', 'targets', targetIndex, 'code', codeIndex, 'source'];
        if (!isRecord(code.source)) return { resource, path, message: `${CEL_ENGINE} code needs a source mapping` };
        cel = { source: code.source, path };
      }
    }
  }
  return { resource, kind: names.kind, schema, engines: [...engines], ...(cel && { cel }) };
}

export interface ConstraintManifest {
  resource: Resource;
  kind: string;
  name: string;
  match: unknown;
  parameters: unknown;
  enforcementAction: unknown;
  scopedEnforcementActions: unknown;
}

export function readConstraint(resource: Resource): ConstraintManifest | ManifestProblem {
  const object = resource.object as Record<string, unknown>;
  if (resource.name === undefined || resource.name === '') {
    return { resource, path: ['metadata'], message: `${resource.kind} constraint has no metadata.name` };
  }
  const spec = object.spec ?? {};
  if (!isRecord(spec)) return { resource, path: ['spec'], message: 'spec must be a mapping' };
  return {
    resource,
    kind: resource.kind,
    name: resource.name,
    match: spec.match,
    parameters: spec.parameters,
    enforcementAction: spec.enforcementAction,
    scopedEnforcementActions: spec.scopedEnforcementActions,
  };
}

export function isProblem<T extends object>(value: T | ManifestProblem): value is ManifestProblem {
  return 'message' in value && 'path' in value && !('kind' in value);
}
