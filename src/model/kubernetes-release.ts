/**
 * The Kubernetes releases a run targets: one release (`1.33`, `v1.33.2`) or a
 * range (`1.29-1.35`), from `--kubernetes-version` or the config's
 * `kubernetesVersion`. Schema validation judges a manifest against each
 * release of the range; rules that need one release take the newest.
 */

/** The releases whose API schemas k8s-bp ships, oldest first. */
export const SUPPORTED_RELEASES: readonly string[] = [
  '1.27',
  '1.28',
  '1.29',
  '1.30',
  '1.31',
  '1.32',
  '1.33',
  '1.34',
  '1.35',
];

/** The release targeted when neither the command line nor the config names one: the newest shipped. */
export const DEFAULT_RELEASE = '1.35';

const RELEASE = /^v?(\d+)\.(\d+)(?:\.\d+)?$/;

/** `1.33` from `1.33`, `v1.33` or `v1.33.2`; undefined for anything else. */
export function releaseOf(text: string): string | undefined {
  const match = RELEASE.exec(text.trim());
  return match ? `${Number(match[1])}.${Number(match[2])}` : undefined;
}

/** Negative, zero or positive as release `a` is older than, the same as, or newer than `b`. */
export function compareReleases(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

/**
 * The supported releases that `text` names, oldest first, or a sentence
 * saying what is wrong with it.
 */
export function parseReleaseRange(text: string): { releases: readonly string[] } | { problem: string } {
  const parts = text.split(/\s*-\s*(?=v?\d)/);
  const bounds = parts.map(releaseOf);
  if (parts.length > 2 || bounds.some((bound) => bound === undefined)) {
    return { problem: `"${text}" is not a Kubernetes release such as 1.33 or a range such as 1.29-1.35` };
  }
  const [first, last = first] = bounds as string[];
  if (first === undefined || last === undefined) return { problem: `"${text}" names no release` };
  if (compareReleases(first, last) > 0) return { problem: `"${text}" is a range whose start is after its end` };
  const releases = SUPPORTED_RELEASES.filter(
    (release) => compareReleases(release, first) >= 0 && compareReleases(release, last) <= 0,
  );
  const unsupported = [first, last].filter((bound) => !SUPPORTED_RELEASES.includes(bound));
  if (unsupported.length > 0) {
    const span = `${SUPPORTED_RELEASES[0]} to ${SUPPORTED_RELEASES.at(-1)}`;
    return { problem: `k8s-bp knows the Kubernetes API of releases ${span}, not ${unsupported.join(' or ')}` };
  }
  return { releases };
}

/** `1.29–1.31`, `1.33`, or `1.27, 1.30–1.35`: a sorted set of releases in a few words. */
export function describeReleases(releases: readonly string[]): string {
  const runs: string[][] = [];
  for (const release of releases) {
    const run = runs.at(-1);
    const previous = run?.at(-1);
    const next = previous === undefined ? undefined : SUPPORTED_RELEASES[SUPPORTED_RELEASES.indexOf(previous) + 1];
    if (run && next === release) run.push(release);
    else runs.push([release]);
  }
  return runs.map((run) => (run.length === 1 ? run[0] : `${run[0]}–${run.at(-1)}`)).join(', ');
}
