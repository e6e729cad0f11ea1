/** Summary statistics of samples (milliseconds or bytes); none of them mutate their input. */

/** The nearest-rank percentile (0–100) of the samples; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = Float64Array.from(samples).sort();
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export function mean(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  let sum = 0;
  for (const s of samples) sum += s;
  return sum / samples.length;
}

/**
 * Mean after dropping the lowest and highest `trim` samples each (trim 1 of 8 runs → mean of the middle 6),
 * which keeps one stall on a shared machine from moving the figure.
 */
export function trimmedMean(samples: readonly number[], trim = 1): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const kept = sorted.length > 2 * trim ? sorted.slice(trim, sorted.length - trim) : sorted;
  return mean(kept);
}

/** Rounds for reports: `digits` decimals, NaN and infinities become null (JSON has no NaN). */
export function round(value: number, digits = 2): number | null {
  if (!Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
