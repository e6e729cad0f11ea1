import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../../client/src/store/createAppStore';
import { fakeApi } from './appStoreFixtures';

// Issue #20: what the panels do when the user acts, whatever the layout shows of them.
describe('the panels follow what the user opens', () => {
  it('opening a site raises the phone’s sheet from its lowest point and unfolds the side panel', () => {
    const store = createAppStore({ api: fakeApi() });
    store.getState().setSheetSnap('peek');
    store.getState().setPanelCollapsed(true);
    store.getState().selectSite('kn-1', 'koege-nord-plots');
    expect(store.getState()).toMatchObject({ sheetSnap: 'half', panelCollapsed: false });
  });

  it('leaves a sheet that is higher where it is, and closing the site moves nothing', () => {
    const store = createAppStore({ api: fakeApi() });
    store.getState().setSheetSnap('full');
    store.getState().selectSite('kn-1', 'koege-nord-plots');
    expect(store.getState().sheetSnap).toBe('full');
    store.getState().setSheetSnap('peek');
    store.getState().selectSite(null);
    expect(store.getState().sheetSnap).toBe('peek');
  });

  it('choosing a tab shows it: the folded panel opens, the sheet rises to half', () => {
    const store = createAppStore({ api: fakeApi() });
    store.getState().setSheetSnap('peek');
    store.getState().setPanelCollapsed(true);
    store.getState().setSidebarTab('finder');
    expect(store.getState()).toMatchObject({ sidebarTab: 'finder', sheetSnap: 'half', panelCollapsed: false });
  });

  it('keeps the map insets when the same ones come again (no new object, no camera move)', () => {
    const store = createAppStore({ api: fakeApi() });
    store.getState().setMapInsets({ top: 0, right: 0, bottom: 300, left: 0 });
    const first = store.getState().mapInsets;
    store.getState().setMapInsets({ top: 0, right: 0, bottom: 300, left: 0 });
    expect(store.getState().mapInsets).toBe(first);
    store.getState().setMapInsets({ top: 0, right: 0, bottom: 120, left: 0 });
    expect(store.getState().mapInsets.bottom).toBe(120);
  });
});
