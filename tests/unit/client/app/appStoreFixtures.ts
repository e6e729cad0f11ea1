import { ApiError } from '../../../../client/src/api/ApiError';
import type { KoegeApi } from '../../../../client/src/api/KoegeApi';
import type { Plot } from '@shared/schemas/plot';
import { COLLECTIONS, floodAffected, floodExtent, LAYERS, plot, POLICY, siteDetail } from '../fixtures';
import { visitorWorkflowApi } from '../tenders/visitorWorkflowApi';

// A fake of the HTTP edge for the store's tests (mock only at the edge).

export const PLOTS = [plot('kn-1'), plot('kn-2')];

/** A fake of the HTTP edge (the only thing mocked), answering from the fixtures. */
export function fakeApi(overrides: Partial<KoegeApi> = {}): KoegeApi {
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

/**
 * A getPlots that records the query of every call and answers with `answer(query)` (the two PLOTS unless
 * told otherwise), for the finder's tests: `fakeApi({ getPlots })`, then look at `queries`.
 */
export function recordingPlots(answer: (query: string) => Plot[] = () => [...PLOTS]) {
  const queries: string[] = [];
  const getPlots: KoegeApi['getPlots'] = async (query) => {
    queries.push(query);
    const plots = answer(query);
    return { count: plots.length, plots };
  };
  return { queries, getPlots };
}

/** A promise with its resolve function exposed, to order concurrent answers. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
