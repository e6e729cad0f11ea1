import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../client/src/api/ApiError';
import type { KoegeApi } from '../../../../client/src/api/KoegeApi';
import { CLIMATE_DEBOUNCE_MS } from '../../../../client/src/features/climate/climateSlice';
import { createAppStore } from '../../../../client/src/store/createAppStore';
import type { DikeState } from '@shared/schemas/flood';
import { COLLECTIONS, floodAffected, floodExtent, LAYERS, POLICY, siteDetail } from '../fixtures';
import { visitorWorkflowApi } from '../tenders/visitorWorkflowApi';

/** A fake of the HTTP edge that records the flood requests it was asked for ("1.8/with"). */
function fakeApi(overrides: Partial<KoegeApi> = {}) {
  const asked: string[] = [];
  const api: KoegeApi = {
    getLayers: async () => ({ layers: [...LAYERS] }),
    getLayerFeatures: async (layerId) => {
      const found = COLLECTIONS[layerId];
      if (!found) throw new ApiError({ status: 404, title: 'Not Found' });
      return found;
    },
    getSite: async (siteId) => siteDetail(siteId),
    getPolicy: async () => POLICY,
    getPlots: async () => ({ count: 0, plots: [] }),
    getFloodExtent: async (level: number, dike: DikeState) => {
      asked.push(`${level}/${dike}`);
      return floodExtent(level, dike);
    },
    getFloodAffected: async (level: number, dike: DikeState) => floodAffected(level, dike),
    getSiteFlood: async () => {
      throw new ApiError({ status: 404, title: 'Not Found' });
    },
    ...visitorWorkflowApi(),
    ...overrides,
  };
  return { api, asked };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.useRealTimers();
});

describe('climate slice', () => {
  it('loads the flood and what it reaches for the linked scenario', async () => {
    const { api } = fakeApi();
    const store = createAppStore({ api, initial: { tab: 'climate', climate: { level: 2.3, dike: 'without' } } });
    await store.getState().loadClimate();
    const state = store.getState();
    expect(state.climateStatus).toBe('ready');
    expect(state.climateExtent?.properties).toMatchObject({ level_m: 2.3, dike: 'without' });
    expect(state.climateAffected?.count).toBe(3);
    expect(state.climateCompareExtent).toBeNull();
  });

  it('asks once for a burst of slider moves, after the slider rests', async () => {
    vi.useFakeTimers();
    const { api, asked } = fakeApi();
    const store = createAppStore({ api });
    for (const level of [1.85, 1.9, 1.95]) store.getState().setClimate({ level }, { debounce: true });
    expect(store.getState().climate.level).toBe(1.95);
    await vi.advanceTimersByTimeAsync(CLIMATE_DEBOUNCE_MS - 1);
    expect(asked).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(asked).toEqual(['1.95/with']);
  });

  it('keeps the level within 0–4 m at whole centimetres', () => {
    const { api } = fakeApi();
    const store = createAppStore({ api });
    store.getState().setClimate({ level: 5 });
    expect(store.getState().climate.level).toBe(4);
    store.getState().setClimate({ level: 1.8500000000000003 });
    expect(store.getState().climate.level).toBe(1.85);
  });

  it('drops a slower answer for an older scenario and aborts its affected-list request', async () => {
    const signals: AbortSignal[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { api } = fakeApi({
      getFloodExtent: async (level, dike) => {
        if (level === 1.8) await gate;
        return floodExtent(level, dike);
      },
      getFloodAffected: async (level, dike, options) => {
        if (options?.signal) signals.push(options.signal);
        return floodAffected(level, dike);
      },
    });
    const store = createAppStore({ api });
    const first = store.getState().loadClimate();
    store.getState().setClimate({ level: 2.8 });
    await flush();
    expect(store.getState().climateExtent?.properties.level_m).toBe(2.8);
    expect(signals[0]?.aborted).toBe(true);
    release();
    await first;
    expect(store.getState().climateExtent?.properties.level_m).toBe(2.8);
    expect(store.getState().climateStatus).toBe('ready');
  });

  it('shares one flood-extent cache with the finder and the presentation: a level and dike state is asked once', async () => {
    const { api, asked } = fakeApi();
    const store = createAppStore({ api });
    store.getState().setClimate({ level: 1.8, dike: 'with' });
    await store.getState().loadClimate();
    store.setState({ finderFilters: { ...store.getState().finderFilters, floodLevel: 1.8, floodDike: 'with' } });
    await store.getState().loadFloodExtent();
    expect(store.getState().floodExtent?.properties).toMatchObject({ level_m: 1.8, dike: 'with' });
    expect(asked.filter((key) => key === '1.8/with')).toEqual(['1.8/with']);
  });

  it('loads scenario B with A and forgets it when the comparison is turned off', async () => {
    const { api } = fakeApi();
    const store = createAppStore({ api });
    store.getState().setClimateCompare({ level: 3.45, dike: 'without' });
    await flush();
    expect(store.getState().climateCompareExtent?.properties).toMatchObject({ level_m: 3.45, dike: 'without' });
    store.getState().setClimateCompare(null);
    expect(store.getState().climateCompareExtent).toBeNull();
  });

  it('reports a failure with its message', async () => {
    const { api } = fakeApi({
      getFloodAffected: async () => {
        throw new ApiError({ status: 500, title: 'Internal Server Error' });
      },
    });
    const store = createAppStore({ api });
    await store.getState().loadClimate();
    expect(store.getState().climateStatus).toBe('error');
    expect(store.getState().climateError).toContain('Internal Server Error');
  });
});
