import { createStore, type StoreApi } from 'zustand/vanilla';
import type { KoegeApi } from '../api/KoegeApi';
import type { UrlState } from '../app/urlState';
import { createAuthSlice } from '../features/auth/authSlice';
import { createClimateSlice } from '../features/climate/climateSlice';
import { createFloodExtents } from '../features/climate/floodExtents';
import { createFloodSlice } from '../features/climate/floodSlice';
import { createFinderSlice } from '../features/finder/finderSlice';
import { createLayersSlice } from '../features/layers/layersSlice';
import { createPolicySlice } from '../features/policy/policySlice';
import { createProgressEditSlice } from '../features/policy/progressEditSlice';
import { createPresentationSlice } from '../features/presentation/presentationSlice';
import { mergeCompared } from '../features/shortlist/Shortlist';
import { createShortlistSlice } from '../features/shortlist/shortlistSlice';
import { createSearchSlice } from '../features/search/searchSlice';
import { createSiteSlice } from '../features/site/siteSlice';
import { createSketchCheckSlice } from '../features/sketches/sketchCheckSlice';
import { createSketchDrawSlice } from '../features/sketches/sketchDrawSlice';
import { createSketchImportSlice } from '../features/sketches/sketchImportSlice';
import { createSketchSlice } from '../features/sketches/sketchSlice';
import { createTenderEditSlice } from '../features/tenders/tenderEditSlice';
import type { AppState } from './AppState';
import { createUiSlice } from './uiSlice';
import { createViewSlice } from './viewSlice';

export type AppStore = StoreApi<AppState>;

/**
 * Creates the app's one store. `initial` is what a permalink restored (with `short` already resolved against local
 * storage by the caller); nothing is fetched here:
 * call `startApp` for that.
 */
export function createAppStore({ api, initial }: { api: KoegeApi; initial?: Partial<UrlState> }): AppStore {
  // One cache of flood extents for the finder, the climate view and the presentation (issue #17).
  const floodExtents = createFloodExtents(api);
  const store = createStore<AppState>()((...args) => ({
    ...createAuthSlice({ api })(...args),
    ...createTenderEditSlice({ api })(...args),
    ...createProgressEditSlice({ api })(...args),
    ...createLayersSlice({ api })(...args),
    ...createSiteSlice({ api })(...args),
    ...createPolicySlice({ api })(...args),
    ...createUiSlice(...args),
    ...createViewSlice(...args),
    ...createFinderSlice({ api })(...args),
    ...createFloodSlice({ floodExtents })(...args),
    ...createShortlistSlice()(...args),
    ...createClimateSlice({ api, floodExtents })(...args),
    ...createPresentationSlice({ floodExtents })(...args),
    ...createSketchDrawSlice(...args),
    ...createSketchSlice({ api })(...args),
    ...createSketchCheckSlice({ api })(...args),
    ...createSketchImportSlice({ api })(...args),
    ...createSearchSlice(...args),
  }));
  if (initial) {
    const selectedSiteId = initial.site ?? null;
    const selectedAction = initial.action ?? null;
    const selectedSketchId = initial.sketch ?? null;
    const { shortlist, compare } = mergeCompared({ shortlist: initial.short ?? [], compare: initial.compare ?? [] });
    store.setState({
      view: initial.view ?? null,
      selectedSiteId,
      selectedAction,
      lang: initial.lang ?? store.getState().lang,
      hiddenLayerIds: [...new Set(initial.off ?? [])].sort(),
      sidebarTab: initial.tab ?? (selectedSketchId !== null ? 'sketch' : selectedAction !== null ? 'policy' : 'layers'),
      selectedSketchId,
      sketchFocusPending: !initial.view && selectedSketchId !== null,
      ...(initial.finder ? { finderFilters: initial.finder } : {}),
      ignoredParams: initial.ignored ?? [],
      shortlist,
      compareIds: compare,
      compareOpen: compare.length > 0,
      restoreFocusPending: !initial.view && (selectedSiteId !== null || selectedAction !== null),
      ...(initial.climate ? { climate: initial.climate } : {}),
      climateCompare: initial.climateCompare ?? null,
      ...(initial.climateCompareView ? { climateCompareView: initial.climateCompareView } : {}),
      presentStep: initial.present ?? null,
      searchQuery: initial.q ?? null,
      searchPick: initial.sel ? { ...initial.sel, hit: null } : null,
      searchPickFocusPending: !initial.view && Boolean(initial.sel),
    });
  }
  return store;
}

/**
 * Starts loading everything the app shows: the layers (with the points' features), the policy, a linked
 * site, when the link opens the plot finder, its plots, when it opens the climate view, its floods, and every plot for a shortlist or comparison.
 */
export function startApp(store: AppStore): void {
  const state = store.getState();
  void state.loadLayers();
  void state.loadPolicy();
  void state.loadMe();
  if (state.selectedSiteId !== null && state.siteStatus === 'idle') void state.loadSite();
  if (state.sidebarTab === 'finder') void state.loadPlots();
  if (state.sidebarTab === 'climate') void state.loadClimate();
  if (state.sidebarTab === 'sketch' || state.selectedSketchId !== null) void state.loadSketches();
  if (state.compareOpen || state.shortlist.length > 0) void state.loadAllPlots();
  if (state.searchPick !== null) void state.loadSearchPick();
}
