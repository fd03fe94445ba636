import type { Inventory, LabelSelector, RuleContext } from '../model/types.js';
/**
 * Labels that controllers add to the pods they create, with values a manifest
 * cannot know (`pod-template-hash`) or that differ per pod
 * (`statefulset.kubernetes.io/pod-name: web-0`). A selector's requirements on
 * them are taken as met, so a Service for one StatefulSet pod is not reported.
 */
export declare const CONTROLLER_POD_LABELS: ReadonlySet<string>;
/** Answers selector questions about the pods of the input. */
export interface PodLabelIndex {
    /**
     * True when the input says which pods may land in `namespace`, so that a
     * selector there can be judged: some pod source may land there (one in that
     * namespace, or one whose namespace is not known), and none of them is an
     * operator's resource whose pods' labels the manifests do not show. For an
     * unknown `namespace`, the pod sources whose namespace is not known decide.
     */
    judges(namespace: string | undefined): boolean;
    /**
     * True when some pod that may land in `namespace` satisfies the selector.
     * Pods whose namespace is not known (no `metadata.namespace`, no
     * `--namespace`) may land anywhere, so they count for every namespace; and
     * an unknown `namespace` looks at the pods of all namespaces.
     */
    selectsAny(namespace: string | undefined, selector: LabelSelector): boolean;
}
/**
 * Indexes the pod labels of every pod-creating object of the input.
 * `opaqueKinds` (`group/Kind`, such as `monitoring.coreos.com/Prometheus`) are
 * custom resources whose operator creates pods with labels the manifest does
 * not spell out: a namespace with one of them is not judged.
 */
export declare function buildPodLabelIndex(inventory: Inventory, ctx: Pick<RuleContext, 'defaultNamespace'>, opaqueKinds?: readonly string[]): PodLabelIndex;
/** `app=web, tier notin (db, cache), !legacy`: a selector as `kubectl get -l` writes it. */
export declare function formatLabelSelector(selector: LabelSelector): string;
