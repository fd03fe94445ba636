/**
 * Kubernetes API versions that are deprecated or no longer served, as data.
 *
 * Source: the Kubernetes "Deprecated API Migration Guide"
 * (https://kubernetes.io/docs/reference/using-api/deprecation-guide/, removals
 * from v1.16 to v1.32) for the removal releases and replacements, and the API
 * server's own deprecation warnings ("<apiVersion> <Kind> is deprecated in
 * v1.X+, unavailable in v1.Y+", generated from the `prerelease-lifecycle-gen`
 * tags of k8s.io/api) for the release each version was deprecated in. The
 * v1.33 deprecation of core `v1` Endpoints comes from KEP-4974 and the v1.33
 * release blog. Alpha versions are left out: they may disappear in any release
 * without a deprecation period, so the guide does not track them.
 *
 * To add an entry, append a row to {@link DEPRECATED_APIS}; nothing else changes.
 */
/** A successor API for a deprecated one. */
export interface ApiReplacement {
    /** `group/version`, e.g. `apps/v1`. */
    apiVersion: string;
    /** The release that first served it, e.g. `1.9`. */
    availableIn: string;
}
/** One kind at one deprecated API version. */
export interface DeprecatedApi {
    /** `group/version` as written in manifests. */
    apiVersion: string;
    kind: string;
    /** The first release that warned about it, e.g. `1.16`. */
    deprecatedIn: string;
    /** The first release that no longer serves it; absent when no removal is planned. */
    removedIn?: string;
    /** Successors, preferred first. Empty when the API has no successor. */
    replacements: readonly ApiReplacement[];
    /** What to do instead when no listed successor is served at the target release. */
    alternative?: string;
}
/** Every deprecated API version and kind the rule knows, one entry per kind. */
export declare const DEPRECATED_APIS: readonly DeprecatedApi[];
/** The table entry for a kind at an API version, or undefined when that pair was never deprecated. */
export declare function findDeprecatedApi(apiVersion: string, kind: string): DeprecatedApi | undefined;
/** A Kubernetes release as major and minor numbers. */
export interface KubernetesVersion {
    major: number;
    minor: number;
}
/** `1.33`, `v1.33` or `1.33.2` → `{major: 1, minor: 33}`; anything else → undefined. */
export declare function parseKubernetesVersion(text: string): KubernetesVersion | undefined;
/** Negative, zero or positive as `a` is older than, the same as, or newer than `b` (release strings). */
export declare function compareKubernetesVersions(a: KubernetesVersion, b: string): number;
/** True when the release `target` no longer serves the entry's API version. */
export declare function isRemovedAt(entry: DeprecatedApi, target: KubernetesVersion): boolean;
/** True when the release `target` warns about (or no longer serves) the entry's API version. */
export declare function isDeprecatedAt(entry: DeprecatedApi, target: KubernetesVersion): boolean;
/**
 * The successor to suggest at the release `target`: the first listed one that
 * `target` serves and that is not itself deprecated there, else the first
 * one it serves at all. Undefined when none is served (the entry's
 * `alternative`, if any, then says what to do).
 */
export declare function replacementAt(entry: DeprecatedApi, target: KubernetesVersion): ApiReplacement | undefined;
