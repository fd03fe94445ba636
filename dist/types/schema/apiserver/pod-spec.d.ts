/**
 * A pod spec, wherever it appears: in a Pod, or in the pod template of a
 * workload. Paths stay those of the object root.
 */
import type { ObjectPath } from '../../model/types.js';
import type { Findings } from './findings.js';
/** Checks a Pod's spec (`isPod`) or a template's; `path` leads from the object root to the spec. */
export declare function checkPodSpec(out: Findings, spec: Record<string, unknown>, path: ObjectPath, isPod: boolean): void;
/**
 * A pod template's metadata (labels and annotations) and spec. `path` leads
 * to the template, whose `spec` is checked as a pod spec.
 */
export declare function checkPodTemplate(out: Findings, template: Record<string, unknown>, path: ObjectPath): void;
