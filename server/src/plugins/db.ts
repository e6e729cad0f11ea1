import fp from 'fastify-plugin';
import fastifyPostgres from '@fastify/postgres';

/** How long a request waits for a database connection before it is answered with 503 (milliseconds). */
export const CONNECT_TIMEOUT_MS = 3000;

export type EngineKind = 'postgis' | 'pglite';

export interface DbOptions {
  connectionString: string;
  engine: EngineKind;
  /** Pool size; 1 on the embedded engine, which is a single session. */
  poolSize: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    engine: EngineKind;
  }
}

/** The one `pg` pool for both engines (`app.pg`), and which engine is behind it. */
export const dbPlugin = fp<DbOptions>(
  async (app, opts) => {
    await app.register(fastifyPostgres, {
      connectionString: opts.connectionString,
      max: opts.poolSize,
      // Without a bound, a request waits forever for a connection while the database is gone (issue #8).
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    // An idle connection dies when the database restarts; pg reports that on the pool, and an unheard 'error'
    // event would end the process. The pool drops the connection and opens a new one on the next query.
    app.pg.pool.on('error', (error) => app.log.warn({ err: error }, 'idle database connection lost'));
    app.decorate('engine', opts.engine);
  },
  { name: 'db' },
);
