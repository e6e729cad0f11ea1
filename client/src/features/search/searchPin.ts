import type { SearchPick } from './searchSlice';

/** Where the map pins a picked parcel or address: the centre of its extent, with its name. */
export interface SearchPin {
  lon: number;
  lat: number;
  label: string;
}

/** The pin of a pick whose hit is known and has a place; null otherwise. */
export function searchPinOf(pick: SearchPick | null): SearchPin | null {
  const bbox = pick?.hit?.bbox;
  if (!pick?.hit || !bbox) return null;
  const [west, south, east, north] = bbox;
  return { lon: (west + east) / 2, lat: (south + north) / 2, label: pick.hit.name };
}
