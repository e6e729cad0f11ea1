import pg from 'pg';
import type { Queryable } from './queryable';
import { isDatabaseUnavailable } from './isDatabaseUnavailable';
import { parseLsn } from './lsn';

/** The read replicas and how they are trusted (config DATABASE_READ_URL, REPLICA_MAX_LAG_MS, …; issue #18). */
export interface ReplicaOptions {
  urls: string[];
  /** A replica further behind the primary than this (milliseconds of unreplayed writes) leaves the rotation. */
  maxLagMs: number;
  /** How often each replica's replay position and the primary's write position are read (milliseconds). */
  checkMs: number;
  /** How long after a write its session reads only where that write is visible (seconds; the cookie's life). */
  readYourWritesSeconds: number;
}

/** What health and the logs see of one replica; never its URL, which may hold a password. */
export interface ReplicaStatus {
  name: string;
  inRotation: boolean;
  /** Why not: 'down' (no answer), 'lagging', 'not a standby', or null. */
  reason: string | null;
  lagMs: number | null;
}

interface Replica {
  name: string;
  pool: pg.Pool;
  /** The replica's pool of the expensive reads (OGC bbox pages, exports), apart from the cheap reads' pool. */
  heavy: pg.Pool;
  up: boolean;
  standby: boolean;
  replayLsn: bigint | null;
  lagMs: number | null;
}

type QueryFn = pg.Pool['query'];

/** How long one health check may take before the replica counts as down (milliseconds). */
const CHECK_TIMEOUT_MS = 1000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Connection terminated: no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Sends reads to streaming replicas and everything else to the primary (issue #18). A replica is in the rotation
 * while it answers, is in recovery, and has replayed every write the primary made more than `maxLagMs` ago; the
 * lag is measured from the primary's WAL positions sampled every `checkMs`, so an idle primary never makes a
 * replica look late. A read that finds its replica gone is retried once on the primary.
 *
 * `reader(minLsn)` gives a session that wrote a read side that shows its write: only replicas that have replayed
 * `minLsn`, else the primary.
 */
export class ReadRouter {
  private readonly replicas: Replica[];
  /** The primary's write positions, oldest first, over the last few lag limits. */
  private samples: { at: number; lsn: bigint }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private next = 0;
  /** Reads that need no particular write: tiles, anonymous lists. */
  readonly any: Queryable;

  constructor(
    private readonly primary: pg.Pool,
    private readonly options: ReplicaOptions,
    poolOptions: pg.PoolConfig,
    private readonly log: (message: string, replica: string) => void,
    /** The settings of each replica's expensive-read pool (as the primary's `heavyPg`); by default `poolOptions`. */
    heavyPoolOptions: pg.PoolConfig = poolOptions,
  ) {
    this.replicas = options.urls.map((url, i) => {
      const pool = new pg.Pool({ ...poolOptions, connectionString: url });
      const heavy = new pg.Pool({ ...heavyPoolOptions, connectionString: url });
      const name = `replica ${i + 1} (${new URL(url).host})`;
      // As on the primary's pool: an idle connection lost to a replica restart must not end the process.
      pool.on('error', () => undefined);
      heavy.on('error', () => undefined);
      return { name, pool, heavy, up: false, standby: false, replayLsn: null, lagMs: null };
    });
    this.any = this.reader(null);
  }

  get readYourWritesSeconds(): number {
    return this.options.readYourWritesSeconds;
  }

  /** Checks every replica once, then keeps checking every `checkMs` until `close()`. */
  async start(): Promise<void> {
    await this.check();
    this.timer = setInterval(() => void this.check(), this.options.checkMs);
    this.timer.unref();
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.all(this.replicas.flatMap((r) => [r.pool.end(), r.heavy.end()]));
  }

  status(): ReplicaStatus[] {
    return this.replicas.map((r) => {
      const reason = this.whyNot(r);
      return { name: r.name, inRotation: reason === null, reason, lagMs: r.lagMs };
    });
  }

  /**
   * Resolves once every replica in rotation has replayed `lsn`, or after the lag limit (when a replica still
   * behind has left the rotation): then a read anywhere shows the write. Answers true when they all had it.
   */
  async whenReplayed(lsn: bigint): Promise<boolean> {
    const deadline = performance.now() + this.options.maxLagMs + 2 * this.options.checkMs;
    for (;;) {
      const behind = this.replicas.some((r) => this.whyNot(r) === null && (r.replayLsn === null || r.replayLsn < lsn));
      if (!behind) return true;
      if (performance.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, this.options.checkMs));
    }
  }

  /** A read side for requests that must see every write up to `minLsn` (null: any replica in rotation will do). */
  reader(minLsn: bigint | null): Queryable {
    const query = ((...args: Parameters<QueryFn>) => {
      const replica = this.pick(minLsn);
      if (!replica) return (this.primary.query as (...a: unknown[]) => unknown)(...args);
      return (replica.pool.query as (...a: unknown[]) => Promise<unknown>)(...args).catch((err: unknown) => {
        // A standby may cancel a read that conflicts with the WAL it replays (40001): the primary has no such
        // conflict, and the replica stays in rotation.
        if ((err as { code?: unknown }).code === '40001') {
          return (this.primary.query as (...a: unknown[]) => unknown)(...args);
        }
        if (!isDatabaseUnavailable(err)) throw err;
        this.markDown(replica, err);
        return (this.primary.query as (...a: unknown[]) => unknown)(...args);
      });
      // pg's query is a set of overloads (callbacks, configs, arrays); this forwards any of them unchanged.
    }) as unknown as QueryFn;
    return { query };
  }

  /**
   * Runs an expensive read (`run` checks out a connection of the pool it is given, as `withDeadline` does) on the
   * expensive-read pool of a replica that has replayed `minLsn`, else on `primary`. A replica found gone, or one
   * that cancels the read for a replay conflict (40001), hands the whole read to the primary: it wrote nothing.
   */
  async runHeavy<T>(
    minLsn: bigint | null,
    primary: pg.Pool,
    run: (pool: Pick<pg.Pool, 'connect'>) => Promise<T>,
  ): Promise<T> {
    const replica = this.pick(minLsn);
    if (!replica) return run(primary);
    try {
      return await run(replica.heavy);
    } catch (err) {
      if ((err as { code?: unknown }).code === '40001') return run(primary);
      if (!isDatabaseUnavailable(err)) throw err;
      this.markDown(replica, err);
      return run(primary);
    }
  }

  private whyNot(r: Replica): string | null {
    if (!r.up) return 'down';
    if (!r.standby) return 'not a standby';
    if (r.lagMs === null || r.lagMs > this.options.maxLagMs) return 'lagging';
    return null;
  }

  /** The next replica in rotation (round robin) that has replayed `minLsn`; null: read from the primary. */
  private pick(minLsn: bigint | null): Replica | null {
    const n = this.replicas.length;
    for (let i = 0; i < n; i++) {
      const r = this.replicas[(this.next + i) % n]!;
      if (this.whyNot(r) !== null) continue;
      if (minLsn !== null && (r.replayLsn === null || r.replayLsn < minLsn)) continue;
      this.next = (this.next + i + 1) % n;
      return r;
    }
    return null;
  }

  private markDown(r: Replica, err: unknown): void {
    if (r.up) this.log(`out of rotation: ${err instanceof Error ? err.message : String(err)}`, r.name);
    r.up = false;
  }

  private async check(): Promise<void> {
    const now = performance.now();
    try {
      const { rows } = await withTimeout(
        this.primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn'),
        CHECK_TIMEOUT_MS,
      );
      const lsn = parseLsn(rows[0]?.lsn);
      if (lsn !== null && (this.samples.length === 0 || lsn > this.samples.at(-1)!.lsn)) {
        this.samples.push({ at: now, lsn });
      }
    } catch {
      // The primary is down: no new writes to wait for, so the replicas' lag stops growing (reads go on there).
    }
    const keep = now - 4 * this.options.maxLagMs - 4 * this.options.checkMs;
    while (this.samples.length > 1 && this.samples[1]!.at < keep) this.samples.shift();
    await Promise.all(this.replicas.map((r) => this.checkReplica(r, now)));
  }

  private async checkReplica(r: Replica, now: number): Promise<void> {
    const before = this.whyNot(r);
    try {
      const { rows } = await withTimeout(
        r.pool.query<{ standby: boolean; lsn: string | null }>(
          'SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS lsn',
        ),
        CHECK_TIMEOUT_MS,
      );
      r.up = true;
      r.standby = rows[0]!.standby;
      r.replayLsn = parseLsn(rows[0]!.lsn);
      r.lagMs = this.lagOf(r.replayLsn, now);
    } catch (err) {
      r.up = false;
      r.lagMs = null;
      if (before === null) this.log(`out of rotation: ${(err as Error).message}`, r.name);
      return;
    }
    const after = this.whyNot(r);
    if (before !== after) {
      this.log(after === null ? 'in rotation' : `out of rotation: ${after} (lag ${r.lagMs} ms)`, r.name);
    }
  }

  /** Milliseconds since the oldest primary position the replica has not replayed was written; 0 when none. */
  private lagOf(replayLsn: bigint | null, now: number): number | null {
    if (replayLsn === null) return null;
    const first = this.samples.find((s) => s.lsn > replayLsn);
    return first ? Math.round(now - first.at) : 0;
  }
}
