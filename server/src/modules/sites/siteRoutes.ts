import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NoQuery, Problem, Slug } from '@shared/schemas/common';
import { SiteDetail } from '@shared/schemas/site';
import { HttpProblem } from '../../platform/errors';
import { getSite } from './siteRepository';

/** One site with its policy actions and tender: a thin route over the site repository. */
export const siteRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/sites/:id',
    {
      schema: {
        tags: ['map'],
        summary: 'One site: geometry, area, linked policy actions, tender status and history',
        params: Type.Object({ id: Slug }),
        querystring: NoQuery,
        response: { 200: SiteDetail, 400: Problem, 404: Problem },
      },
    },
    async (request) => {
      const site = await getSite(request.reads, request.params.id);
      if (!site) throw HttpProblem.notFound(`No site "${request.params.id}"`);
      return site;
    },
  );
};
