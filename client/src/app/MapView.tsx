import { useEffect, useRef, useState } from 'react';
import { formatNumber } from '../i18n/formatNumber';
import { MapController } from '../map/MapController';
import { FINDER_LAYER_ID } from '../map/ids';
import { DEFAULT_VIEW } from '../map/MapViewState';
import type { SiteRef } from '../map/SiteRef';
import { toUtm32 } from '../map/toUtm32';
import type { AppState } from '../store/AppState';
import { findAction } from '../store/policySlice';
import { shownFloods } from '../store/shownFloods';
import { summariseInitiative } from '../store/summariseInitiative';
import { useAppStore, useAppStoreApi } from '../store/useAppStore';
import { useT } from './useT';

/** The sites of the presentation's initiative while it runs, else of the chosen policy action, with their layers. */
function highlightedSites(state: Pick<AppState, 'policy' | 'selectedAction' | 'presentStep'>): SiteRef[] {
  if (state.presentStep !== null) {
    const initiative = state.policy?.initiatives[state.presentStep - 1];
    return initiative === undefined ? [] : summariseInitiative(initiative).sites;
  }
  return state.selectedAction === null ? [] : (findAction(state.policy, state.selectedAction)?.sites ?? []);
}

/** Ids of the finder's matching plots while the finder is open with a result; null shows all plots. */
function matchingIds(state: Pick<AppState, 'sidebarTab' | 'plots' | 'plotsQuery'>): string[] | null {
  if (state.sidebarTab !== 'finder' || state.plotsQuery === null) return null;
  return state.plots.filter((plot) => plot.layer === FINDER_LAYER_ID).map((plot) => plot.id);
}

/** The selected site, once its layer is known. */
function selectedSite(state: Pick<AppState, 'selectedSiteId' | 'selectedSiteLayer'>): SiteRef | null {
  const { selectedSiteId: id, selectedSiteLayer: layer } = state;
  return id !== null && layer !== null ? { id, layer } : null;
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

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const controller = new MapController({
      container,
      initialView: store.getState().view ?? DEFAULT_VIEW,
      basemapUrl: import.meta.env.VITE_BASEMAP_URL ?? null,
      basemapAttribution: import.meta.env.VITE_BASEMAP_ATTRIBUTION ?? null,
      onSiteClick: (site) => store.getState().selectSite(site.id, site.layer),
      onViewChange: (view) => store.getState().setView(view),
      onHover: (site) => store.getState().setHoveredSite(site),
      onCursor: setCursor,
      onTilesError: (message) => store.getState().reportTilesError(message),
    });
    const sync = (state: AppState, prev: AppState | null) => {
      if (
        state.layersStatus === 'ready' &&
        (prev?.layersStatus !== 'ready' || state.layers !== prev.layers || state.collections !== prev.collections)
      ) {
        controller.setData({
          layers: state.layers,
          collections: state.collections,
          hiddenLayerIds: state.hiddenLayerIds,
        });
      }
      if (prev === null || state.hiddenLayerIds !== prev.hiddenLayerIds) controller.setHidden(state.hiddenLayerIds);
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
      if (
        prev === null ||
        state.sidebarTab !== prev.sidebarTab ||
        state.plots !== prev.plots ||
        state.plotsQuery !== prev.plotsQuery
      ) {
        controller.setMatching(FINDER_LAYER_ID, matchingIds(state));
      }
      const floods = shownFloods(state);
      const before = prev === null ? null : shownFloods(prev);
      if (before === null || floods.main !== before.main || floods.comparison !== before.comparison) {
        controller.setFlood(floods.main, floods.comparison);
      }
      if (prev !== null && state.tilesRetry !== prev.tilesRetry) controller.reloadTiles();
      if (state.focus !== null && state.focus !== prev?.focus) controller.fitBbox(state.focus.bbox);
    };
    sync(store.getState(), null);
    const unsubscribe = store.subscribe(sync);
    return () => {
      unsubscribe();
      controller.destroy();
    };
  }, [store]);

  const utm = cursor ? toUtm32(cursor) : null;
  return (
    <div className="map-frame">
      <div ref={containerRef} className="map" role="region" aria-label={t('map.ariaLabel')} />
      {utm && (
        <div className="cursor-readout" aria-hidden="true">
          {t('map.cursor')}: E {formatNumber({ value: utm.easting, lang })} · N{' '}
          {formatNumber({ value: utm.northing, lang })}
        </div>
      )}
    </div>
  );
}
