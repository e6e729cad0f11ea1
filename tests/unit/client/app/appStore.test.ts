import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../client/src/api/ApiError';
import type { KoegeApi } from '../../../../client/src/api/KoegeApi';
import { createAppStore, startApp } from '../../../../client/src/store/createAppStore';
import type { SiteDetail } from '../../../../shared/schemas/site';
import { COLLECTIONS, floodAffected, floodExtent, LAYERS, plot, POLICY, siteDetail } from '../fixtures';
import type { PlotList } from '../../../../shared/schemas/plot';
import { DEFAULT_FINDER_FILTERS } from '../../../../client/src/features/finder/FinderFilters';
import { visitorWorkflowApi } from '../tenders/visitorWorkflowApi';

const PLOTS = [plot('kn-1'), plot('kn-2')];

/** A fake of the HTTP edge (the only thing mocked), answering from the fixtures. */
function fakeApi(overrides: Partial<KoegeApi> = {}): KoegeApi {
  return {
    getLayers: async () => ({ layers: [...LAYERS] }),
    getLayerFeatures: async (layerId) => {
      const found = COLLECTIONS[layerId];
      if (!found) throw new ApiError({ status: 404, title: 'Not Found' });
      return found;
    },
    getSite: async (siteId) => siteDetail(siteId),
    getPolicy: async () => POLICY,
    getPlots: async () => ({ count: PLOTS.length, plots: [...PLOTS] }),
    getFloodExtent: async (level, dike) => floodExtent(level, dike),
    getFloodAffected: async (level, dike) => floodAffected(level, dike),
    getSiteFlood: async () => {
      throw new ApiError({ status: 404, title: 'Not Found' });
    },
    ...visitorWorkflowApi(),
    ...overrides,
  };
}

/** A promise with its resolve function exposed, to order concurrent answers. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

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
  it('is Danish by default and switches to English', () => {
    const store = createAppStore({ api: fakeApi() });
    expect(store.getState().lang).toBe('da');
    store.getState().setLang('en');
    expect(store.getState().lang).toBe('en');
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

describe('restoring a permalink', () => {
  it('takes site, action, language and hidden layers from the link', () => {
    const store = createAppStore({
      api: fakeApi(),
      initial: { view: { zoom: 14, lat: 55.4785, lon: 12.169 }, site: 'kn-1', action: '1.4', lang: 'en', off: ['sea'] },
    });
    expect(store.getState()).toMatchObject({
      view: { zoom: 14, lat: 55.4785, lon: 12.169 },
      selectedSiteId: 'kn-1',
      selectedAction: '1.4',
      lang: 'en',
      hiddenLayerIds: ['sea'],
      sidebarTab: 'policy',
    });
  });

  it('frames a linked action once the policy is loaded, when the link has no view', async () => {
    const store = createAppStore({ api: fakeApi(), initial: { action: '3.6' } });
    startApp(store);
    await flush();
    expect(store.getState().focus?.bbox).toEqual([12.18, 55.44, 12.2, 55.47]);
  });

  it('frames a linked site by the bbox of its details, when the link has no view', async () => {
    const store = createAppStore({
      api: fakeApi({ getSite: async (id) => siteDetail(id, { bbox: [12.16, 55.47, 12.17, 55.48] }) }),
      initial: { site: 'bellingeparken' },
    });
    startApp(store);
    await flush();
    expect(store.getState().focus?.bbox).toEqual([12.16, 55.47, 12.17, 55.48]);
    expect(store.getState().restoreFocusPending).toBe(false);
  });

  it('learns a linked site’s layer from its details', async () => {
    const store = createAppStore({
      api: fakeApi({ getSite: async (id) => siteDetail(id, { layer: 'bellingeparken' }) }),
      initial: { site: 'bellingeparken' },
    });
    expect(store.getState().selectedSiteLayer).toBeNull();
    startApp(store);
    await flush();
    expect(store.getState().selectedSiteLayer).toBe('bellingeparken');
  });

  it('does not move the map to a linked site once the user has chosen another', async () => {
    const slow = deferred<SiteDetail>();
    const store = createAppStore({
      api: fakeApi({ getSite: (id) => (id === 'bellingeparken' ? slow.promise : Promise.resolve(siteDetail(id))) }),
      initial: { site: 'bellingeparken' },
    });
    startApp(store);
    store.getState().selectSite('kn-1', 'koege-nord-plots');
    slow.resolve(siteDetail('bellingeparken'));
    await flush();
    expect(store.getState().focus).toBeNull();
    expect(store.getState().site?.id).toBe('kn-1');
  });

  it('keeps the linked view instead of framing the site', async () => {
    const store = createAppStore({
      api: fakeApi(),
      initial: { view: { zoom: 14, lat: 55.48, lon: 12.1 }, site: 'kn-1' },
    });
    startApp(store);
    await flush();
    expect(store.getState().focus).toBeNull();
    expect(store.getState()).toMatchObject({ siteStatus: 'ready', site: { id: 'kn-1' } });
  });
});

describe('plot finder', () => {
  it('opens on the finder tab with the filters of the link, and loads its plots on start', async () => {
    const queries: string[] = [];
    const store = createAppStore({
      api: fakeApi({
        getPlots: async (query) => {
          queries.push(query);
          return { count: 1, plots: [plot('kn-1')] };
        },
      }),
      initial: {
        tab: 'finder',
        finder: { ...DEFAULT_FINDER_FILTERS, statuses: ['sold'] },
        ignored: ['min_area'],
      },
    });
    startApp(store);
    await flush();
    // Every plot (for filtering in the browser from then on) and the link's own query.
    expect(queries).toEqual(['', '?status=sold']);
    expect(store.getState()).toMatchObject({
      sidebarTab: 'finder',
      plotsStatus: 'ready',
      plotsQuery: '?status=sold',
      ignoredParams: ['min_area'],
    });
    store.getState().dismissIgnoredParams();
    expect(store.getState().ignoredParams).toEqual([]);
  });

  it('loads again when a filter changes, but not when only the display unit does', async () => {
    const queries: string[] = [];
    const store = createAppStore({
      api: fakeApi({
        getPlots: async (query) => {
          queries.push(query);
          return { count: 2, plots: [...PLOTS] };
        },
      }),
    });
    store.getState().setFinderFilters({ minAreaM2: 20_000 });
    await flush();
    store.getState().setFinderFilters({ areaUnit: 'ha' });
    await flush();
    expect(queries).toEqual(['', '?min_area=20000']);
  });

  it('keeps the newest result when an older answer arrives late', async () => {
    const slow = deferred<PlotList>();
    const store = createAppStore({
      api: fakeApi({
        getPlots: (query) =>
          query === '?status=open' ? slow.promise : Promise.resolve({ count: 1, plots: [plot('kn-2')] }),
      }),
    });
    store.getState().setFinderFilters({ statuses: ['open'] });
    store.getState().setFinderFilters({ statuses: ['sold'] });
    await flush();
    slow.resolve({ count: 1, plots: [plot('kn-1')] });
    await flush();
    expect(store.getState()).toMatchObject({ plotsQuery: '?status=sold', plots: [{ id: 'kn-2' }] });
  });

  it('reports a failure and loads again on retry', async () => {
    let fail = true;
    const store = createAppStore({
      api: fakeApi({
        getPlots: async () => {
          if (fail) throw new ApiError({ status: 503, title: 'Service Unavailable' });
          return { count: 2, plots: [...PLOTS] };
        },
      }),
    });
    await store.getState().loadPlots();
    expect(store.getState()).toMatchObject({ plotsStatus: 'error', plotsError: 'Service Unavailable' });
    fail = false;
    await store.getState().loadPlots();
    expect(store.getState()).toMatchObject({ plotsStatus: 'ready', plotsError: null, plots: [{}, {}] });
  });

  it('filters in the browser once every plot is loaded, and the server’s answer confirms it', async () => {
    const all = [plot('kn-1', { tender_status: 'sold' }), plot('kn-2'), plot('kn-3', { tender_status: 'sold' })];
    const queries: string[] = [];
    let answer = (query: string) => (query === '' ? all : all.filter((p) => p.tender_status === 'sold'));
    const store = createAppStore({
      api: fakeApi({
        getPlots: async (query) => {
          queries.push(query);
          const plots = answer(query);
          return { count: plots.length, plots };
        },
      }),
    });
    await store.getState().loadPlots();
    expect(store.getState().allPlotsStatus).toBe('ready');
    const seen: unknown[] = [];
    store.subscribe((state, prev) => state.plots !== prev.plots && seen.push(state.plots.map((p) => p.id)));

    // The result is there before any answer: in the same call.
    store.getState().setFinderFilters({ statuses: ['sold'] });
    expect(store.getState()).toMatchObject({ plotsStatus: 'ready', plotsQuery: '?status=sold' });
    expect(store.getState().plots.map((p) => p.id)).toEqual(['kn-1', 'kn-3']);
    await flush();
    // The server agreed: the list was set once, and nothing more was loaded.
    expect(seen).toEqual([['kn-1', 'kn-3']]);
    expect(queries).toEqual(['', '?status=sold']);

    // A plot changed on the server since: its answer wins, and every plot is loaded again.
    answer = (query) => (query === '' ? all : [all[0]!]);
    store.getState().setFinderFilters({ statuses: ['sold'], uses: ['production'] });
    await flush();
    expect(store.getState().plots.map((p) => p.id)).toEqual(['kn-1']);
    expect(queries).toEqual(['', '?status=sold', '?status=sold&use=production', '']);
  });

  it('for an empty result, counts in the browser what dropping each filter alone gives, most first', async () => {
    const all = [1, 2, 3].map((i) => plot(`kn-${i}`, { tender_status: 'sold' }));
    const queries: string[] = [];
    const store = createAppStore({
      api: fakeApi({
        getPlots: async (query) => {
          queries.push(query);
          const plots = query === '' ? all : [];
          return { count: plots.length, plots };
        },
      }),
    });
    await store.getState().loadPlots();
    store.getState().setFinderFilters({ statuses: ['sold'], minAreaM2: 99_000_000 });
    expect(store.getState().relaxSuggestions).toEqual([
      { filter: 'min_area', count: 3 },
      { filter: 'status', count: 0 },
    ]);
    await flush();
    expect(queries).toEqual(['', '?status=sold&min_area=99000000']);
  });

  it('for an empty result, asks the server what dropping each filter alone gives when the plots are not loaded', async () => {
    const answers: Record<string, number> = {
      '?status=sold&min_area=99000000': 0,
      '?min_area=99000000': 0,
      '?status=sold': 3,
    };
    const store = createAppStore({
      api: fakeApi({
        getPlots: async (query) => {
          // Every plot fails to load: the finder goes on with the server alone.
          if (query === '') throw new ApiError({ status: 503, title: 'Service Unavailable' });
          const count = answers[query] ?? -1;
          return { count, plots: Array.from({ length: Math.max(count, 0) }, (_, i) => plot(`kn-${i + 1}`)) };
        },
      }),
    });
    store.getState().setFinderFilters({ statuses: ['sold'], minAreaM2: 99_000_000 });
    expect(store.getState().relaxSuggestions).toBeNull();
    await flush();
    await flush();
    expect(store.getState().relaxSuggestions).toEqual([
      { filter: 'min_area', count: 3 },
      { filter: 'status', count: 0 },
    ]);
  });

  it('sends the flood filter and loads its extent, once per level and dike, and drops it when cleared', async () => {
    const queries: string[] = [];
    const extents: string[] = [];
    const store = createAppStore({
      api: fakeApi({
        getPlots: async (query) => {
          queries.push(query);
          return { count: 2, plots: [...PLOTS] };
        },
        getFloodExtent: async (level, dike) => {
          extents.push(`${level}/${dike}`);
          return floodExtent(level, dike);
        },
      }),
    });
    store.getState().setFinderFilters({ floodLevel: 1.8, floodDike: 'without' });
    await flush();
    store.getState().setFinderFilters({ sort: '-area' });
    await flush();
    expect(queries).toEqual([
      '',
      '?outside_flood=1.8&flood_dike=without',
      '?outside_flood=1.8&flood_dike=without&sort=-area',
    ]);
    expect(extents).toEqual(['1.8/without']);
    expect(store.getState()).toMatchObject({
      floodStatus: 'ready',
      floodExtent: { properties: { level_m: 1.8, dike: 'without' } },
    });
    store.getState().setFinderFilters({ floodLevel: null });
    await flush();
    expect(store.getState()).toMatchObject({ floodStatus: 'idle', floodExtent: null });
    expect(queries.at(-1)).toBe('?sort=-area');
  });

  it('reports a failed flood extent and asks again on the next load', async () => {
    let fail = true;
    const store = createAppStore({
      api: fakeApi({
        getFloodExtent: async (level, dike) => {
          if (fail) throw new ApiError({ status: 503, title: 'Service Unavailable' });
          return floodExtent(level, dike);
        },
      }),
    });
    store.getState().setFinderFilters({ floodLevel: 2.8 });
    await flush();
    expect(store.getState()).toMatchObject({ floodStatus: 'error', floodError: 'Service Unavailable' });
    fail = false;
    await store.getState().loadPlots();
    await flush();
    expect(store.getState()).toMatchObject({ floodStatus: 'ready', floodExtent: { properties: { level_m: 2.8 } } });
  });

  it('holds the hovered site, from the map or the list, without re-setting the same one', () => {
    const store = createAppStore({ api: fakeApi() });
    const seen: unknown[] = [];
    store.subscribe((state, prev) => state.hoveredSite !== prev.hoveredSite && seen.push(state.hoveredSite));
    store.getState().setHoveredSite({ id: 'kn-1', layer: 'koege-nord-plots' });
    store.getState().setHoveredSite({ id: 'kn-1', layer: 'koege-nord-plots' });
    store.getState().setHoveredSite(null);
    expect(seen).toEqual([{ id: 'kn-1', layer: 'koege-nord-plots' }, null]);
  });
});
