import { describe, expect, it } from 'vitest';
import type { KoegeApi } from '../../../../client/src/api/KoegeApi';
import { formatShortlistParams, parseIdList } from '../../../../client/src/features/shortlist/shortlistUrlParams';
import { DEFAULT_URL_STATE, formatUrlState, parseUrlState } from '../../../../client/src/app/urlState';
import { createAppStore, startApp } from '../../../../client/src/store/createAppStore';
import { persistShortlist } from '../../../../client/src/features/shortlist/persistShortlist';
import {
  MAX_COMPARE,
  MAX_SHORTLIST,
  mergeCompared,
  normaliseIds,
} from '../../../../client/src/features/shortlist/Shortlist';
import {
  initialShortlist,
  readStoredShortlist,
  SHORTLIST_STORAGE_KEY,
  writeStoredShortlist,
  type ShortlistStorage,
} from '../../../../client/src/features/shortlist/shortlistStorage';
import { COLLECTIONS, deepFreeze, floodAffected, floodExtent, LAYERS, plot, POLICY, siteDetail } from '../fixtures';
import { visitorWorkflowApi } from '../tenders/visitorWorkflowApi';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `kn-${String(i + 1).padStart(2, '0')}`);

/** A Storage-like object over a Map, as localStorage behaves. */
function memoryStorage(initial: Record<string, string> = {}): ShortlistStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, String(value)),
  };
}

/** Storage that throws on every call, as a blocked localStorage does. */
const blockedStorage: ShortlistStorage = {
  getItem: () => {
    throw new DOMException('blocked', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('full', 'QuotaExceededError');
  },
};

function fakeApi(): KoegeApi {
  return {
    getLayers: async () => ({ layers: [...LAYERS] }),
    getLayerFeatures: async (layerId) => COLLECTIONS[layerId]!,
    getSite: async (siteId) => siteDetail(siteId),
    getPolicy: async () => POLICY,
    getPlots: async () => ({ count: 2, plots: [plot('kn-01'), plot('kn-02')] }),
    getFloodExtent: async (level, dike) => floodExtent(level, dike),
    getFloodAffected: async (level, dike) => floodAffected(level, dike),
    getSiteFlood: async () => {
      throw new Error('not used');
    },
    ...visitorWorkflowApi(),
  };
}

describe('normaliseIds', () => {
  it('keeps ids in order, drops non-ids and duplicates, and stops at the limit', () => {
    const input = deepFreeze(['kn-02', 'KN-03', 'kn-02', '', '-x', 'a'.repeat(65), 7, null, 'kn-01', 'kn-09']);
    expect(normaliseIds({ ids: input, max: 3 })).toEqual(['kn-02', 'kn-01', 'kn-09']);
    expect(normaliseIds({ ids: input, max: 2 })).toEqual(['kn-02', 'kn-01']);
  });
});

describe('shortlist link parameters', () => {
  it('reads ids and drops garbage one by one', () => {
    expect(parseIdList('kn-01,<script>,kn-05,,KN-6,kn-01,%27', MAX_SHORTLIST)).toEqual(['kn-01', 'kn-05']);
  });

  it('is null when absent or when nothing can be read', () => {
    expect(parseIdList(null, MAX_SHORTLIST)).toBeNull();
    expect(parseIdList('', MAX_SHORTLIST)).toBeNull();
    expect(parseIdList("' OR 1=1--,../../etc", MAX_SHORTLIST)).toBeNull();
  });

  it('keeps at most 12 shortlisted and 4 compared plots', () => {
    expect(parseUrlState(`?short=${ids(20).join(',')}`).short).toEqual(ids(MAX_SHORTLIST));
    expect(parseUrlState(`?compare=${ids(9).join(',')}`).compare).toEqual(ids(MAX_COMPARE));
  });

  it('writes short= and compare= only when not empty, within the limits', () => {
    expect(formatShortlistParams({ shortlist: [], compare: [] })).toEqual([]);
    expect(formatShortlistParams({ shortlist: ids(14), compare: ids(6) })).toEqual([
      `short=${ids(12).join(',')}`,
      `compare=${ids(4).join(',')}`,
    ]);
    expect(formatShortlistParams({ shortlist: ['kn-01', 'Bad Id'], compare: [] })).toEqual(['short=kn-01']);
  });

  it('round-trips through the permalink', () => {
    const state = { ...DEFAULT_URL_STATE, tab: 'finder' as const, short: ['kn-05', 'kn-01'], compare: ['kn-01'] };
    const search = formatUrlState(state);
    expect(search).toBe('?tab=finder&short=kn-05,kn-01&compare=kn-01');
    expect(parseUrlState(search)).toEqual(state);
  });

  it('leaves the rest of a link alone when short and compare are garbage', () => {
    expect(parseUrlState('?lang=en&short=%00,!!&compare=<b>')).toEqual({ ...DEFAULT_URL_STATE, lang: 'en' });
  });
});

describe('mergeCompared', () => {
  it('puts compared plots that are missing at the end of the shortlist', () => {
    expect(mergeCompared({ shortlist: ['kn-01', 'kn-02'], compare: ['kn-02', 'kn-07'] })).toEqual({
      shortlist: ['kn-01', 'kn-02', 'kn-07'],
      compare: ['kn-02', 'kn-07'],
    });
  });

  it('drops uncompared plots from the end when the shortlist would overflow', () => {
    const merged = mergeCompared({ shortlist: ids(12), compare: ['kn-90', 'kn-91', 'kn-01'] });
    expect(merged.shortlist).toHaveLength(MAX_SHORTLIST);
    expect(merged.shortlist).toEqual([...ids(10), 'kn-90', 'kn-91']);
    expect(merged.compare).toEqual(['kn-90', 'kn-91', 'kn-01']);
  });
});

describe('shortlist in local storage', () => {
  it('reads the stored ids, dropping garbage', () => {
    const storage = memoryStorage({ [SHORTLIST_STORAGE_KEY]: JSON.stringify(['kn-03', 'bad id', 4, 'kn-03', 'kn-1']) });
    expect(readStoredShortlist(storage)).toEqual(['kn-03', 'kn-1']);
  });

  it('reads nothing from broken, foreign, missing or blocked storage', () => {
    expect(readStoredShortlist(memoryStorage({ [SHORTLIST_STORAGE_KEY]: '{not json' }))).toEqual([]);
    expect(readStoredShortlist(memoryStorage({ [SHORTLIST_STORAGE_KEY]: '{"a":1}' }))).toEqual([]);
    expect(readStoredShortlist(memoryStorage())).toEqual([]);
    expect(readStoredShortlist(blockedStorage)).toEqual([]);
    expect(readStoredShortlist(null)).toEqual([]);
  });

  it('writes a JSON array within the limit and survives a full storage', () => {
    const storage = memoryStorage();
    writeStoredShortlist(storage, ids(13));
    expect(JSON.parse(storage.data.get(SHORTLIST_STORAGE_KEY)!)).toEqual(ids(12));
    expect(() => writeStoredShortlist(blockedStorage, ['kn-01'])).not.toThrow();
  });

  it('lets the link win when it has a shortlist', () => {
    const storage = memoryStorage({ [SHORTLIST_STORAGE_KEY]: '["kn-09"]' });
    expect(initialShortlist({ fromUrl: ['kn-01', 'kn-02'], storage })).toEqual(['kn-01', 'kn-02']);
  });

  it('falls back to storage when the link has none', () => {
    const storage = memoryStorage({ [SHORTLIST_STORAGE_KEY]: '["kn-09"]' });
    expect(initialShortlist({ fromUrl: null, storage })).toEqual(['kn-09']);
    expect(initialShortlist({ fromUrl: null, storage: null })).toEqual([]);
  });
});

describe('shortlist in the store', () => {
  it('toggles plots and stops at 12', () => {
    const store = createAppStore({ api: fakeApi() });
    for (const id of ids(13)) store.getState().toggleShortlist(id);
    expect(store.getState().shortlist).toEqual(ids(12));
    store.getState().toggleShortlist('kn-03');
    expect(store.getState().shortlist).not.toContain('kn-03');
  });

  it('ticks at most four shortlisted plots for the comparison, and only shortlisted ones', () => {
    const store = createAppStore({ api: fakeApi(), initial: { short: ids(6) } });
    store.getState().toggleCompare('kn-99');
    for (const id of ids(6)) store.getState().toggleCompare(id);
    expect(store.getState().compareIds).toEqual(ids(4));
  });

  it('takes a removed plot out of the comparison and closes it when none is left', () => {
    const store = createAppStore({ api: fakeApi(), initial: { short: ['kn-01'], compare: ['kn-01'] } });
    expect(store.getState().compareOpen).toBe(true);
    store.getState().toggleShortlist('kn-01');
    expect(store.getState().compareIds).toEqual([]);
    expect(store.getState().compareOpen).toBe(false);
  });

  it('opens a linked comparison with the compared plots shortlisted and loads every plot', async () => {
    const store = createAppStore({ api: fakeApi(), initial: { short: ['kn-02'], compare: ['kn-01', 'kn-02'] } });
    expect(store.getState().shortlist).toEqual(['kn-02', 'kn-01']);
    startApp(store);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState().allPlotsStatus).toBe('ready');
    expect(store.getState().allPlots.map((p) => p.id)).toEqual(['kn-01', 'kn-02']);
  });

  it('copies every change of the shortlist to storage', () => {
    const store = createAppStore({ api: fakeApi() });
    const storage = memoryStorage();
    persistShortlist(store, storage);
    store.getState().toggleShortlist('kn-01');
    store.getState().toggleShortlist('kn-02');
    expect(storage.data.get(SHORTLIST_STORAGE_KEY)).toBe('["kn-01","kn-02"]');
  });
});
