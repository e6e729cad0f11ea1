import type { IncomingMessage, ServerResponse } from 'node:http';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { SecurityOptions } from './config';
import { contentSecurityPolicy } from './contentSecurityPolicy';

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
 */
export const securityPlugin = fp<SecurityOptions>(
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
    await app.register(rateLimit, {
      global: false,
      ...limit,
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
