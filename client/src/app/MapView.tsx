import { useEffect, useRef, useState } from 'react';
import { formatArea } from '@shared/i18n/formatArea';
import { formatLength } from '@shared/i18n/formatLength';
import { formatNumber } from '@shared/i18n/formatNumber';
import { fetchMapConfig } from '../api/fetchMapConfig';
import { MapController } from '../map/MapController';
import { ALL_LABELS_ID, DIKE_LAYER_ID, FINDER_LAYER_ID } from '../map/ids';
import { DEFAULT_VIEW } from '../map/MapViewState';
import type { SiteRef } from '../map/SiteRef';
import type { SketchDrawController, SketchModeRequest } from '../map/SketchDrawController';
import { toUtm32 } from '../map/toUtm32';
import type { AppState } from '../store/AppState';
import { canEditWorkflow } from '../features/auth/authSlice';
import { findAction } from '../features/policy/policySlice';
import { shownFloods } from '../features/climate/shownFloods';
import { summariseInitiative } from '../features/policy/summariseInitiative';
import { useAppStore, useAppStoreApi } from '../store/useAppStore';
import { swipeComparison, type SwipeComparison } from '../features/climate/swipeComparison';
import { BasemapNotice } from './BasemapNotice';
import { unionBbox } from '../map/contextBbox';
import { searchPinOf } from '../features/search';
import { MAP_TARGET_ID } from './SkipLinks';
import { translate } from './i18n';
import { useT } from './useT';
import '../map/sketchDraw.css';

/** The sites of the presentation's initiative while it runs, else of the chosen policy action, with their layers. */
function highlightedSites(state: Pick<AppState, 'policy' | 'selectedAction' | 'presentStep'>): SiteRef[] {
  if (state.presentStep !== null) {
    const initiative = state.policy?.initiatives[state.presentStep - 1];
    return initiative === undefined ? [] : summariseInitiative(initiative).sites;
  }
  return state.selectedAction === null ? [] : (findAction(state.policy, state.selectedAction)?.sites ?? []);
}

/** The finder's matching plots on the map while the finder is open with a result; null shows all plots. */
function matchingPlots(state: Pick<AppState, 'sidebarTab' | 'plots' | 'plotsQuery'>) {
  if (state.sidebarTab !== 'finder' || state.plotsQuery === null) return null;
  return state.plots.filter((plot) => plot.layer === FINDER_LAYER_ID);
}

/** The selected site, once its layer is known. */
function selectedSite(state: Pick<AppState, 'selectedSiteId' | 'selectedSiteLayer'>): SiteRef | null {
  const { selectedSiteId: id, selectedSiteLayer: layer } = state;
  return id !== null && layer !== null ? { id, layer } : null;
}

function sameSwipe(a: SwipeComparison | null, b: SwipeComparison | null): boolean {
  return a === null || b === null ? a === b : a.a === b.a && a.b === b.b && a.flood === b.flood;
}

/** The sketch overlays' inputs: the live sketches (the one being edited is in the draft) and the panel's overlay. */
function sketchOverlayOf(state: AppState) {
  return {
    sketches: state.sketches,
    draftSketchId: state.sketchEditor?.id ?? null,
    selectedSketchId: state.selectedSketchId,
    overlay: state.sketchOverlay,
  };
}

/** A shortcut's tool: drawing opens the sketch form if none is open; editing needs a draft or a selected sketch. */
function requestSketchMode(state: AppState, mode: SketchModeRequest): void {
  if (mode === 'off') state.setDrawMode('off');
  else if (mode !== 'select') state.startSketchDrawing(mode);
  else if (state.sketchEditor !== null) state.setDrawMode('select');
  else if (state.selectedSketchId !== null) state.editSelectedSketch();
}

/** Drives the sketch drawing tool from the store (issue #6); `prev` null: everything once. */
function syncSketch(sketch: SketchDrawController, state: AppState, prev: AppState | null, handled: { seq: number }) {
  if (prev === null || state.user !== prev.user) sketch.setEditable(canEditWorkflow(state.user));
  if (prev === null || state.sidebarTab !== prev.sidebarTab) sketch.setActive(state.sidebarTab === 'sketch');
  if (prev === null || state.snapping !== prev.snapping) sketch.setSnapping(state.snapping);
  const command = state.drawCommand;
  if (prev === null) {
    // Commands sent before the tool loaded: what they left is the draft itself.
    if (state.draftGeometry !== null) sketch.run({ kind: 'load', geometry: state.draftGeometry, seq: 0 });
    handled.seq = command?.seq ?? 0;
  } else if (command !== null && command.seq > handled.seq) {
    handled.seq = command.seq;
    sketch.run(command);
  }
  if (prev === null || state.drawMode !== prev.drawMode) sketch.setMode(state.drawMode);
  if (
    prev === null ||
    state.sketches !== prev.sketches ||
    state.sketchEditor?.id !== prev.sketchEditor?.id ||
    state.selectedSketchId !== prev.selectedSketchId ||
    state.sketchOverlay !== prev.sketchOverlay
  ) {
    sketch.setOverlay(sketchOverlayOf(state));
  }
}

/**
 * Hosts the map. The controller is driven by store subscriptions, not by React renders, so that a
 * focus request moves the camera in the same task as the click that made it.
 */
export function MapView() {
  const t = useT();
  const store = useAppStoreApi();
  const lang = useAppStore((state) => state.lang);
  const containerRef = useRef<HTMLDivElement>(null);
  const [cursor, setCursor] = useState<{ lon: number; lat: number } | null>(null);
  const [sketchLoadError, setSketchLoadError] = useState<string | null>(null);
  const [basemapUnavailable, setBasemapUnavailable] = useState(false);
  const liveMeasure = useAppStore((state) => (state.sidebarTab === 'sketch' ? state.draftMeasure : null));

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const controller = new MapController({
      container,
      initialView: store.getState().view ?? DEFAULT_VIEW,
      namesShown: !store.getState().hiddenLayerIds.includes(ALL_LABELS_ID),
      onBasemapUnavailable: () => setBasemapUnavailable(true),
      // In the sketch tab a click draws or picks a sketch; it never opens a plot. A clicked site is kept in view
      // once its details (and bbox) arrive: on a phone the sheet rises over the map as it opens.
      onSiteClick: (site) => {
        if (store.getState().sidebarTab === 'sketch') return;
        revealSiteId = site.id;
        store.getState().selectSite(site.id, site.layer);
      },
      onViewChange: (view) => store.getState().setView(view),
      onHover: (site) => store.getState().setHoveredSite(site),
      onCursor: setCursor,
      onTilesError: (message) => store.getState().reportTilesError(message),
    });
    // The online basemap is the server's run-time setting (issue #16); without it, or its answer, the map stays offline.
    const configRequest = new AbortController();
    fetchMapConfig({ signal: configRequest.signal })
      .then(({ basemap }) => {
        if (basemap !== null) controller.setBasemap(basemap);
      })
      .catch(() => undefined);
    let matchingKey: string | null = null;
    let revealSiteId: string | null = null;
    const sync = (state: AppState, prev: AppState | null) => {
      if (prev === null || state.mapInsets !== prev.mapInsets) controller.setInsets(state.mapInsets);
      // The tile layers go on the map as soon as the list is in; the point layers' features follow.
      if (
        state.layers.length > 0 &&
        (prev === null || state.layers !== prev.layers || state.collections !== prev.collections)
      ) {
        controller.setData({
          layers: state.layers,
          collections: state.collections,
          hiddenLayerIds: state.hiddenLayerIds,
        });
      }
      if (prev === null || state.hiddenLayerIds !== prev.hiddenLayerIds) controller.setHidden(state.hiddenLayerIds);
      if (state.locator !== null && (state.locator !== prev?.locator || state.lang !== prev.lang)) {
        controller.setLocator({ ...state.locator, label: translate(state.lang, 'map.locator') });
      }
      if (
        prev === null ||
        state.selectedSiteId !== prev.selectedSiteId ||
        state.selectedSiteLayer !== prev.selectedSiteLayer
      ) {
        controller.setSelected(selectedSite(state));
      }
      if (
        prev === null ||
        state.selectedAction !== prev.selectedAction ||
        state.policy !== prev.policy ||
        state.presentStep !== prev.presentStep
      ) {
        controller.setHighlighted(highlightedSites(state));
      }
      if (prev === null || state.hoveredSite !== prev.hoveredSite) controller.setHoveredSite(state.hoveredSite);
      if (prev === null || state.searchPick !== prev.searchPick) controller.setSearchPin(searchPinOf(state.searchPick));
      if (
        prev === null ||
        state.sidebarTab !== prev.sidebarTab ||
        state.plots !== prev.plots ||
        state.plotsQuery !== prev.plotsQuery
      ) {
        // Only a different set of plots repaints the map: not a new sort, nor the server confirming the browser.
        const matching = matchingPlots(state);
        const ids = matching === null ? null : matching.map((plot) => plot.id);
        const key = ids === null ? null : [...ids].sort().join('\n');
        if (prev === null || key !== matchingKey) controller.setMatching(FINDER_LAYER_ID, ids);
        // A change of the filters frames the plots that match (issue #20); opening the tab leaves the map be.
        if (matching !== null && matchingKey !== null && key !== matchingKey) {
          const bbox = unionBbox(matching.map((plot) => plot.bbox));
          if (bbox !== null) controller.fitBbox(bbox);
        }
        matchingKey = key;
      }
      const floods = shownFloods(state);
      const before = prev === null ? null : shownFloods(prev);
      const swipe = swipeComparison(state);
      const swipeBefore = prev === null ? null : swipeComparison(prev);
      if (
        before === null ||
        floods.main !== before.main ||
        floods.comparison !== before.comparison ||
        (swipe === null) !== (swipeBefore === null)
      ) {
        // In the swipe, B is on the second map: the main map shows A alone.
        controller.setFlood(floods.main, swipe === null ? floods.comparison : null);
      }
      if (prev === null ? swipe !== null : !sameSwipe(swipe, swipeBefore) || state.lang !== prev.lang) {
        controller.setSwipe(swipe === null ? null : { ...swipe, lang: state.lang });
      }
      if (prev !== null && state.tilesRetry !== prev.tilesRetry) controller.reloadTiles();
      // The climate tab is about the coast: it flies to the dike and the land behind it (issue #20).
      if (prev !== null && state.sidebarTab === 'climate' && prev.sidebarTab !== 'climate') {
        const dike = state.layers.find((layer) => layer.id === DIKE_LAYER_ID)?.bbox;
        if (dike) controller.fitBbox(dike, { context: true });
      }
      if (state.focus !== null && state.focus !== prev?.focus) {
        controller.fitBbox(state.focus.bbox, { context: state.focus.context });
      }
      if (state.site !== null && state.site !== prev?.site && state.site.id === revealSiteId) {
        revealSiteId = null;
        controller.revealBbox(state.site.bbox);
      }
    };
    // The sketch tool (terra-draw) loads when the sketch tab first opens: a chunk of its own.
    let sketch: SketchDrawController | null = null;
    let sketchRequested = false;
    let disposed = false;
    const handled = { seq: 0 };
    const syncSketchTab = (state: AppState, prev: AppState | null) => {
      // Leaving the tab stops the tool (the draft is kept for coming back); the nested update syncs the mode.
      if (prev !== null && prev.sidebarTab === 'sketch' && state.sidebarTab !== 'sketch' && state.drawMode !== 'off') {
        state.setDrawMode('off');
      }
      if (sketch !== null) syncSketch(sketch, state, prev, handled);
      else if (state.sidebarTab === 'sketch' && !sketchRequested) {
        sketchRequested = true;
        controller
          .loadSketchDraw({
            onDraft: (report) => store.getState().setDraftFromMap(report),
            onModeRequest: (mode) => requestSketchMode(store.getState(), mode),
            onSketchClick: (id) => store.getState().selectSketch(id),
          })
          .then((loaded) => {
            if (disposed) {
              loaded.destroy();
              return;
            }
            sketch = loaded;
            syncSketch(loaded, store.getState(), null, handled);
          })
          .catch((error: unknown) => {
            if (!disposed) setSketchLoadError(error instanceof Error ? error.message : String(error));
          });
      }
    };
    sync(store.getState(), null);
    syncSketchTab(store.getState(), null);
    const unsubscribe = store.subscribe(sync);
    const unsubscribeSketch = store.subscribe(syncSketchTab);
    return () => {
      disposed = true;
      configRequest.abort();
      unsubscribe();
      unsubscribeSketch();
      sketch?.destroy();
      controller.destroy();
    };
  }, [store]);

  const utm = cursor ? toUtm32(cursor) : null;
  const live = liveMeasure ? liveMeasureText(liveMeasure, lang, t) : null;
  return (
    <div className="map-frame">
      <div
        ref={containerRef}
        id={MAP_TARGET_ID}
        tabIndex={-1}
        className="map"
        role="region"
        aria-label={t('map.ariaLabel')}
      />
      {(utm || live) && (
        <div className="cursor-readout" aria-hidden="true">
          {utm && (
            <div>
              {t('map.cursor')}: E {formatNumber({ value: utm.easting, lang })} · N{' '}
              {formatNumber({ value: utm.northing, lang })}
            </div>
          )}
          {live && (
            <div className="sketch-live-measure" data-testid="sketch-live-measure">
              {live}
            </div>
          )}
        </div>
      )}
      <BasemapNotice shown={basemapUnavailable} onDismiss={() => setBasemapUnavailable(false)} />
      {sketchLoadError && (
        <div className="sketch-load-error" role="alert">
          {t('sketchDraw.loadError', { message: sketchLoadError })}
        </div>
      )}
    </div>
  );
}

/** The draft's live size for the map's read-out: area and perimeter, or length; null for a point. */
function liveMeasureText(
  measure: NonNullable<AppState['draftMeasure']>,
  lang: AppState['lang'],
  t: ReturnType<typeof useT>,
): string | null {
  if (measure.area_m2 !== null && measure.perimeter_m !== null) {
    return t('sketchDraw.liveArea', {
      area: formatArea({ m2: measure.area_m2, lang }),
      perimeter: formatLength({ metres: measure.perimeter_m, lang }),
    });
  }
  if (measure.length_m !== null)
    return t('sketchDraw.liveLength', { length: formatLength({ metres: measure.length_m, lang }) });
  return null;
}
