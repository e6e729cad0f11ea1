import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem } from '@shared/schemas/common';
import { PlotQuery } from '@shared/schemas/plot';
import { findPlots, tenderEventsOf } from '../plots';
import { plotFeed } from '../plots';
import { resolvePlotQuery } from '../plots';

/** Entries per feed: enough for a reader that polls daily. */
const FEED_ENTRIES = 50;

/** `GET /feeds/plots.atom`: tender changes of the plots the finder's filters select. */
export const feedRoutes: FastifyPluginAsyncTypebox<{ publicUrl: string }> = async (app, { publicUrl }) => {
  app.get(
    '/plots.atom',
    {
      schema: {
        tags: ['map'],
        summary: 'Atom feed of tender changes on the plots matching the plot finder’s filters',
        querystring: PlotQuery,
        response: { 200: Type.String({ description: 'application/atom+xml' }), 400: Problem },
      },
    },
    async (request, reply) => {
      const { filter, visibleFrom } = await resolvePlotQuery(request.query, app.flood, app.cost.budgets.flood);
      const plots = await findPlots(request.readsAfter(visibleFrom), filter);
      const events = await tenderEventsOf(
        request.reads,
        plots.map((p) => p.id),
        FEED_ENTRIES,
      );
      // Only the parameters the schema accepted, re-encoded: the feed's own id and links.
      const query = new URLSearchParams(request.query as Record<string, string>).toString();
      return reply
        .type('application/atom+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .send(plotFeed({ events, publicUrl, query: query ? `?${query}` : '' }));
    },
  );
};
