/** The candidate closest to `input` by edit distance, when it is close enough to be a likely typo. */
export function suggest(input: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  // A prefix ("no-latest" for "no-latest-tag") is a likelier slip than its edit distance suggests.
  const extensions = list.filter((candidate) => input.length >= 3 && candidate.startsWith(input));
  if (extensions.length === 1) return extensions[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of list) {
    const distance = editDistance(input.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const tolerance = Math.max(2, Math.floor(input.length / 3));
  return bestDistance <= tolerance ? best : undefined;
}

/** ` (did you mean "x"?)` or nothing. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const match = suggest(input, candidates);
  return match === undefined ? '' : ` (did you mean "${match}"?)`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
