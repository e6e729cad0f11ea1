import type { KoegeApi } from '../../api/KoegeApi';
import type { SiteDetail } from '@shared/schemas/site';
import type { AppSlice, LoadStatus } from '../../store/AppState';
import { errorMessage } from '../../store/errorMessage';

export interface SiteSlice {
  selectedSiteId: string | null;
  /**
   * Layer of the selected site once known: from the clicked feature at once, or from the details
   * (a site from a link). The map needs it to mark the site in its vector tiles.
   */
  selectedSiteLayer: string | null;
  /** Details of the selected site once loaded. */
  site: SiteDetail | null;
  siteStatus: LoadStatus;
  siteError: string | null;
  /**
   * Selects a site (and loads its details) or, with null, closes the site panel. `layerId` is the
   * site's layer when the caller knows it. A choice of the user's replaces any framing a link asked for.
   */
  selectSite(siteId: string | null, layerId?: string | null): void;
  /** Loads the selected site's details again, e.g. after an error. */
  loadSite(): Promise<void>;
}

export function createSiteSlice({ api }: { api: KoegeApi }): AppSlice<SiteSlice> {
  return (set, get) => ({
    selectedSiteId: null,
    selectedSiteLayer: null,
    site: null,
    siteStatus: 'idle',
    siteError: null,
    selectSite(siteId, layerId = null) {
      if (siteId === get().selectedSiteId && get().siteStatus !== 'error') return;
      set({
        selectedSiteId: siteId,
        selectedSiteLayer: siteId === null ? null : layerId,
        site: null,
        siteStatus: 'idle',
        siteError: null,
        restoreFocusPending: false,
        // An opened site is shown: the folded panel opens, the phone's sheet rises from its lowest point. It takes
        // the place of a searched parcel's or address's pin, as a new pick would (issue #21): one selection at a time.
        ...(siteId === null
          ? {}
          : {
              panelCollapsed: false,
              sheetSnap: get().sheetSnap === 'peek' ? 'half' : get().sheetSnap,
              searchPick: null,
              searchPickFocusPending: false,
            }),
      });
      if (siteId !== null) void get().loadSite();
    },
    async loadSite() {
      const siteId = get().selectedSiteId;
      if (siteId === null) return;
      set({ site: null, siteStatus: 'loading', siteError: null });
      try {
        const site = await api.getSite(siteId);
        // A slower answer for a site that is no longer selected must not overwrite the current one.
        if (get().selectedSiteId !== siteId) return;
        set({ site, selectedSiteLayer: site.layer, siteStatus: 'ready' });
        get().restoreFocus();
      } catch (error) {
        if (get().selectedSiteId === siteId) set({ siteStatus: 'error', siteError: errorMessage(error) });
      }
    },
  });
}
