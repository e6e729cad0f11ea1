import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';

/** The hits counted in the key's current window, and the milliseconds until that window ends. */
interface Hits {
  current: number;
  ttl: number;
}

/**
 * How long a hit may wait for the database before this instance counts it in memory (milliseconds): a write or an
 * expensive read must not wait for the pool's connect timeout while the primary is away (issue #18: reads go on
 * from the replicas then).
 */
export const SHARED_COUNT_TIMEOUT_MS = 500;

/**
 * After a count the database did not answer, how long the instance counts in memory before it asks the database
 * again (milliseconds): during an outage one request in this time waits up to {@link SHARED_COUNT_TIMEOUT_MS}, not
 * every one.
 */
export const SHARED_COUNT_RETRY_MS = 5000;

/** Every this many hits, an instance deletes the windows that ended long ago. */
const PRUNE_EVERY = 500;

/**
 * One fixed window per key on the database's clock, so every instance agrees on where windows start. The table is
 * UNLOGGED (migration 014): counters write no WAL, never reach the replicas and never hold them back.
 */
const COUNT_SQL = `
  INSERT INTO rate_limit_hit AS h (key_hash, window_start, hits)
  VALUES ($1, to_timestamp(floor(extract(epoch FROM now()) * 1000 / $2) * $2 / 1000), 1)
  ON CONFLICT (key_hash, window_start) DO UPDATE SET hits = h.hits + 1
  RETURNING hits, (extract(epoch FROM h.window_start) * 1000 + $2 - extract(epoch FROM now()) * 1000)::float8 AS ttl`;

const PRUNE_SQL = `DELETE FROM rate_limit_hit WHERE window_start < now() - interval '1 hour'`;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** The in-memory count of one instance: what the limit falls back to while the database does not answer. */
class MemoryWindows {
  private readonly windows = new Map<string, { start: number; hits: number }>();

  incr(key: string, timeWindow: number): Hits {
    const now = Date.now();
    const start = Math.floor(now / timeWindow) * timeWindow;
    let w = this.windows.get(key);
    if (!w || w.start !== start) {
      if (this.windows.size > 10_000) {
        for (const [k, v] of this.windows) if (v.start !== start) this.windows.delete(k);
      }
      w = { start, hits: 0 };
      this.windows.set(key, w);
    }
    w.hits++;
    return { current: w.hits, ttl: start + timeWindow - now };
  }
}

/**
 * A @fastify/rate-limit store that counts in the database (issue #18), so that several app instances behind a load
 * balancer share one limit per client instead of each allowing it. One upsert per counted request (writes and
 * expensive GETs only; tiles and cheap reads are not counted). While the database does not answer within
 * {@link SHARED_COUNT_TIMEOUT_MS}, each instance counts in memory, as it did before, for the next
 * {@link SHARED_COUNT_RETRY_MS}, and `onFallback` hears why.
 */
export function sharedRateLimitStore(pool: () => Pick<pg.Pool, 'query'>, onFallback: (error: Error) => void) {
  const memory = new MemoryWindows();
  let hits = 0;
  let inMemoryUntil = 0;
  const digest = (key: string) => createHash('sha256').update(key).digest();

  const store = (prefix: string): FastifyRateLimitStore => ({
    incr(key, callback, timeWindow) {
      const scoped = `${prefix}${key}`;
      if (performance.now() < inMemoryUntil) {
        callback(null, memory.incr(scoped, timeWindow));
        return;
      }
      const db = pool();
      if (++hits % PRUNE_EVERY === 0) void db.query(PRUNE_SQL).catch(() => undefined);
      withTimeout(
        db.query<{ hits: number; ttl: number }>(COUNT_SQL, [digest(scoped), timeWindow]),
        SHARED_COUNT_TIMEOUT_MS,
      ).then(
        ({ rows }) => callback(null, { current: rows[0]!.hits, ttl: Math.max(0, Math.ceil(rows[0]!.ttl)) }),
        (error: unknown) => {
          inMemoryUntil = performance.now() + SHARED_COUNT_RETRY_MS;
          onFallback(error instanceof Error ? error : new Error(String(error)));
          callback(null, memory.incr(scoped, timeWindow));
        },
      );
    },
    child(options) {
      // The plugin hands over its merged parameters with the route under `routeInfo` (its types say the route).
      const routeInfo = (options as unknown as { routeInfo: { method?: unknown; url?: unknown } }).routeInfo;
      return store(`${prefix}${String(routeInfo.method)} ${String(routeInfo.url)}\u0000`);
    },
  });

  /** @fastify/rate-limit makes the root store with `new`; each route's limit gets a child keyed by its route. */
  return class SharedRateLimitStore {
    constructor() {
      return store('');
    }
  } as unknown as FastifyRateLimitStoreCtor;
}
