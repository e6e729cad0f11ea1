import fp from 'fastify-plugin';
import { UNSAFE_METHODS } from '../db/readRoutingPlugin';

/** How long one ban request may take before it is given up (milliseconds). */
const BAN_TIMEOUT_MS = 2000;

/**
 * Tells the tile caches in front (Varnish: ops/varnish/default.vcl; config TILE_CACHE_BAN_URLS) to drop the
 * unversioned tile URLs after a write (issue #18). Versioned URLs need nothing: a write bumps the layer's version,
 * so the next list names new URLs. With read replicas the ban waits until they show the write (or the lag limit
 * took the laggards out of the rotation), or the cache could fetch the old tile again at once. The answer to the
 * writer does not wait for it; a cache that is down is logged and skipped (its objects expire by max-age).
 */
export const tileCacheBanPlugin = fp<{ urls: string[] }>(
  async (app, { urls }) => {
    if (urls.length === 0) return;
    app.addHook('onResponse', async (request, reply) => {
      if (!UNSAFE_METHODS.has(request.method) || reply.statusCode >= 400) return;
      if (request.url.startsWith('/api/auth/')) return;
      const lsn = request.writeLsn;
      void (async () => {
        if (lsn !== null && app.readRouter) await app.readRouter.whenReplayed(lsn);
        await Promise.all(
          urls.map((url) =>
            fetch(url, { method: 'BAN', signal: AbortSignal.timeout(BAN_TIMEOUT_MS) }).then(
              (res) => {
                if (!res.ok) request.log.warn({ status: res.status }, 'tile cache refused the ban');
              },
              (err: unknown) => request.log.warn({ err }, 'tile cache ban failed'),
            ),
          ),
        );
      })();
    });
  },
  { name: 'tile-cache-ban', dependencies: ['read-routing'] },
);
