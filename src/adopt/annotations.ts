/**
 * `k8s-bp.dev/ignore: "rule-a,rule-b"` annotations, with an optional
 * `k8s-bp.dev/ignore-reason`. On an object's metadata they silence those
 * rules for the whole object; on a pod template's metadata, for the template.
 */
import { getIn, isRecord } from '../model/records.js';
import { formatPath } from '../engine/paths.js';
import { podTemplatePathOf } from '../kit/pod-spec.js';
import type { ObjectPath, Resource } from '../model/types.js';
import { splitRuleList } from './comments.js';

export const IGNORE_ANNOTATION = 'k8s-bp.dev/ignore';
export const IGNORE_REASON_ANNOTATION = 'k8s-bp.dev/ignore-reason';

/** One `k8s-bp.dev/ignore` annotation. */
export interface IgnoreAnnotation {
  file: string;
  documentIndex: number;
  /** The findings it covers: those whose path is this path or below it (`''`: the whole document). */
  scope: string;
  rules: string[];
  reason: string | undefined;
  /** Where the annotation is written. */
  location: { file: string; line: number; column: number };
}

/** Every ignore annotation of the resources: on each object, then on its pod template. */
export function ignoreAnnotations(resources: readonly Resource[]): IgnoreAnnotation[] {
  const found: IgnoreAnnotation[] = [];
  for (const resource of resources) {
    const own = fromMetadata(resource, [], resource.object.metadata);
    if (own) found.push(own);
    const templatePath = podTemplatePathOf(resource.kind);
    if (templatePath) {
      const template = getIn(resource.object, templatePath);
      const inTemplate = fromMetadata(resource, templatePath, isRecord(template) ? template.metadata : undefined);
      if (inTemplate) found.push(inTemplate);
    }
  }
  return found;
}

function fromMetadata(resource: Resource, base: ObjectPath, metadata: unknown): IgnoreAnnotation | undefined {
  const annotations = isRecord(metadata) ? metadata.annotations : undefined;
  if (!isRecord(annotations)) return undefined;
  const value = annotations[IGNORE_ANNOTATION];
  if (typeof value !== 'string') return undefined;
  const reason = annotations[IGNORE_REASON_ANNOTATION];
  const documentPath = [...resource.pathInDocument, ...base];
  const range = resource.locator.locate([...documentPath, 'metadata', 'annotations', IGNORE_ANNOTATION]);
  // A built object's annotation is written in the file it came from, and so are the findings it can silence.
  const file = range.file ?? resource.file;
  return {
    file,
    documentIndex: range.documentIndex ?? resource.documentIndex,
    scope: formatPath(documentPath),
    rules: splitRuleList(value),
    reason: typeof reason === 'string' && reason.trim() !== '' ? reason.trim() : undefined,
    location: { file, line: range.line, column: range.column },
  };
}

/** True when a finding's dotted path lies at or below `scope`. */
export function withinScope(path: string, scope: string): boolean {
  if (scope === '' || path === scope) return true;
  if (!path.startsWith(scope)) return false;
  const next = path.charAt(scope.length);
  return next === '.' || next === '[';
}
