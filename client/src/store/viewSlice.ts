import type { Bbox } from '@shared/schemas/geojson';
import type { MapViewState } from '../map/MapViewState';
import type { AppSlice } from './AppState';
import { findAction } from '../features/policy/policySlice';

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
   * map= view. An action is framed once the policy is loaded, a site once its details are; a
   * site the user selects meanwhile cancels it.
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
    const { restoreFocusPending, policyStatus, policy, selectedAction, selectedSiteId, site } = get();
    if (!restoreFocusPending) return;
    let bbox: Bbox | null;
    if (selectedAction !== null) {
      if (policyStatus !== 'ready') return;
      bbox = findAction(policy, selectedAction)?.bbox ?? null;
    } else {
      if (site === null || site.id !== selectedSiteId) return;
      bbox = site.bbox;
    }
    set({ restoreFocusPending: false });
    if (bbox !== null) get().focusOn(bbox);
  },
});
