import { activeFilters, buildPlotQuery, withoutFilter } from './buildPlotQuery';
import type { KoegeApi } from '../../api/KoegeApi';
import type { SiteRef } from '../../map/SiteRef';
import type { Plot } from '@shared/schemas/plot';
import type { AppSlice, LoadStatus } from '../../store/AppState';
import { errorMessage } from '../../store/errorMessage';
import { filterPlots } from './filterPlots';
import { DEFAULT_FINDER_FILTERS, type FinderFilters, type RelaxableFilter } from './FinderFilters';
import type { UrlParam } from '../../app/urlState';

/** What dropping one filter alone would give, for an empty result. */
export interface RelaxSuggestion {
  filter: RelaxableFilter;
  count: number;
}

export interface FinderSlice {
  finderFilters: FinderFilters;
  /**
   * Every plot, unfiltered: the finder filters them in the browser, and the shortlist and the comparison show
   * plots its filters may hide. The finder is their one owner (issue #17).
   */
  allPlots: Plot[];
  allPlotsStatus: LoadStatus;
  allPlotsError: string | null;
  /** Loads every plot once (again after an error). */
  loadAllPlots(): Promise<void>;
  /**
   * After a change to plots (a tender moved): the finder's list if it is loaded (its unfiltered answer is every
   * plot as well), and every plot if they are loaded and that answer is not them.
   */
  refreshPlots(): void;
  /** The plots matching `plotsQuery`, in the API's order (it sorts). Kept while a newer query loads. */
  plots: Plot[];
  /** The /api/plots query string the shown plots answer; null before the first answer. */
  plotsQuery: string | null;
  plotsStatus: LoadStatus;
  plotsError: string | null;
  /**
   * For an empty result: per filter that is set, the count when it alone is dropped, most first.
   * Null while those counts load (or before any empty result).
   */
  relaxSuggestions: RelaxSuggestion[] | null;
  /** The site under the pointer, on the map or in the results list (each highlights it in the other). */
  hoveredSite: SiteRef | null;
  /** Finder and climate parameters of the link that could not be read; emptied when the notice is dismissed. */
  ignoredParams: UrlParam[];
  /** Changes filters or sort and loads the matching plots (unless only the display unit changed). */
  setFinderFilters(patch: Partial<FinderFilters>): void;
  /**
   * Loads the plots for the current filters (and the flood filter's extent); a slower answer to an older query
   * is dropped.
   */
  loadPlots(): Promise<void>;
  setHoveredSite(site: SiteRef | null): void;
  dismissIgnoredParams(): void;
}

/** Same plots, same order, same values: the server confirmed what the browser filtered. */
function samePlots(a: readonly Plot[], b: readonly Plot[]): boolean {
  return a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
}

export function createFinderSlice({ api }: { api: KoegeApi }): AppSlice<FinderSlice> {
  // Numbers each request so that only the newest one's answer lands (filters change faster than answers).
  let latest = 0;

  return (set, get) => {
    const suggest = async (filters: FinderFilters, seq: number) => {
      const names = activeFilters(filters);
      const { allPlots, allPlotsStatus } = get();
      // Counted in the browser when every relaxed filter can be (no flood filter), else by the server.
      const local =
        allPlotsStatus === 'ready'
          ? names.map((filter) => ({ filter, count: filterPlots(allPlots, withoutFilter(filters, filter))?.length }))
          : [];
      if (local.length > 0 && local.every((s): s is RelaxSuggestion => s.count !== undefined)) {
        set({ relaxSuggestions: local.sort((a, b) => b.count - a.count) });
        return;
      }
      try {
        const counts = await Promise.all(
          names.map(async (filter) => ({
            filter,
            count: (await api.getPlots(buildPlotQuery(withoutFilter(filters, filter)))).count,
          })),
        );
        if (seq === latest) set({ relaxSuggestions: counts.sort((a, b) => b.count - a.count) });
      } catch {
        // A suggestion is a nicety: without it the empty message still stands.
        if (seq === latest) set({ relaxSuggestions: [] });
      }
    };

    return {
      allPlots: [],
      allPlotsStatus: 'idle',
      allPlotsError: null,
      async loadAllPlots() {
        if (get().allPlotsStatus === 'loading') return;
        set({ allPlotsStatus: 'loading', allPlotsError: null });
        try {
          const { plots } = await api.getPlots('');
          set({ allPlots: plots, allPlotsStatus: 'ready' });
        } catch (error) {
          set({ allPlotsStatus: 'error', allPlotsError: errorMessage(error) });
        }
      },
      refreshPlots() {
        const { plotsStatus, allPlotsStatus, finderFilters } = get();
        const listAnswersAll = plotsStatus !== 'idle' && activeFilters(finderFilters).length === 0;
        if (plotsStatus !== 'idle') void get().loadPlots();
        if (allPlotsStatus !== 'idle' && !listAnswersAll) void get().loadAllPlots();
      },
      finderFilters: DEFAULT_FINDER_FILTERS,
      plots: [],
      plotsQuery: null,
      plotsStatus: 'idle',
      plotsError: null,
      relaxSuggestions: null,
      hoveredSite: null,
      ignoredParams: [],
      setFinderFilters(patch) {
        const finderFilters = { ...get().finderFilters, ...patch };
        set({ finderFilters });
        const { plotsQuery, plotsStatus } = get();
        if (plotsStatus === 'idle' || buildPlotQuery(finderFilters) !== plotsQuery) void get().loadPlots();
      },
      async loadPlots() {
        const filters = get().finderFilters;
        const query = buildPlotQuery(filters);
        const unfiltered = activeFilters(filters).length === 0;
        // The flood filter's extent is drawn on the map and summed up beside the control.
        void get().loadFloodExtent();
        // Every plot, for filtering in the browser: an unfiltered answer is that set, else it loads beside.
        if (!unfiltered && get().allPlotsStatus === 'idle') void get().loadAllPlots();
        const seq = ++latest;
        const { allPlots, allPlotsStatus } = get();
        // Shown at once where the browser can filter (issue #4: within 50 ms); the server's answer confirms it.
        const local = allPlotsStatus === 'ready' ? filterPlots(allPlots, filters) : null;
        if (local !== null) {
          set({ plots: local, plotsQuery: query, plotsStatus: 'ready', plotsError: null, relaxSuggestions: null });
          if (local.length === 0) void suggest(filters, seq);
        } else {
          set({ plotsStatus: 'loading', plotsError: null });
        }
        try {
          const { plots } = await api.getPlots(query);
          if (unfiltered) set({ allPlots: plots, allPlotsStatus: 'ready', allPlotsError: null });
          if (seq !== latest) return;
          // An equal answer keeps the list shown (no second render); a different one means the plots changed
          // since they were loaded: the server's answer wins and every plot is loaded again.
          if (local !== null && samePlots(local, plots)) return;
          if (local !== null && !unfiltered) void get().loadAllPlots();
          set({ plots, plotsQuery: query, plotsStatus: 'ready', relaxSuggestions: null });
          if (plots.length === 0) await suggest(filters, seq);
        } catch (error) {
          if (seq === latest) set({ plotsStatus: 'error', plotsError: errorMessage(error) });
        }
      },
      setHoveredSite(site) {
        const current = get().hoveredSite;
        if (site?.id === current?.id && site?.layer === current?.layer) return;
        set({ hoveredSite: site });
      },
      dismissIgnoredParams: () => set({ ignoredParams: [] }),
    };
  };
}
