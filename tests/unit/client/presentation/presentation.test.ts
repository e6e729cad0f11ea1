import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../client/src/api/ApiError';
import type { KoegeApi } from '../../../../client/src/api/KoegeApi';
import { affectedMeasure } from '../../../../client/src/features/climate/affectedMeasure';
import { createAppStore } from '../../../../client/src/store/createAppStore';
import { shownFloods } from '../../../../client/src/features/climate/shownFloods';
import { summariseInitiative } from '../../../../client/src/features/policy/summariseInitiative';
import { DEFAULT_FINDER_FILTERS } from '../../../../client/src/features/finder/FinderFilters';
import {
  COLLECTIONS,
  deepFreeze,
  floodAffected,
  floodExtent,
  LAYERS,
  makeLayer,
  POLICY,
  siteDetail,
} from '../fixtures';
import { visitorWorkflowApi } from '../tenders/visitorWorkflowApi';

const MUNICIPALITY = makeLayer({ id: 'municipality', theme: 'kontekst', bbox: [11.9, 55.3, 12.3, 55.6] });

function fakeApi(): KoegeApi {
  return {
    getLayers: async () => ({ layers: [...LAYERS, MUNICIPALITY] }),
    getLayerFeatures: async (layerId) => {
      const found = COLLECTIONS[layerId];
      if (!found) throw new ApiError({ status: 404, title: 'Not Found' });
      return found;
    },
    getSite: async (siteId) => siteDetail(siteId),
    getPolicy: async () => POLICY,
    getPlots: async () => ({ count: 0, plots: [] }),
    getFloodExtent: async (level, dike) => floodExtent(level, dike),
    getFloodAffected: async (level, dike) => floodAffected(level, dike),
    getSiteFlood: async () => {
      throw new ApiError({ status: 404, title: 'Not Found' });
    },
    ...visitorWorkflowApi(),
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('summariseInitiative', () => {
  it('joins its actions’ bboxes, lists each site and layer once and counts progress', () => {
    const summary = summariseInitiative(POLICY.initiatives[1]!);
    expect(summary.bbox).toEqual([12.18, 55.44, 12.2, 55.47]);
    expect(summary.sites).toEqual([
      { id: 'dige-nord', layer: 'koege-dige' },
      { id: 'dige-syd', layer: 'koege-dige' },
      { id: 'koege-st', layer: 'stations' },
    ]);
    expect(summary.layers).toEqual(['koege-dige', 'stations']);
    expect(summary.progress).toEqual({ not_started: 2, in_progress: 1, done: 0 });
    expect(summary.showsFlood).toBe(true);
  });

  it('has no bbox and no flood for an initiative without sites or dike actions', () => {
    const initiative = deepFreeze({ number: 9, title: 'T', goal: 'G', actions: [] });
    expect(summariseInitiative(initiative)).toEqual({
      bbox: null,
      sites: [],
      layers: [],
      progress: { not_started: 0, in_progress: 0, done: 0 },
      showsFlood: false,
    });
  });
});

describe('presentation', () => {
  it('frames a linked step once the policy is loaded, showing its layers and the dike step’s flood', async () => {
    const store = createAppStore({ api: fakeApi(), initial: { present: 2, off: ['koege-dige'] } });
    await store.getState().loadLayers();
    expect(store.getState().focus).toBeNull();
    await store.getState().loadPolicy();
    await flush();
    const state = store.getState();
    expect(state.focus?.bbox).toEqual([12.18, 55.44, 12.2, 55.47]);
    expect(state.hiddenLayerIds).toEqual([]);
    expect(state.presentFlood?.properties).toMatchObject({ level_m: 2.8, dike: 'without' });
  });

  it('frames the municipality for an initiative without sites, and keeps steps within the policy', async () => {
    const policy = deepFreeze({
      initiatives: [...POLICY.initiatives, { number: 4, title: 'T', goal: 'G', actions: [] }],
    });
    const store = createAppStore({ api: { ...fakeApi(), getPolicy: async () => policy } });
    await store.getState().loadLayers();
    await store.getState().loadPolicy();
    store.getState().goToStep(3);
    expect(store.getState().focus?.bbox).toEqual(MUNICIPALITY.bbox);
    expect(store.getState().presentFlood).toBeNull();
    store.getState().goToStep(9);
    expect(store.getState().presentStep).toBe(3);
    store.getState().goToStep(0);
    expect(store.getState().presentStep).toBe(1);
    store.getState().stopPresentation();
    expect(store.getState().presentStep).toBeNull();
  });

  it('shows a linked step beyond the last initiative as the last one', async () => {
    const store = createAppStore({ api: fakeApi(), initial: { present: 7 } });
    await store.getState().loadLayers();
    await store.getState().loadPolicy();
    expect(store.getState().presentStep).toBe(POLICY.initiatives.length);
  });
});

describe('shownFloods', () => {
  const base = {
    presentStep: null,
    presentFlood: null,
    sidebarTab: 'layers' as const,
    climateExtent: floodExtent(3.45, 'without'),
    climateCompare: { level: 1.8, dike: 'with' as const },
    climateCompareExtent: floodExtent(1.8, 'with'),
    finderFilters: { ...DEFAULT_FINDER_FILTERS, floodLevel: 1.57 },
    floodExtent: floodExtent(1.57, 'with'),
  };

  it('shows the climate view’s scenarios while its tab is open, the finder’s filter in the finder', () => {
    expect(shownFloods({ ...base, sidebarTab: 'climate' })).toEqual({
      main: base.climateExtent,
      comparison: base.climateCompareExtent,
    });
    expect(shownFloods({ ...base, sidebarTab: 'finder' })).toEqual({ main: base.floodExtent, comparison: null });
    expect(shownFloods(base)).toEqual({ main: null, comparison: null });
  });

  it('lets the presentation win over any tab, and shows no stale scenario B', () => {
    const presentFlood = floodExtent(2.8, 'without');
    expect(shownFloods({ ...base, sidebarTab: 'climate', presentStep: 3, presentFlood })).toEqual({
      main: presentFlood,
      comparison: null,
    });
    expect(shownFloods({ ...base, sidebarTab: 'climate', climateCompare: null }).comparison).toBeNull();
  });
});

describe('affectedMeasure', () => {
  const [plot, road, station] = floodAffected(1.8, 'with').sites;

  it('gives polygons their flooded area, lines their flooded length, each with its share', () => {
    expect(affectedMeasure(plot!)).toEqual({ unit: 'm2', flooded: 5_000, share: 0.25 });
    expect(affectedMeasure(road!)).toEqual({ unit: 'm', flooded: 300, share: 0.25 });
  });

  it('calls a listed point flooded, and gives no share without a whole', () => {
    expect(affectedMeasure(station!)).toEqual({ unit: 'point' });
    expect(affectedMeasure({ ...plot!, area_m2: null })).toEqual({ unit: 'm2', flooded: 5_000, share: null });
  });
});
