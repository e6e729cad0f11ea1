import { DEFAULT_LANG, type Lang } from '@shared/i18n/Lang';
import { loadLang } from '../app/i18n';
import type { AppSlice } from './AppState';

/** The sidebar's tabs, in their order. */
export const SIDEBAR_TABS = ['layers', 'policy', 'finder', 'climate', 'sketch'] as const;
export type SidebarTab = (typeof SIDEBAR_TABS)[number];

export interface UiSlice {
  lang: Lang;
  sidebarTab: SidebarTab;
  /** Switches the UI language once its catalogue has arrived (the first switch to English fetches it). */
  setLang(lang: Lang): Promise<void>;
  setSidebarTab(tab: SidebarTab): void;
}

export const createUiSlice: AppSlice<UiSlice> = (set) => ({
  lang: DEFAULT_LANG,
  sidebarTab: 'layers',
  setLang: async (lang) => {
    await loadLang(lang);
    set({ lang });
  },
  setSidebarTab: (sidebarTab) => set({ sidebarTab }),
});
