import type { SearchHit, SearchPickType, SearchResult } from '@shared/schemas/search';
import { fetchJson } from '../../api/fetchJson';

/** GET /api/search for `q`, nearest to `near` (lon, lat) first; `signal` drops an answer no longer wanted. */
export function fetchSearch({
  q,
  near,
  signal,
}: {
  q: string;
  near: [number, number] | null;
  signal: AbortSignal;
}): Promise<SearchResult> {
  const params = new URLSearchParams({ q, limit: '12' });
  if (near) params.set('near', `${near[0].toFixed(5)},${near[1].toFixed(5)}`);
  return fetchJson<SearchResult>(`/api/search?${params}`, { signal });
}

/** GET /api/search/{type}/{id}: a link's parcel or address as a hit. */
export function fetchSearchHit({ type, id }: { type: SearchPickType; id: string }): Promise<SearchHit> {
  return fetchJson<SearchHit>(`/api/search/${type}/${encodeURIComponent(id)}`);
}
