import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import type { Queryable } from './queryable';
import { formatLsn, laterLsn, MAX_LSN, parseLsn } from './lsn';

/** Carries the write position of the session's last write between instances (issue #18). */
export const WRITE_LSN_COOKIE = 'koege_lsn';

export const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    /** Where this request's reads go: a replica that already shows this session's writes, else the primary. */
    reads: Queryable;
    /** The primary's WAL position after this request's write; null when it wrote nothing or it is unknown. */
    writeLsn: bigint | null;
    /**
     * The WAL position this request's reads must show (from the `koege_lsn` cookie): null when any replica will
     * do, `MAX_LSN` when only the primary will.
     */
    readLsn: bigint | null;
    /**
     * Where a read goes that must also show what the app wrote up to `lsn` on its own account (a flood extent
     * stored a moment ago; issue #18): a replica that has replayed both that and this session's writes, else the
     * primary. `readsAfter(null)` is `reads`.
     */
    readsAfter(lsn: bigint | null): Queryable;
  }
}

/**
 * Read-your-writes across replicas and instances (issue #18). After a successful write the primary's WAL position
 * (`pg_current_wal_lsn()`, taken after the commit, so at or past the write) goes to the browser in a cookie; while
 * it lives, that browser's reads go only to replicas that have replayed it (`pg_last_wal_replay_lsn()`), else to
 * the primary. The cookie, not this process, holds it, so the next request may reach any instance behind the load
 * balancer. When the position cannot be read (the primary went away just after the write), the cookie says
 * "primary" and the session reads from the primary until it expires. Without replicas this plugin does nothing.
 */
export const readRoutingPlugin = fp(
  async (app) => {
    app.decorateRequest('reads', null as unknown as Queryable);
    app.decorateRequest('writeLsn', null);
    app.decorateRequest('readLsn', null);
    const router = app.readRouter;
    if (!router) {
      app.decorateRequest('readsAfter', () => app.pg.pool);
      app.addHook('onRequest', async (request) => {
        request.reads = app.pg.pool;
      });
      return;
    }
    app.decorateRequest('readsAfter', function readsAfter(this: FastifyRequest, lsn: bigint | null) {
      if (lsn === null) return this.reads;
      const at = laterLsn(this.readLsn, lsn)!;
      return at === MAX_LSN ? app.pg.pool : router.reader(at);
    });
    const maxAge = router.readYourWritesSeconds;
    app.addHook('onRequest', async (request) => {
      const mark = request.cookies[WRITE_LSN_COOKIE];
      request.readLsn = mark === undefined ? null : mark === 'primary' ? MAX_LSN : (parseLsn(mark) ?? MAX_LSN);
      if (request.readLsn === null) request.reads = router.any;
      else if (request.readLsn === MAX_LSN) request.reads = app.pg.pool;
      else request.reads = router.reader(request.readLsn);
    });
    app.addHook('onSend', async (request: FastifyRequest, reply, payload) => {
      if (!UNSAFE_METHODS.has(request.method) || reply.statusCode >= 400) return payload;
      let mark = 'primary';
      try {
        const { rows } = await app.pg.pool.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
        const lsn = parseLsn(rows[0]?.lsn);
        if (lsn !== null) mark = formatLsn(lsn);
        request.writeLsn = lsn;
      } catch {
        // Keep 'primary': this session reads from the primary until the cookie expires.
      }
      reply.setCookie(WRITE_LSN_COOKIE, mark, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure: request.protocol === 'https',
        maxAge,
      });
      return payload;
    });
  },
  { name: 'read-routing', dependencies: ['db', 'auth'] },
);
