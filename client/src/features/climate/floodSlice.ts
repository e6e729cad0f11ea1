import type { AppSlice, LoadStatus } from '../../store/AppState';
import { errorMessage } from '../../store/errorMessage';
import { floodLevelText } from '../finder';
import type { FloodExtent } from './FloodExtent';
import { latestOnly, type FloodExtents } from './floodExtents';

export interface FloodSlice {
  /**
   * The land flooded by the finder's flood filter (level and dike), shown on the map and summed up in the form.
   * Kept while a newer extent loads; null when the filter is not set.
   */
  floodExtent: FloodExtent | null;
  floodStatus: LoadStatus;
  floodError: string | null;
  /** Loads the extent of the finder's flood filter if it changed (or failed); clears it when the filter is off. */
  loadFloodExtent(): Promise<void>;
}

export function createFloodSlice({ floodExtents }: { floodExtents: FloodExtents }): AppSlice<FloodSlice> {
  // Only the newest request's answer lands; `requested` is the filter it answers ("1.8/without").
  const turns = latestOnly();
  let requested: string | null = null;

  return (set, get) => ({
    floodExtent: null,
    floodStatus: 'idle',
    floodError: null,
    async loadFloodExtent() {
      const { floodLevel, floodDike } = get().finderFilters;
      const key = floodLevel === null ? null : `${floodLevelText(floodLevel)}/${floodDike}`;
      if (key === requested && get().floodStatus !== 'error') return;
      requested = key;
      const ticket = turns.take();
      if (floodLevel === null) {
        set({ floodExtent: null, floodStatus: 'idle', floodError: null });
        return;
      }
      set({ floodStatus: 'loading', floodError: null });
      try {
        const floodExtent = await floodExtents.get(floodLevel, floodDike);
        if (ticket.isLatest()) set({ floodExtent, floodStatus: 'ready' });
      } catch (error) {
        if (ticket.isLatest()) set({ floodStatus: 'error', floodError: errorMessage(error) });
      }
    },
  });
}
