import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem } from '@shared/schemas/common';
import { Timeline, TimelineQuery } from '@shared/schemas/workflow';
import { HttpProblem } from '../../platform/errors';
import { siteExists, TIMELINE_EVENT_LIMIT, timelineEvents, timelinePlots } from './timelineRepository';

/** The Køge Nord development window the timeline covers unless asked otherwise. */
const DEFAULT_FROM = '2024-01-01';
const DEFAULT_TO = '2028-12-31';

/** `GET /api/timeline`: the public record of tender and action changes, plan against reality. */
export const timelineRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/timeline',
    {
      schema: {
        tags: ['tenders'],
        summary: 'Public timeline: tender and action-progress events, and each plot’s planned schedule vs reality',
        querystring: TimelineQuery,
        response: { 200: Timeline, 400: Problem, 404: Problem },
      },
    },
    async (request) => {
      const { site = null, from = DEFAULT_FROM, to = DEFAULT_TO } = request.query;
      if (to < from) throw HttpProblem.badRequest('to', `must not be before from (${from})`);
      if (site !== null && !(await siteExists(request.reads, site))) throw HttpProblem.notFound(`No site "${site}"`);
      const [plots, events] = await Promise.all([
        timelinePlots(request.reads, site),
        timelineEvents(request.reads, { siteId: site, from, to }),
      ]);
      return { from, to, site, plots, events, truncated: events.length === TIMELINE_EVENT_LIMIT };
    },
  );
};
