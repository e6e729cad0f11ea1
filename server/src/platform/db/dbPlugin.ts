import fp from 'fastify-plugin';
import fastifyPostgres from '@fastify/postgres';
import pg from 'pg';
import type { CostLimits } from '../cost';
import type { Queryable } from './queryable';
import { ReadRouter, type ReplicaOptions } from './readRouter';

/** How long a request waits for a database connection before it is answered with 503 (milliseconds). */
export const CONNECT_TIMEOUT_MS = 3000;

export type EngineKind = 'postgis' | 'pglite';

export interface DbOptions {
  connectionString: string;
  engine: EngineKind;
  /** Pool size; 1 on the embedded engine, which is a single session. */
  poolSize: number;
  /** Streaming replicas for reads (PostgreSQL only; issue #18); none: everything on the primary. */
  replicas?: ReplicaOptions;
}

declare module 'fastify' {
  interface FastifyInstance {
    engine: EngineKind;
    /** The pool of the expensive routes (see plugins/cost.ts); the app's own pool on the embedded engine. */
    heavyPg: pg.Pool;
    /** Reads that need no particular write (tiles): a replica in rotation, else the primary. */
    reads: Queryable;
    /** The replicas' router, or null when every read goes to the primary. */
    readRouter: ReadRouter | null;
  }
}

/** Connections the expensive routes' pool keeps beyond their budgets, for planners' saves (which validate). */
const HEAVY_POOL_SPARE = 2;

/**
 * The `pg` pool for both engines (`app.pg`), a second pool for the expensive routes (`app.heavyPg`), and which
 * engine is behind them. On PostgreSQL every statement has a deadline (issue #19): `statementTimeoutMs` on the
 * app's pool, `anonymousMs` by default on the expensive one, where routes set their own per transaction; no
 * session may sit idle in a transaction past `idleInTransactionTimeoutMs`. The embedded engine ignores both
 * settings (it is one session, in this process) and shares its one connection.
 */
export const dbPlugin = fp<DbOptions & { limits: CostLimits; heavyPoolSize: number }>(
  async (app, opts) => {
    const deadlines =
      opts.engine === 'postgis'
        ? {
            statement_timeout: opts.limits.statementTimeoutMs,
            idle_in_transaction_session_timeout: opts.limits.idleInTransactionTimeoutMs,
          }
        : {};
    await app.register(fastifyPostgres, {
      connectionString: opts.connectionString,
      max: opts.poolSize,
      // Without a bound, a request waits forever for a connection while the database is gone (issue #8).
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      ...deadlines,
    });
    // An idle connection dies when the database restarts; pg reports that on the pool, and an unheard 'error'
    // event would end the process. The pool drops the connection and opens a new one on the next query.
    app.pg.pool.on('error', (error) => app.log.warn({ err: error }, 'idle database connection lost'));
    app.decorate('engine', opts.engine);
    if (opts.engine === 'pglite') {
      app.decorate('heavyPg', app.pg.pool);
      app.decorate('readRouter', null);
      app.decorate('reads', app.pg.pool);
      return;
    }
    const heavyOptions: pg.PoolConfig = {
      max: opts.heavyPoolSize + HEAVY_POOL_SPARE,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      ...deadlines,
      statement_timeout: opts.limits.anonymousMs,
    };
    const replicas = opts.replicas?.urls.length ? opts.replicas : null;
    const router = replicas
      ? new ReadRouter(
          app.pg.pool,
          replicas,
          { max: opts.poolSize, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, ...deadlines },
          (message, replica) => app.log.warn({ replica }, message),
          // The expensive reads' own pool on each replica, as on the primary: with their deadlines and budgets.
          { ...heavyOptions, max: opts.heavyPoolSize },
        )
      : null;
    if (router) {
      await router.start();
      app.addHook('onClose', () => router.close());
    }
    app.decorate('readRouter', router);
    app.decorate('reads', router ? router.any : app.pg.pool);
    const heavy = new pg.Pool({ ...heavyOptions, connectionString: opts.connectionString });
    heavy.on('error', (error) => app.log.warn({ err: error }, 'idle database connection lost (expensive pool)'));
    app.decorate('heavyPg', heavy);
    app.addHook('onClose', () => heavy.end());
  },
  { name: 'db' },
);
