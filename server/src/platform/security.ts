import type { IncomingMessage, ServerResponse } from 'node:http';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type pg from 'pg';
import type { SecurityOptions } from './config';
import { contentSecurityPolicy } from './contentSecurityPolicy';
import { sharedRateLimitStore } from './http/sharedRateLimitStore';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The headers helmet sets, worked out once. The policy has no per-request nonce, so every answer gets the same
 * set; @fastify/helmet rebuilt helmet (parsing the whole policy) on every request, tiles included (issue #3).
 */
export function helmetHeaders(options: HelmetOptions): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return Object.freeze(headers);
}

/**
 * Security headers with a Content-Security-Policy that admits no inline script, CORS closed unless origins are
 * configured, and a per-client limit on writes (issue #8). Logins have their own, database-backed limit.
 * With `sharedRateLimits` (the pool of the primary, on PostgreSQL) the write and expensive-GET limits are counted
 * in the database, so every instance behind a load balancer counts the same hits (issue #18); without it (the
 * embedded engine, one process) in memory.
 */
export const securityPlugin = fp<SecurityOptions & { sharedRateLimits?: () => Pick<pg.Pool, 'query'> }>(
  async (app, opts) => {
    const securityHeaders = helmetHeaders({
      contentSecurityPolicy: contentSecurityPolicy(opts.extraMapOrigins),
      // Basemap tiles from another origin carry no CORP header; requiring it would blank the map.
      crossOriginEmbedderPolicy: false,
    });
    // HSTS only where it means something: RFC 6797 §7.2 tells browsers to ignore it over plain http, and a
    // development server or a proxy's plain hop should not claim HTTPS. request.protocol follows TRUST_PROXY.
    const { 'strict-transport-security': hsts, ...everywhere } = securityHeaders;
    app.addHook('onRequest', (request, reply, done) => {
      reply.headers(everywhere);
      if (hsts !== undefined && request.protocol === 'https') reply.header('strict-transport-security', hsts);
      done();
    });
    // Closed CORS needs no hook at all: tiles and the other reads pay nothing for it.
    if (opts.corsOrigins.length > 0) {
      await app.register(cors, { origin: opts.corsOrigins, credentials: false, methods: ['GET', 'HEAD'], maxAge: 600 });
    }
    // The write limit is hooked onto write routes only (marked as they are added), not onto every tile request;
    // GETs with a cost budget (issue #19: OGC bbox queries, exports, flood levels) get the expensive limit.
    const limit = { max: opts.writesPerMinute, timeWindow: 60_000 };
    const expensiveLimit = { max: opts.expensiveGetsPerMinute, timeWindow: 60_000 };
    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      if (methods.some((m) => WRITE_METHODS.has(m))) route.config = { ...route.config, rateLimit: limit };
      else if (route.config?.budget) route.config = { ...route.config, rateLimit: expensiveLimit };
    });
    let warnedAt = Number.NEGATIVE_INFINITY;
    const store = opts.sharedRateLimits
      ? sharedRateLimitStore(opts.sharedRateLimits, (err) => {
          // At most once a minute: every counted request of an outage lands here.
          if (performance.now() - warnedAt < 60_000) return;
          warnedAt = performance.now();
          app.log.warn({ err }, 'rate limits counted per instance: the database does not answer');
        })
      : undefined;
    await app.register(rateLimit, {
      global: false,
      ...limit,
      ...(store ? { store } : {}),
      errorResponseBuilder: (_request, context) =>
        Object.assign(
          new Error(
            context.max === opts.writesPerMinute
              ? `Too many changes: at most ${context.max} per minute. Try again shortly.`
              : `Too many expensive requests: at most ${context.max} per minute. Try again shortly.`,
          ),
          { statusCode: 429 },
        ),
    });
  },
  { name: 'security', dependencies: ['errors'] },
);
