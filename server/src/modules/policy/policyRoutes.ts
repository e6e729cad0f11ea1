import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NoQuery, Problem } from '@shared/schemas/common';
import { Policy } from '@shared/schemas/policy';
import { getPolicy } from './policyRepository';

/** The business policy: a thin route over the policy repository. */
export const policyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/policy',
    {
      schema: {
        tags: ['policy'],
        summary: 'The business policy: initiatives, actions and the sites serving each action',
        querystring: NoQuery,
        response: { 200: Policy, 400: Problem },
      },
    },
    async (request) => ({ initiatives: await getPolicy(request.reads) }),
  );
};
