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
/** Code-unit order, which is that of PostgreSQL's collation "C" for these texts (the search's SQL sorts by it too). */
const codeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The ranking's order of two candidates: how well they matched (exact names first, then prefixes, words,
 * substrings, typos), then the nearest to the view (when one was given), then the closest typo, then the kind
 * (places before parcels and addresses), then the shorter name, then name and id. searchRepository's RANK_ORDER is
 * the same order in SQL: a kind's best `limit` there are the only ones of it that can be among the best `limit` here.
 */
export const compareCandidates = (a: SearchCandidate, b: SearchCandidate): number =>
  a.tier - b.tier ||
  (a.distanceM ?? Number.POSITIVE_INFINITY) - (b.distanceM ?? Number.POSITIVE_INFINITY) ||
  b.similarity - a.similarity ||
  typeOrder(a.type) - typeOrder(b.type) ||
  a.name.length - b.name.length ||
  codeUnits(a.name, b.name) ||
  codeUnits(a.id, b.id);

/** The best `limit` hits, best first, by {@link compareCandidates}. Never mutates `candidates`. */
export function rankHits({
  candidates,
  limit,
}: {
  candidates: readonly SearchCandidate[];
  limit: number;
}): SearchHit[] {
  return [...candidates].sort(compareCandidates).slice(0, limit).map(toHit);
}

/** A candidate as the API gives it. */
export function toHit(c: SearchCandidate): SearchHit {
  return {
    type: c.type,
    id: c.id,
    name: c.name,
    detail: c.detail,
    ...(c.layer === null ? {} : { layer: c.layer }),
    match: SEARCH_MATCHES[Math.min(Math.max(c.tier, 0), SEARCH_MATCHES.length - 1)]!,
    bbox: c.bbox,
    distance_m: c.distanceM === null ? null : Math.round(c.distanceM),
  };
}
