import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem } from '@shared/schemas/common';
import { SEARCH_QUERY_MIN, SearchQuery, SearchResult } from '@shared/schemas/search';
import { parseSearchQuery } from './parseSearchQuery';
import { rankHits } from './rankHits';
import { findCandidates, foldQuery } from './searchRepository';

/** The search box's endpoint (issue #21): a thin route over the search repository. */
export const searchRoutes: FastifyPluginAsyncTypebox<{ namedStatements: boolean }> = async (app, opts) => {
  app.get(
    '/search',
    {
      schema: {
        tags: ['map'],
        summary:
          'Search places, sites and plots, policy actions and initiatives, cadastral parcels and addresses by name or number',
        querystring: SearchQuery,
        response: { 200: SearchResult, 400: Problem, 503: Problem },
      },
    },
    async (request) => {
      const { q, limit, types, origin } = parseSearchQuery(request.query);
      const folded = await foldQuery(app.pg, q);
      // Punctuation only ("%_", "'--") folds to nothing: there is nothing to look for.
      if (folded.length < SEARCH_QUERY_MIN) return { folded, hits: [] };
      const candidates = await findCandidates(app.pg, {
        folded,
        types,
        origin,
        candidates: limit,
        named: opts.namedStatements,
      });
      return { folded, hits: rankHits({ candidates, limit }) };
    },
  );
};
