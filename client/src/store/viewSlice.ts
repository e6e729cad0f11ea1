import type { Bbox } from '@shared/schemas/geojson';
import type { MapViewState } from '../map/MapViewState';
import type { MapInsets } from '../map/CameraFraming';
import type { AppSlice } from './AppState';
import { findAction } from '../features/policy/policySlice';

/**
 * A request to fit the map to a bbox; `seq` makes a repeated request for the same bbox a new one. `context`: the
 * bbox is a site's, to be shown with its surroundings.
 */
export interface FocusRequest {
  bbox: Bbox;
  context: boolean;
  seq: number;
}

export interface ViewSlice {
  /** The map's current camera, null until the map has moved (or the link gave none). */
  view: MapViewState | null;
  focus: FocusRequest | null;
  /** The map's edges that panels cover, in CSS pixels (the phone's bottom sheet, issue #20). */
  mapInsets: MapInsets;
  /**
   * True while a site or action from the link still waits to be framed: only when the link had no
   * map= view. An action is framed once the policy is loaded, a site once its details are; a
   * site the user selects meanwhile cancels it.
   */
  restoreFocusPending: boolean;
  setView(view: MapViewState): void;
  focusOn(bbox: Bbox, options?: { context?: boolean }): void;
  setMapInsets(insets: MapInsets): void;
  restoreFocus(): void;
}

export const createViewSlice: AppSlice<ViewSlice> = (set, get) => ({
  view: null,
  focus: null,
  mapInsets: { top: 0, right: 0, bottom: 0, left: 0 },
  restoreFocusPending: false,
  setView: (view) => set({ view }),
  focusOn: (bbox, { context = false } = {}) => set({ focus: { bbox, context, seq: (get().focus?.seq ?? 0) + 1 } }),
  setMapInsets(insets) {
    const current = get().mapInsets;
    const same = (['top', 'right', 'bottom', 'left'] as const).every((edge) => current[edge] === insets[edge]);
    if (!same) set({ mapInsets: insets });
  },
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
    if (bbox !== null) get().focusOn(bbox, { context: selectedAction === null });
  },
});
