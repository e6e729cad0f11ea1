import type { AppSlice } from '../../store/AppState';

export interface SearchSlice {
  /** The search that opened the current hit, for the link (`q=`); null when none did. */
  searchQuery: string | null;
  setSearchQuery(q: string | null): void;
}

export const createSearchSlice: AppSlice<SearchSlice> = (set) => ({
  searchQuery: null,
  setSearchQuery: (searchQuery) => set({ searchQuery }),
});
