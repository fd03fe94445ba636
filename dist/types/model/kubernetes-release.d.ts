/**
 * The Kubernetes releases a run targets: one release (`1.33`, `v1.33.2`) or a
 * range (`1.29-1.35`), from `--kubernetes-version` or the config's
 * `kubernetesVersion`. Schema validation judges a manifest against each
 * release of the range; rules that need one release take the newest.
 */
/** The releases whose API schemas k8s-bp ships, oldest first. */
export declare const SUPPORTED_RELEASES: readonly string[];
/** The release targeted when neither the command line nor the config names one: the newest shipped. */
export declare const DEFAULT_RELEASE = "1.35";
/** `1.33` from `1.33`, `v1.33` or `v1.33.2`; undefined for anything else. */
export declare function releaseOf(text: string): string | undefined;
/** Negative, zero or positive as release `a` is older than, the same as, or newer than `b`. */
export declare function compareReleases(a: string, b: string): number;
/**
 * The supported releases that `text` names, oldest first, or a sentence
 * saying what is wrong with it.
 */
export declare function parseReleaseRange(text: string): {
    releases: readonly string[];
} | {
    problem: string;
};
/** `1.29–1.31`, `1.33`, or `1.27, 1.30–1.35`: a sorted set of releases in a few words. */
export declare function describeReleases(releases: readonly string[]): string;
