import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../client/src/api/ApiError';
import { translate } from '../../../../client/src/app/i18n';
import { createAppStore } from '../../../../client/src/store/createAppStore';
import { en } from '@shared/i18n/en';
import type { SiteDetail } from '@shared/schemas/site';
import { COLLECTIONS, LAYERS, siteDetail } from '../fixtures';
import { deferred, fakeApi, flush } from './appStoreFixtures';

describe('selecting a site', () => {
  it('knows the layer of a clicked site before its details arrive', () => {
    const store = createAppStore({ api: fakeApi() });
    store.getState().selectSite('kn-1', 'koege-nord-plots');
    expect(store.getState()).toMatchObject({ selectedSiteLayer: 'koege-nord-plots', siteStatus: 'loading' });
    store.getState().selectSite(null);
    expect(store.getState().selectedSiteLayer).toBeNull();
  });

  it('loads its details', async () => {
    const store = createAppStore({ api: fakeApi() });
    store.getState().selectSite('kn-1');
    expect(store.getState()).toMatchObject({ selectedSiteId: 'kn-1', siteStatus: 'loading', site: null });
    await flush();
    expect(store.getState()).toMatchObject({ siteStatus: 'ready', site: { id: 'kn-1' } });
  });

  it('closes with null', async () => {
    const store = createAppStore({ api: fakeApi() });
    store.getState().selectSite('kn-1');
    await flush();
    store.getState().selectSite(null);
    expect(store.getState()).toMatchObject({ selectedSiteId: null, site: null, siteStatus: 'idle', siteError: null });
  });

  it('keeps the newest selection when an older answer arrives late', async () => {
    const slow = deferred<SiteDetail>();
    const store = createAppStore({
      api: fakeApi({ getSite: (id) => (id === 'kn-1' ? slow.promise : Promise.resolve(siteDetail(id))) }),
    });
    store.getState().selectSite('kn-1');
    store.getState().selectSite('kn-2');
    await flush();
    slow.resolve(siteDetail('kn-1'));
    await flush();
    expect(store.getState().site?.id).toBe('kn-2');
  });

  it('reports a failure with the problem’s title and loads again on retry', async () => {
    let fail = true;
    const store = createAppStore({
      api: fakeApi({
        getSite: async (id) => {
          if (fail) throw new ApiError({ status: 503, title: 'Service Unavailable', detail: 'database down' });
          return siteDetail(id);
        },
      }),
    });
    store.getState().selectSite('kn-1');
    await flush();
    expect(store.getState()).toMatchObject({ siteStatus: 'error', siteError: 'Service Unavailable: database down' });
    fail = false;
    await store.getState().loadSite();
    expect(store.getState()).toMatchObject({ siteStatus: 'ready', siteError: null, site: { id: 'kn-1' } });
  });
});

describe('layers', () => {
  it('loads the list', async () => {
    const store = createAppStore({ api: fakeApi() });
    await store.getState().loadLayers();
    expect(store.getState().layersStatus).toBe('ready');
    expect(store.getState().layers.map((layer) => layer.id)).toEqual(LAYERS.map((layer) => layer.id));
  });

  it('fetches GeoJSON for the point layers only: the map draws the others from vector tiles', async () => {
    const asked: string[] = [];
    const api = fakeApi();
    const store = createAppStore({
      api: {
        ...api,
        getLayerFeatures: (layerId) => {
          asked.push(layerId);
          return api.getLayerFeatures(layerId);
        },
      },
    });
    await store.getState().loadLayers();
    expect(asked).toEqual(['stations']);
    expect(store.getState().collections).toEqual(COLLECTIONS);
  });

  it('hands over the layer list before the point layers’ features, and is ready once they are in', async () => {
    let release: () => void = () => {};
    const api = fakeApi();
    const store = createAppStore({
      api: {
        ...api,
        getLayerFeatures: async (layerId) => {
          await new Promise<void>((resolve) => (release = resolve));
          return api.getLayerFeatures(layerId);
        },
      },
    });
    const loading = store.getState().loadLayers();
    await vi.waitFor(() => expect(store.getState().layers.length).toBe(LAYERS.length));
    expect(store.getState()).toMatchObject({ layersStatus: 'loading', collections: {} });
    release();
    await loading;
    expect(store.getState()).toMatchObject({ layersStatus: 'ready', collections: COLLECTIONS });
  });

  it('reports an error when a point layer’s features fail, keeping nothing half-loaded', async () => {
    const store = createAppStore({
      api: fakeApi({
        getLayerFeatures: async () => Promise.reject(new ApiError({ status: 500, title: 'Internal Server Error' })),
      }),
    });
    await store.getState().loadLayers();
    expect(store.getState()).toMatchObject({ layersStatus: 'error', layersError: 'Internal Server Error', layers: [] });
  });

  it('keeps the layers it had when a reload fails', async () => {
    let fail = false;
    const api = fakeApi();
    const store = createAppStore({
      api: {
        ...api,
        getLayerFeatures: async (id) => (fail ? Promise.reject(new Error('down')) : api.getLayerFeatures(id)),
      },
    });
    await store.getState().loadLayers();
    const before = store.getState().layers;
    fail = true;
    await store.getState().loadLayers();
    expect(store.getState()).toMatchObject({ layersStatus: 'error', layersError: 'down' });
    expect(store.getState().layers).toBe(before);
  });

  it('keeps the first tile failure until a retry, which asks the map to load its tiles again', () => {
    const store = createAppStore({ api: fakeApi() });
    store.getState().reportTilesError('koege-dige: Bad Request (400)');
    store.getState().reportTilesError('energy-zones: Bad Request (400)');
    expect(store.getState()).toMatchObject({ tilesError: 'koege-dige: Bad Request (400)', tilesRetry: 0 });
    store.getState().retryTiles();
    expect(store.getState()).toMatchObject({ tilesError: null, tilesRetry: 1 });
  });

  it('toggles a layer off and on, keeping the hidden ids sorted', () => {
    const store = createAppStore({ api: fakeApi() });
    store.getState().toggleLayer('sea');
    store.getState().toggleLayer('energy-zones');
    expect(store.getState().hiddenLayerIds).toEqual(['energy-zones', 'sea']);
    store.getState().toggleLayer('sea');
    expect(store.getState().hiddenLayerIds).toEqual(['energy-zones']);
  });
});

describe('language', () => {
  it('is Danish by default and switches to English once its catalogue has arrived', async () => {
    const store = createAppStore({ api: fakeApi() });
    expect(store.getState().lang).toBe('da');
    const switching = store.getState().setLang('en');
    expect(store.getState().lang).toBe('da');
    await switching;
    expect(store.getState().lang).toBe('en');
    expect(translate('en', 'timeline.link')).toBe(en['timeline.link']);
  });
});

describe('policy actions', () => {
  async function loadedStore() {
    const store = createAppStore({ api: fakeApi() });
    await Promise.all([store.getState().loadLayers(), store.getState().loadPolicy()]);
    return store;
  }

  it('asks the map to fit the bbox the server gives for action 3.6 (the dike lines)', async () => {
    const store = await loadedStore();
    store.getState().selectAction('3.6');
    expect(store.getState().selectedAction).toBe('3.6');
    expect(store.getState().focus?.bbox).toEqual([12.18, 55.44, 12.2, 55.47]);
  });

  it('switches on the hidden layers holding the action’s sites, and only those', async () => {
    const store = await loadedStore();
    store.getState().setLayersVisible(['koege-dige', 'stations', 'energy-zones'], false);
    store.getState().selectAction('3.8');
    expect(store.getState().hiddenLayerIds).toEqual(['energy-zones']);
  });

  it('needs no features to frame an action: the policy alone is enough', async () => {
    const store = createAppStore({ api: fakeApi() });
    await store.getState().loadPolicy();
    store.getState().selectAction('1.4');
    expect(store.getState().focus?.bbox).toEqual([12.1, 55.48, 12.13, 55.495]);
  });

  it('makes a new focus request when the same action is chosen again', async () => {
    const store = await loadedStore();
    store.getState().selectAction('1.4');
    const first = store.getState().focus;
    store.getState().selectAction('1.4');
    expect(store.getState().focus).not.toBe(first);
    expect(store.getState().focus?.bbox).toEqual(first?.bbox);
  });

  it('does not move the map for an action without sites, or when cleared', async () => {
    const store = await loadedStore();
    store.getState().selectAction('3.7');
    expect(store.getState().focus).toBeNull();
    store.getState().selectAction(null);
    expect(store.getState()).toMatchObject({ selectedAction: null, focus: null });
  });
});
