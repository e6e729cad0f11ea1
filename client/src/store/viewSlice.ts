import type { Bbox } from '../../../server/src/schemas/geojson';
import { bboxOfSites } from '../map/bboxOfSites';
import type { MapViewState } from '../map/MapViewState';
import type { AppSlice } from './AppState';
import { findAction } from './policySlice';

/** A request to fit the map to a bbox; `seq` makes a repeated request for the same bbox a new one. */
export interface FocusRequest {
  bbox: Bbox;
  seq: number;
}

export interface ViewSlice {
  /** The map's current camera, null until the map has moved (or the link gave none). */
  view: MapViewState | null;
  focus: FocusRequest | null;
  /**
   * True while a site or action from the link still waits to be framed: only when the link had no
   * map= view, and only once both the features and the policy are loaded.
   */
  restoreFocusPending: boolean;
  setView(view: MapViewState): void;
  focusOn(bbox: Bbox): void;
  restoreFocus(): void;
}

export const createViewSlice: AppSlice<ViewSlice> = (set, get) => ({
  view: null,
  focus: null,
  restoreFocusPending: false,
  setView: (view) => set({ view }),
  focusOn: (bbox) => set({ focus: { bbox, seq: (get().focus?.seq ?? 0) + 1 } }),
  restoreFocus() {
    const { restoreFocusPending, layersStatus, policyStatus, selectedAction, selectedSiteId, policy, collections } =
      get();
    if (!restoreFocusPending || layersStatus !== 'ready') return;
    if (selectedAction !== null && policyStatus !== 'ready') return;
    set({ restoreFocusPending: false });
    const siteIds =
      selectedAction !== null
        ? (findAction(policy, selectedAction)?.site_ids ?? [])
        : selectedSiteId !== null
          ? [selectedSiteId]
          : [];
    const bbox = bboxOfSites({ collections, siteIds });
    if (bbox) get().focusOn(bbox);
  },
});
