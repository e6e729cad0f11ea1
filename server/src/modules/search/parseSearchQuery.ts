import { SEARCH_LIMIT_MAX, SEARCH_TYPES, type SearchQuery, type SearchType } from '@shared/schemas/search';
import { HttpProblem } from '../../platform/errors';
import { parseBbox } from '../../platform/http/parseBbox';
import type { SearchOrigin } from './searchRepository';

export interface ParsedSearchQuery {
  q: string;
  limit: number;
  types: ReadonlySet<SearchType>;
  origin: SearchOrigin | null;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)$/;

/** `lon,lat` in EPSG:4326 degrees, or a 400 naming `near`. */
function parseNear(text: string): SearchOrigin {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length !== 2 || !parts.every((p) => NUMBER.test(p))) {
    throw HttpProblem.badRequest('near', 'must be two numbers: lon,lat (EPSG:4326 degrees)');
  }
  const [lon, lat] = parts.map(Number) as [number, number];
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
    throw HttpProblem.badRequest('near', 'lon must lie in [-180, 180] and lat in [-90, 90] (degrees, not metres)');
  }
  return { lon, lat };
}

/** The search's parameters checked beyond the schema: the kinds, and where "near" is (near, else the view's centre). */
export function parseSearchQuery(query: SearchQuery): ParsedSearchQuery {
  if (query.near !== undefined && query.bbox !== undefined) {
    throw HttpProblem.badRequest('near', 'give either near or bbox, not both');
  }
  let origin: SearchOrigin | null = null;
  if (query.near !== undefined) origin = parseNear(query.near);
  if (query.bbox !== undefined) {
    const [west, south, east, north] = parseBbox(query.bbox);
    origin = { lon: (west + east) / 2, lat: (south + north) / 2 };
  }
  const types = new Set<SearchType>(
    query.types === undefined ? SEARCH_TYPES : (query.types.split(',') as SearchType[]),
  );
  const limit = query.limit === undefined ? 10 : Number(query.limit);
  if (limit > SEARCH_LIMIT_MAX) throw HttpProblem.badRequest('limit', `must be at most ${SEARCH_LIMIT_MAX}`);
  return { q: query.q, limit, types, origin };
}
