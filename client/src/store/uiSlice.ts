import { DEFAULT_LANG, type Lang } from '@shared/i18n/Lang';
import { loadLang } from '../app/i18n';
import type { AppSlice } from './AppState';

/** The sidebar's tabs, in their order. */
export const SIDEBAR_TABS = ['layers', 'policy', 'finder', 'climate', 'sketch'] as const;
export type SidebarTab = (typeof SIDEBAR_TABS)[number];

/** The bottom sheet's snap points on a phone (issue #20): the tabs only, half the screen, nearly all of it. */
export const SHEET_SNAPS = ['peek', 'half', 'full'] as const;
export type SheetSnap = (typeof SHEET_SNAPS)[number];

export interface UiSlice {
  lang: Lang;
  sidebarTab: SidebarTab;
  /** Where the panels' sheet rests on a phone; the wider layouts ignore it. */
  sheetSnap: SheetSnap;
  /** Whether the side panel is folded away (tablets and desktops): the map takes its room. */
  panelCollapsed: boolean;
  /** Switches the UI language once its catalogue has arrived (the first switch to English fetches it). */
  setLang(lang: Lang): Promise<void>;
  setSidebarTab(tab: SidebarTab): void;
  setSheetSnap(snap: SheetSnap): void;
  setPanelCollapsed(collapsed: boolean): void;
}

export const createUiSlice: AppSlice<UiSlice> = (set) => ({
  lang: DEFAULT_LANG,
  sidebarTab: 'layers',
  sheetSnap: 'half',
  panelCollapsed: false,
  setLang: async (lang) => {
    await loadLang(lang);
    set({ lang });
  },
  // Choosing a tab shows it: a folded panel or a sheet at its lowest opens.
  setSidebarTab: (sidebarTab) =>
    set((state) => ({
      sidebarTab,
      panelCollapsed: false,
      sheetSnap: state.sheetSnap === 'peek' ? 'half' : state.sheetSnap,
    })),
  setSheetSnap: (sheetSnap) => set({ sheetSnap }),
  setPanelCollapsed: (panelCollapsed) => set({ panelCollapsed }),
});
