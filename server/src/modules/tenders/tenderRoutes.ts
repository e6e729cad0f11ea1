import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Problem as ProblemBody } from '@shared/schemas/common';
import { NoQuery, Problem, Slug } from '@shared/schemas/common';
import { TENDER_STATUSES } from '@shared/schemas/vocabulary';
import {
  CurrentTender,
  StaleVersion,
  TenderChangeBody,
  TenderWithNext,
  TransitionConflict,
  Transitions,
} from '@shared/schemas/workflow';
import { HttpProblem, sendProblem } from '../../platform/errors';
import { resolveVersion } from '../../platform/http/resolveVersion';
import { requiredFieldFaults } from './tenderChangeRules';
import { changeTender, getTender } from './tenderRepository';
import { allowedNext, TENDER_TRANSITIONS } from './tenderTransitions';

const IfMatchHeaders = Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 40 })) });

const faultProblem = (faults: { name: string; reason: string }[]) =>
  new HttpProblem(400, 'Invalid request parameter', faults.map((f) => `${f.name}: ${f.reason}`).join('; '), faults);

/** The tender workflow: the state machine, a plot's tender, and moving it on. */
export const tenderRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/tenders/transitions',
    {
      schema: {
        tags: ['tenders'],
        summary: 'The tender state machine: allowed next states, and the fields a target state requires',
        querystring: NoQuery,
        response: { 200: Transitions, 400: Problem },
      },
    },
    async () => ({
      states: [...TENDER_STATUSES],
      transitions: Object.fromEntries(Object.entries(TENDER_TRANSITIONS).map(([from, to]) => [from, [...to]])),
      requires: { planned: ['planned_year'], open: ['opens_on', 'closes_on', 'notice_url'] },
    }),
  );

  app.get(
    '/plots/:id/tender',
    {
      schema: {
        tags: ['tenders'],
        summary: 'A plot’s tender with its version (also as ETag) and the states it may move to',
        params: Type.Object({ id: Slug }),
        querystring: NoQuery,
        response: { 200: TenderWithNext, 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const tender = await getTender(request.reads, request.params.id);
      if (!tender) throw HttpProblem.notFound(`No tender for site "${request.params.id}"`);
      reply.header('etag', `"${tender.version}"`).header('cache-control', 'no-cache');
      return { ...tender, allowed: [...allowedNext(tender.status)] };
    },
  );

  app.post(
    '/plots/:id/tender',
    {
      onRequest: app.requireRole('planner'),
      schema: {
        tags: ['tenders'],
        summary: 'Move a plot’s tender to another state (planner; needs x-csrf-token and the version seen)',
        params: Type.Object({ id: Slug }),
        querystring: NoQuery,
        headers: IfMatchHeaders,
        body: TenderChangeBody,
        response: {
          200: CurrentTender,
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
          409: TransitionConflict,
          412: StaleVersion,
        },
      },
    },
    async (request, reply) => {
      const { to, version: bodyVersion, note, ...schedule } = request.body;
      const version = resolveVersion(bodyVersion, request.headers['if-match']);
      const faults = requiredFieldFaults(to, schedule);
      if (faults.length > 0) throw faultProblem(faults);
      const result = await changeTender(app.pg, {
        siteId: request.params.id,
        to,
        version,
        note: note ?? null,
        ...schedule,
        actor: request.user!,
      });
      switch (result.kind) {
        case 'not_found':
          throw HttpProblem.notFound(`No tender for site "${request.params.id}"`);
        case 'invalid':
          throw faultProblem(result.faults);
        case 'stale': {
          const problem: ProblemBody & { current_version: number } = {
            type: '',
            title: 'Stale version',
            status: 412,
            detail: `The tender changed since you saw version ${version}; it is now at version ${result.currentVersion}.`,
            current_version: result.currentVersion,
          };
          return sendProblem(reply, request, problem);
        }
        case 'illegal': {
          const problem: ProblemBody & { from: string; allowed: readonly string[] } = {
            type: '',
            title: 'Transition not allowed',
            status: 409,
            detail: `A tender cannot go from ${result.from} to ${to}; allowed: ${result.allowed.join(', ')}.`,
            'invalid-params': [
              { name: 'body.to', reason: `allowed from ${result.from}: ${result.allowed.join(', ')}` },
            ],
            from: result.from,
            allowed: result.allowed,
          };
          return sendProblem(reply, request, problem);
        }
        case 'changed':
          // This instance's tiles follow at once; other instances within their version TTL.
          app.tiles.registry.invalidate();
          reply.header('etag', `"${result.tender.version}"`);
          return result.tender;
      }
    },
  );
};
