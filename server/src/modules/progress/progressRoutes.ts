import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Problem as ProblemBody } from '@shared/schemas/common';
import { NoQuery, Problem } from '@shared/schemas/common';
import {
  ActionNumber,
  ActionProgressDetail,
  ActionProgressState,
  PolicyOverview,
  ProgressChangeBody,
  StaleVersion,
} from '@shared/schemas/workflow';
import { HttpProblem, sendProblem } from '../../platform/errors';
import { resolveVersion } from '../../platform/http/resolveVersion';
import { policyOverview } from '../policy';
import { changeProgress, getActionProgress } from './progressRepository';

/** Progress of the policy's actions, its history, and the council's overview. */
export const progressRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/actions/:number/progress',
    {
      schema: {
        tags: ['policy'],
        summary: 'An action’s progress, its version (also as ETag) and its public history',
        params: Type.Object({ number: ActionNumber }),
        querystring: NoQuery,
        response: { 200: ActionProgressDetail, 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const action = await getActionProgress(request.reads, request.params.number);
      if (!action) throw HttpProblem.notFound(`No action ${request.params.number}`);
      reply.header('etag', `"${action.version}"`).header('cache-control', 'no-cache');
      return action;
    },
  );

  app.post(
    '/actions/:number/progress',
    {
      onRequest: app.requireRole('planner'),
      schema: {
        tags: ['policy'],
        summary: 'Set an action’s progress and public note (planner; needs x-csrf-token and the version seen)',
        params: Type.Object({ number: ActionNumber }),
        querystring: NoQuery,
        headers: Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 40 })) }),
        body: ProgressChangeBody,
        response: {
          200: ActionProgressState,
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
          412: StaleVersion,
        },
      },
    },
    async (request, reply) => {
      const version = resolveVersion(request.body.version, request.headers['if-match']);
      const note = request.body.note?.trim() || null;
      const result = await changeProgress(app.pg, {
        number: request.params.number,
        progress: request.body.progress,
        note,
        version,
        actor: request.user!,
      });
      if (result.kind === 'not_found') throw HttpProblem.notFound(`No action ${request.params.number}`);
      if (result.kind === 'stale') {
        const problem: ProblemBody & { current_version: number } = {
          type: '',
          title: 'Stale version',
          status: 412,
          detail: `The action changed since you saw version ${version}; it is now at version ${result.currentVersion}.`,
          current_version: result.currentVersion,
        };
        return sendProblem(reply, request, problem);
      }
      reply.header('etag', `"${result.action.version}"`);
      return result.action;
    },
  );

  app.get(
    '/policy/overview',
    {
      schema: {
        tags: ['policy'],
        summary: 'Council overview: per initiative, actions by progress state and the sites serving them',
        querystring: NoQuery,
        response: { 200: PolicyOverview, 400: Problem },
      },
    },
    async (request) => ({ initiatives: await policyOverview(request.reads) }),
  );
};
