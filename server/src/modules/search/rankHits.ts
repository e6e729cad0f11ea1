import { SEARCH_MATCHES, SEARCH_TYPES, type SearchHit, type SearchType } from '@shared/schemas/search';
import type { Bbox } from '@shared/schemas/geojson';

/** One row that matched, before ranking. */
export interface SearchCandidate {
  type: SearchType;
  id: string;
  name: string;
  detail: string;
  layer: string | null;
  /** Index into SEARCH_MATCHES: 0 exact … 4 fuzzy. */
  tier: number;
  /** pg_trgm word_similarity of the folded query in the key, 0–1. */
  similarity: number;
  bbox: Bbox | null;
  /** Metres (EPSG:25832) from the origin; null without one or without a place. */
  distanceM: number | null;
}

const typeOrder = (t: SearchType) => SEARCH_TYPES.indexOf(t);

/**
 * The best `limit` hits, best first: how well they matched (exact names first, then prefixes, words, substrings,
 * typos), then the nearest to the view (when one was given), then the closest typo, then the kind (places before
 * parcels and addresses), then the shorter name. Never mutates `candidates`.
 */
export function rankHits({
  candidates,
  limit,
}: {
  candidates: readonly SearchCandidate[];
  limit: number;
}): SearchHit[] {
  const ranked = [...candidates].sort(
    (a, b) =>
      a.tier - b.tier ||
      (a.distanceM ?? Number.POSITIVE_INFINITY) - (b.distanceM ?? Number.POSITIVE_INFINITY) ||
      b.similarity - a.similarity ||
      typeOrder(a.type) - typeOrder(b.type) ||
      a.name.length - b.name.length ||
      a.name.localeCompare(b.name, 'da') ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return ranked.slice(0, limit).map((c) => ({
    type: c.type,
    id: c.id,
    name: c.name,
    detail: c.detail,
    ...(c.layer === null ? {} : { layer: c.layer }),
    match: SEARCH_MATCHES[Math.min(Math.max(c.tier, 0), SEARCH_MATCHES.length - 1)]!,
    bbox: c.bbox,
    distance_m: c.distanceM === null ? null : Math.round(c.distanceM),
  }));
}
