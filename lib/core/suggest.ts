// "Did you mean" for a mistyped name. The input may be anything a caller passes, including a
// megabyte string: the edit distance is only computed for inputs about as long as the candidates
// and over a bounded number of candidates, and gives up once a row exceeds the limit, so a
// suggestion costs microseconds whatever the input.

/** Inputs longer than the longest candidate by more than this get no suggestion. */
const MAX_EXTRA_LENGTH = 8;
/** Candidates compared at most. */
const MAX_CANDIDATES = 2000;

/** Levenshtein distance, giving up (returning `limit`) once every path exceeds it. */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin >= limit) return limit;
    previous = current;
  }
  return Math.min(previous[b.length], limit);
}

/**
 * The candidate closest to `input` within `maxDistance` edits (default: a quarter of the input's
 * length, at least 3), or undefined. Ties go to the first candidate.
 */
export function closestMatch(input: unknown, candidates: Iterable<string>, maxDistance?: number): string | undefined {
  if (typeof input !== "string" || input.length === 0) return undefined;
  const limit = (maxDistance ?? Math.max(3, Math.floor(input.length / 4))) + 1;
  let best: string | undefined;
  let bestDistance = limit;
  let compared = 0;
  for (const candidate of candidates) {
    if (++compared > MAX_CANDIDATES) break;
    if (input.length > candidate.length + MAX_EXTRA_LENGTH) continue;
    const distance = boundedEditDistance(input, candidate, bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
