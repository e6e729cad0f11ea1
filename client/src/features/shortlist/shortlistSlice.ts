import type { AppSlice } from '../../store/AppState';
import { MAX_COMPARE, MAX_SHORTLIST } from './Shortlist';

export interface ShortlistSlice {
  /** Shortlisted plot ids in the order they were added (at most MAX_SHORTLIST). */
  shortlist: string[];
  /** Shortlisted plots ticked for the comparison (at most MAX_COMPARE). */
  compareIds: string[];
  /** Whether the comparison table is open (then `compareIds` are in the link). */
  compareOpen: boolean;
  /** Adds a plot to the shortlist or removes it (and from the comparison); a full shortlist adds nothing. */
  toggleShortlist(plotId: string): void;
  /** Ticks a shortlisted plot for the comparison or unticks it; a fifth plot is not ticked. */
  toggleCompare(plotId: string): void;
  openCompare(): void;
  closeCompare(): void;
}

/** The shortlist and its comparison (issue #4); every plot it shows comes from the finder's `allPlots`. */
export function createShortlistSlice(): AppSlice<ShortlistSlice> {
  return (set, get) => ({
    shortlist: [],
    compareIds: [],
    compareOpen: false,
    toggleShortlist(plotId) {
      const { shortlist, compareIds, compareOpen } = get();
      if (shortlist.includes(plotId)) {
        const compared = compareIds.filter((id) => id !== plotId);
        set({
          shortlist: shortlist.filter((id) => id !== plotId),
          compareIds: compared,
          compareOpen: compareOpen && compared.length > 0,
        });
      } else if (shortlist.length < MAX_SHORTLIST) {
        set({ shortlist: [...shortlist, plotId] });
        if (get().allPlotsStatus === 'idle') void get().loadAllPlots();
      }
    },
    toggleCompare(plotId) {
      const { shortlist, compareIds } = get();
      if (compareIds.includes(plotId)) {
        const compared = compareIds.filter((id) => id !== plotId);
        set({ compareIds: compared, compareOpen: get().compareOpen && compared.length > 0 });
      } else if (shortlist.includes(plotId) && compareIds.length < MAX_COMPARE) {
        set({ compareIds: [...compareIds, plotId] });
      }
    },
    openCompare() {
      if (get().compareIds.length === 0) return;
      set({ compareOpen: true });
      if (get().allPlotsStatus === 'idle') void get().loadAllPlots();
    },
    closeCompare: () => set({ compareOpen: false }),
  });
}
