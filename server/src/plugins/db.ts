import fp from 'fastify-plugin';
import fastifyPostgres from '@fastify/postgres';

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
    await app.register(fastifyPostgres, { connectionString: opts.connectionString, max: opts.poolSize });
    app.decorate('engine', opts.engine);
  },
  { name: 'db' },
);
