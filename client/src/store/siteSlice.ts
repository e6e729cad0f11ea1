import type { KoegeApi } from '../api/KoegeApi';
import type { SiteDetail } from '../../../server/src/schemas/site';
import type { AppSlice, LoadStatus } from './AppState';
import { errorMessage } from './errorMessage';

export interface SiteSlice {
  selectedSiteId: string | null;
  /** Details of the selected site once loaded. */
  site: SiteDetail | null;
  siteStatus: LoadStatus;
  siteError: string | null;
  /** Selects a site (and loads its details) or, with null, closes the site panel. */
  selectSite(siteId: string | null): void;
  /** Loads the selected site's details again, e.g. after an error. */
  loadSite(): Promise<void>;
}

export function createSiteSlice({ api }: { api: KoegeApi }): AppSlice<SiteSlice> {
  return (set, get) => ({
    selectedSiteId: null,
    site: null,
    siteStatus: 'idle',
    siteError: null,
    selectSite(siteId) {
      if (siteId === get().selectedSiteId && get().siteStatus !== 'error') return;
      set({ selectedSiteId: siteId, site: null, siteStatus: 'idle', siteError: null });
      if (siteId !== null) void get().loadSite();
    },
    async loadSite() {
      const siteId = get().selectedSiteId;
      if (siteId === null) return;
      set({ site: null, siteStatus: 'loading', siteError: null });
      try {
        const site = await api.getSite(siteId);
        // A slower answer for a site that is no longer selected must not overwrite the current one.
        if (get().selectedSiteId === siteId) set({ site, siteStatus: 'ready' });
      } catch (error) {
        if (get().selectedSiteId === siteId) set({ siteStatus: 'error', siteError: errorMessage(error) });
      }
    },
  });
}
