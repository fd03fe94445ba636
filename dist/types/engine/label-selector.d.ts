/**
 * Kubernetes label selectors (`metav1.LabelSelector`): evaluation, and the
 * syntax rules the API server applies to label keys and values.
 */
import type { LabelSelector } from '../model/types.js';
/**
 * True when `labels` satisfy every `matchLabels` entry and every
 * `matchExpressions` requirement, as Kubernetes' `labels.Selector` decides:
 * `In` needs the key with a listed value; `NotIn` holds when the key is absent
 * or has an unlisted value; `Exists`/`DoesNotExist` look at the key only.
 *
 * An empty selector (`{}`) selects everything. Kinds whose null selector
 * selects nothing (a Service without `selector`, a `policy/v1beta1` PDB) must
 * handle that before calling this.
 */
export declare function labelSelectorMatches(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean;
/** The label keys a selector reads. */
export declare function selectorKeys(selector: LabelSelector): string[];
/** Why the API server would refuse `key` as a label key (end of a sentence), or undefined. */
export declare function labelKeyProblem(key: string): string | undefined;
/** Why the API server would refuse `value` as a label value (end of a sentence), or undefined. */
export declare function labelValueProblem(value: string): string | undefined;
