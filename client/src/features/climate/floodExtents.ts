import type { DikeState } from '@shared/schemas/flood';
import type { KoegeApi } from '../../api/KoegeApi';
import { floodLevelText } from '../finder';
import type { FloodExtent } from './FloodExtent';

/** Extents kept at most: every level and dike state a session is likely to look at (about 20 KB each). */
const MAX_EXTENTS = 64;

/**
 * A consumer's turn rule, the one rule for answers that come late: each request takes a ticket, and only the
 * latest ticket's answer may land (the finder's filter, the climate view's scenarios, the presentation's step).
 */
export interface LatestOnly {
  /** A new request's ticket; `isLatest()` stays true until the next ticket is taken. */
  take(): { isLatest(): boolean };
}

export function latestOnly(): LatestOnly {
  let latest = 0;
  return {
    take() {
      const mine = ++latest;
      return { isLatest: () => mine === latest };
    },
  };
}

/** The flood extents of the browser session, by level and dike state: one cache for the finder, climate and presentation. */
export interface FloodExtents {
  /**
   * The extent of `level` (metres DVR90) with or without the dike: asked of the API once, then shared by every
   * consumer (a failure is not kept, so the next call asks again).
   */
  get(level: number, dike: DikeState): Promise<FloodExtent>;
}

export function createFloodExtents(api: Pick<KoegeApi, 'getFloodExtent'>): FloodExtents {
  const cache = new Map<string, Promise<FloodExtent>>();
  return {
    get(level, dike) {
      const key = `${floodLevelText(level)}/${dike}`;
      const cached = cache.get(key);
      if (cached !== undefined) {
        // Most recently used last, so the oldest goes first when the cache is full.
        cache.delete(key);
        cache.set(key, cached);
        return cached;
      }
      const loading = api.getFloodExtent(level, dike).catch((error: unknown) => {
        cache.delete(key);
        throw error;
      });
      cache.set(key, loading);
      if (cache.size > MAX_EXTENTS) cache.delete(cache.keys().next().value!);
      return loading;
    },
  };
}
