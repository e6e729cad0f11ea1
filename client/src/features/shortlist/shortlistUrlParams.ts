import { MAX_COMPARE, MAX_SHORTLIST, normaliseIds } from './Shortlist';

/**
 * Reads a comma-separated list of plot ids (`short=kn-01,kn-05`, `compare=…`). Ids that are not ids are dropped
 * one by one, duplicates go, and only the first `max` are kept. Null when the parameter is absent or nothing in it
 * can be read, so that a caller can fall back (the shortlist to local storage).
 */
export function parseIdList(text: string | null, max: number): string[] | null {
  if (text === null) return null;
  const ids = normaliseIds({ ids: text.split(','), max });
  return ids.length > 0 ? ids : null;
}

/** The shortlist and the comparison as `short=…` and `compare=…` link parameters (only when not empty). */
export function formatShortlistParams({
  shortlist,
  compare,
}: {
  shortlist: readonly string[];
  compare: readonly string[];
}): string[] {
  const parts: string[] = [];
  const short = normaliseIds({ ids: shortlist, max: MAX_SHORTLIST });
  const compared = normaliseIds({ ids: compare, max: MAX_COMPARE });
  if (short.length > 0) parts.push(`short=${short.join(',')}`);
  if (compared.length > 0) parts.push(`compare=${compared.join(',')}`);
  return parts;
}
