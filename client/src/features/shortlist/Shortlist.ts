import { SLUG_PATTERN } from '../../api/vocabulary';

/** Plots an investor can keep on the shortlist (issue #4). */
export const MAX_SHORTLIST = 12;
/** Plots side by side in the comparison (issue #4: "up to four plots"). */
export const MAX_COMPARE = 4;

const SLUG = new RegExp(SLUG_PATTERN);

/**
 * Keeps the plot ids that look like ids (SLUG_PATTERN), without duplicates, in their first order, and at most `max`
 * of them. Never mutates its input.
 */
export function normaliseIds({ ids, max }: { ids: readonly unknown[]; max: number }): string[] {
  const kept: string[] = [];
  for (const id of ids) {
    if (kept.length >= max) break;
    if (typeof id === 'string' && SLUG.test(id) && !kept.includes(id)) kept.push(id);
  }
  return kept;
}

/**
 * The shortlist a link opens with when it also names compared plots: every compared plot is on it (so its checkbox
 * shows), in the shortlist's order with the missing ones appended; when that exceeds MAX_SHORTLIST, plots that are
 * not compared are dropped from the end.
 */
export function mergeCompared({ shortlist, compare }: { shortlist: readonly string[]; compare: readonly string[] }): {
  shortlist: string[];
  compare: string[];
} {
  const compared = normaliseIds({ ids: compare, max: MAX_COMPARE });
  const merged = normaliseIds({ ids: [...shortlist, ...compared], max: MAX_SHORTLIST + MAX_COMPARE });
  let surplus = merged.length - MAX_SHORTLIST;
  for (let i = merged.length - 1; i >= 0 && surplus > 0; i--) {
    if (!compared.includes(merged[i]!)) {
      merged.splice(i, 1);
      surplus--;
    }
  }
  return { shortlist: merged, compare: compared };
}
