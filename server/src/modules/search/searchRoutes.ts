import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NoQuery, Problem } from '@shared/schemas/common';
import {
  SEARCH_PICK_ID_PATTERN,
  SEARCH_QUERY_MIN,
  SearchHit,
  SearchHitParams,
  SearchQuery,
  SearchResult,
} from '@shared/schemas/search';
import { HttpProblem } from '../../platform/errors';
import { parseSearchQuery } from './parseSearchQuery';
import { rankHits, toHit } from './rankHits';
import { foldText } from './foldText';
import { findCandidates, findHit } from './searchRepository';

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
      const folded = foldText(q);
      // Punctuation only ("%_", "'--") folds to nothing: there is nothing to look for.
      if (folded.length < SEARCH_QUERY_MIN) return { folded, hits: [] };
      // A read: on a replica when there is one (issue #18), the primary for a writer until the replica has their write.
      const candidates = await findCandidates(request.reads, {
        folded,
        types,
        origin,
        candidates: limit,
        named: opts.namedStatements,
      });
      return { folded, hits: rankHits({ candidates, limit }) };
    },
  );

  app.get(
    '/search/:type/:id',
    {
      schema: {
        tags: ['map'],
        summary: 'One cadastral parcel or address as a search hit: what a link selects with sel=<type>:<id>',
        params: SearchHitParams,
        querystring: NoQuery,
        response: { 200: SearchHit, 400: Problem, 404: Problem, 503: Problem },
      },
    },
    async (request) => {
      const { type, id } = request.params;
      if (!new RegExp(SEARCH_PICK_ID_PATTERN[type]).test(id)) {
        throw HttpProblem.badRequest('id', type === 'parcel' ? 'must be a parcel id (digits)' : 'must be a uuid');
      }
      const hit = await findHit(request.reads, { type, id });
      if (hit === null) throw HttpProblem.notFound(`No ${type} with id ${id}.`);
      return toHit(hit);
    },
  );
};
