import { DEFAULT_LANG, type Lang } from '../i18n/Lang';
import type { AppSlice } from './AppState';

export type SidebarTab = 'layers' | 'policy';

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
