import type { SearchHit, SearchPickType } from '@shared/schemas/search';
import type { AppSlice } from '../../store/AppState';
import { fetchSearchHit } from './searchApi';

/** A parcel or address picked from the search (`sel=<type>:<id>`, issue #21): its pin, once its hit is known. */
export interface SearchPick {
  type: SearchPickType;
  id: string;
  /** The hit (name and place); null while a link's pick is loading, or when it is gone. */
  hit: SearchHit | null;
}

export interface SearchSlice {
  /** The search that opened the current hit, for the link (`q=`); null when none did. */
  searchQuery: string | null;
  setSearchQuery(q: string | null): void;
  /** The picked parcel or address, shown by a pin; null when none is. */
  searchPick: SearchPick | null;
  /** True while a pick from a link waits to be framed: only when the link had no map= view. */
  searchPickFocusPending: boolean;
  /** Picks a parcel or address hit (any other kind, or null, drops the pick). */
  pickSearchHit(hit: SearchHit | null): void;
  /** Loads the hit of a link's pick (its name and place), and frames it when the link had no view. */
  loadSearchPick(): Promise<void>;
}

const isPickType = (type: SearchHit['type']): type is SearchPickType => type === 'parcel' || type === 'address';

export const createSearchSlice: AppSlice<SearchSlice> = (set, get) => ({
  searchQuery: null,
  setSearchQuery: (searchQuery) => set({ searchQuery }),
  searchPick: null,
  searchPickFocusPending: false,
  pickSearchHit: (hit) =>
    set({
      searchPick: hit !== null && isPickType(hit.type) ? { type: hit.type, id: hit.id, hit } : null,
      searchPickFocusPending: false,
    }),
  async loadSearchPick() {
    const pick = get().searchPick;
    if (pick === null || pick.hit !== null) return;
    let hit: SearchHit | null = null;
    try {
      hit = await fetchSearchHit(pick);
    } catch {
      // Gone from the register (404) or unreachable: the link keeps its view, without a pin.
    }
    const now = get().searchPick;
    if (now?.type !== pick.type || now.id !== pick.id) return; // another pick came meanwhile
    if (hit === null) {
      set({ searchPick: null, searchPickFocusPending: false });
      return;
    }
    const frame = get().searchPickFocusPending;
    set({ searchPick: { ...now, hit }, searchPickFocusPending: false });
    if (frame && hit.bbox !== null) get().focusOn(hit.bbox);
  },
});
