import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from '../plugins/errors';
import type { GeometryFault, GeometryFaultProblem } from '../schemas/sketch';

export const INVALID_GEOMETRY_TYPE = '/problems/invalid-geometry';

/**
 * Answers 400 for a geometry PostGIS (or our own checks) refuse, with the reason, the fault's location and
 * ST_MakeValid's repair when there is one, so the map can show where and offer the repair. `name` is the
 * field at fault ('geometry', or e.g. 'features[3].geometry' for an import).
 */
export function sendGeometryFault(
  reply: FastifyReply,
  request: FastifyRequest,
  fault: GeometryFault,
  name = 'geometry',
) {
  const body: GeometryFaultProblem = {
    type: INVALID_GEOMETRY_TYPE,
    title: 'Invalid geometry',
    status: 400,
    detail: fault.reason,
    instance: request.url,
    'invalid-params': [{ name, reason: fault.reason }],
    geometry_fault: fault,
  };
  return reply.code(400).type(PROBLEM_CONTENT_TYPE).send(body);
}
