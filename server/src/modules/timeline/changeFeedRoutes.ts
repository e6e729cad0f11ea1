import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem } from '@shared/schemas/common';
import { latestChanges } from './changeFeedRepository';
import { changeFeed } from './changeFeed';

/** Entries per feed: enough for a reader that polls daily. */
const FEED_ENTRIES = 50;

/** `GET /feeds/changes.atom`: every tender and action-progress change, newest first. */
export const changeFeedRoutes: FastifyPluginAsyncTypebox<{ publicUrl: string }> = async (app, { publicUrl }) => {
  app.get(
    '/changes.atom',
    {
      schema: {
        tags: ['tenders'],
        summary: 'Atom feed of tender and action-progress changes',
        querystring: Type.Object({}, { additionalProperties: false }),
        response: { 200: Type.String({ description: 'application/atom+xml' }), 400: Problem },
      },
    },
    async (request, reply) =>
      reply
        .type('application/atom+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=60')
        .send(changeFeed({ events: await latestChanges(request.reads, FEED_ENTRIES), publicUrl })),
  );
};
