import { DEFAULT_LANG, type Lang } from '../../../shared/i18n/Lang';
import type { AppSlice } from './AppState';

/** The sidebar's tabs, in their order. */
export const SIDEBAR_TABS = ['layers', 'policy', 'finder', 'climate', 'sketch'] as const;
export type SidebarTab = (typeof SIDEBAR_TABS)[number];

export interface UiSlice {
  lang: Lang;
  sidebarTab: SidebarTab;
  setLang(lang: Lang): void;
  setSidebarTab(tab: SidebarTab): void;
}

export const createUiSlice: AppSlice<UiSlice> = (set) => ({
  lang: DEFAULT_LANG,
  sidebarTab: 'layers',
  setLang: (lang) => set({ lang }),
  setSidebarTab: (sidebarTab) => set({ sidebarTab }),
});
