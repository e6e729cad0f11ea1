import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../client/src/api/ApiError';
import { DEFAULT_FINDER_FILTERS, EMPTY_FINDER_FILTERS } from '../../../../client/src/features/finder/FinderFilters';
import { createAppStore, startApp } from '../../../../client/src/store/createAppStore';
import type { PlotList } from '@shared/schemas/plot';
import type { SiteDetail } from '@shared/schemas/site';
import { floodExtent, plot, siteDetail } from '../fixtures';
import { deferred, fakeApi, flush, PLOTS, recordingPlots } from './appStoreFixtures';

// The store restoring a permalink, and the plot finder's slice.

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
  // The other tests take the finder's mechanics from no filter at all (EMPTY_FINDER_FILTERS).
  it('opens as an investor wants it: the plots still to be had, largest first, areas in hectares', async () => {
    const { queries, getPlots } = recordingPlots();
    const store = createAppStore({
      api: fakeApi({ getPlots }),
    });
    expect(store.getState().finderFilters.areaUnit).toBe('ha');
    await store.getState().loadPlots();
    await flush();
    expect(queries).toContain('?status=not_planned,planned,in_preparation,open,under_evaluation,reserved&sort=-area');
    expect(DEFAULT_FINDER_FILTERS.statuses).not.toContain('sold');
  });

  it('opens on the finder tab with the filters of the link, and loads its plots on start', async () => {
    const { queries, getPlots } = recordingPlots(() => [plot('kn-1')]);
    const store = createAppStore({
      api: fakeApi({ getPlots }),
      initial: {
        tab: 'finder',
        finder: { ...EMPTY_FINDER_FILTERS, statuses: ['sold'] },
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
    const { queries, getPlots } = recordingPlots();
    const store = createAppStore({
      api: fakeApi({ getPlots }),
      initial: { finder: EMPTY_FINDER_FILTERS },
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
      initial: { finder: EMPTY_FINDER_FILTERS },
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
      initial: { finder: EMPTY_FINDER_FILTERS },
    });
    await store.getState().loadPlots();
    expect(store.getState()).toMatchObject({ plotsStatus: 'error', plotsError: 'Service Unavailable' });
    fail = false;
    await store.getState().loadPlots();
    expect(store.getState()).toMatchObject({ plotsStatus: 'ready', plotsError: null, plots: [{}, {}] });
  });

  it('filters in the browser once every plot is loaded, and the server’s answer confirms it', async () => {
    const all = [plot('kn-1', { tender_status: 'sold' }), plot('kn-2'), plot('kn-3', { tender_status: 'sold' })];
    let answer = (query: string) => (query === '' ? all : all.filter((p) => p.tender_status === 'sold'));
    const { queries, getPlots } = recordingPlots((query) => answer(query));
    const store = createAppStore({
      api: fakeApi({ getPlots }),
      initial: { finder: EMPTY_FINDER_FILTERS },
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
    const { queries, getPlots } = recordingPlots((query) => (query === '' ? all : []));
    const store = createAppStore({
      api: fakeApi({ getPlots }),
      initial: { finder: EMPTY_FINDER_FILTERS },
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
      initial: { finder: EMPTY_FINDER_FILTERS },
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
      initial: { finder: EMPTY_FINDER_FILTERS },
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
      initial: { finder: EMPTY_FINDER_FILTERS },
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
    const store = createAppStore({ api: fakeApi(), initial: { finder: EMPTY_FINDER_FILTERS } });
    const seen: unknown[] = [];
    store.subscribe((state, prev) => state.hoveredSite !== prev.hoveredSite && seen.push(state.hoveredSite));
    store.getState().setHoveredSite({ id: 'kn-1', layer: 'koege-nord-plots' });
    store.getState().setHoveredSite({ id: 'kn-1', layer: 'koege-nord-plots' });
    store.getState().setHoveredSite(null);
    expect(seen).toEqual([{ id: 'kn-1', layer: 'koege-nord-plots' }, null]);
  });
});
