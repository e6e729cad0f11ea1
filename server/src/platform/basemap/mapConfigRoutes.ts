import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NoQuery, Problem } from '@shared/schemas/common';
import { MapConfig, type Basemap } from '@shared/schemas/mapConfig';

/**
 * The map's run-time settings (issue #16): the online basemap read from the environment at start, so that a new
 * basemap needs a restart, never a rebuild. It hands out only what the browser fetches itself.
 */
export const mapConfigRoutes: FastifyPluginAsyncTypebox<{ basemap: Basemap | null }> = async (app, opts) => {
  const answer: MapConfig = { basemap: opts.basemap };
  app.get(
    '/map-config',
    {
      schema: {
        tags: ['map'],
        summary: 'The online basemap (a raster tile template or a MapLibre style URL), or null for the offline map',
        querystring: NoQuery,
        response: { 200: MapConfig, 400: Problem },
      },
    },
    async (_request, reply) => {
      // A restart may change it; a token in the URL should not sit in shared caches.
      reply.header('cache-control', 'private, no-cache');
      return answer;
    },
  );
};
