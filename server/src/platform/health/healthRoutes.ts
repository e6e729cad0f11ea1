import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { NoQuery, Problem } from '@shared/schemas/common';
import { HttpProblem, RETRY_AFTER_SECONDS } from '../errors';

const Health = Type.Object({
  status: Type.Literal('ok'),
  engine: Type.Union([Type.Literal('postgis'), Type.Literal('pglite')]),
  postgis: Type.String(),
});

/** How long readiness waits for the database before saying "not ready" (milliseconds). */
const READY_TIMEOUT_MS = 1000;

/**
 * Health for load balancers and orchestrators (issue #8): `live` says the process answers (restart it if not),
 * `ready` says it can serve, that is, the database answers (send it no traffic if not). Neither needs a login.
 */
export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const databaseVersion = async (): Promise<string> => {
    const { rows } = await app.pg.query<{ v: string }>('SELECT postgis_lib_version() AS v');
    return rows[0]?.v ?? 'unknown';
  };

  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Database check with the engine and PostGIS version',
        querystring: NoQuery,
        response: { 200: Health, 400: Problem, 503: Problem },
      },
    },
    async () => ({ status: 'ok' as const, engine: app.engine, postgis: await databaseVersion() }),
  );

  app.get(
    '/health/live',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness: the process answers (no database involved)',
        querystring: NoQuery,
        response: { 200: Type.Object({ status: Type.Literal('live') }), 400: Problem },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return { status: 'live' as const };
    },
  );

  app.get(
    '/health/ready',
    {
      schema: {
        tags: ['health'],
        summary: 'Readiness: the database answers within a second; 503 with Retry-After when not',
        querystring: NoQuery,
        response: { 200: Health, 400: Problem, 503: Problem },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), READY_TIMEOUT_MS);
      });
      try {
        const postgis = await Promise.race([databaseVersion(), timeout]);
        return { status: 'ok' as const, engine: app.engine, postgis };
      } catch {
        reply.header('retry-after', String(RETRY_AFTER_SECONDS));
        throw new HttpProblem(503, 'Not ready', 'The database does not answer.');
      } finally {
        clearTimeout(timer);
      }
    },
  );
};
