import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from '../../platform/errors';
import type { GeometryFault, GeometryFaultProblem, GeometryTooComplex } from '@shared/schemas/sketch';
import type { GeometryComplexity } from './checkSketchGeometry';

export const INVALID_GEOMETRY_TYPE = '/problems/invalid-geometry';

/** A geometry problem: its `reason` is the detail and names `name` as the field at fault; `extra` adds members. */
function sendGeometryProblem<T extends object>(
  reply: FastifyReply,
  request: FastifyRequest,
  head: { type: string; title: string; status: 400 | 422 },
  reason: string,
  name: string,
  extra: T,
) {
  const body = { ...head, detail: reason, instance: request.url, 'invalid-params': [{ name, reason }], ...extra };
  return reply.code(head.status).type(PROBLEM_CONTENT_TYPE).send(body);
}

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
  const head = { type: INVALID_GEOMETRY_TYPE, title: 'Invalid geometry', status: 400 } as const;
  const extra: Pick<GeometryFaultProblem, 'geometry_fault'> = { geometry_fault: fault };
  return sendGeometryProblem(reply, request, head, fault.reason, name, extra);
}

export const GEOMETRY_TOO_COMPLEX_TYPE = '/problems/geometry-too-complex';

/**
 * Answers 422 for a geometry refused before PostGIS saw it (issue #19): too many positions, rings,
 * self-intersections or close pairs of edges, with the count and the limit, so that the client can say what to
 * simplify.
 */
export function sendGeometryTooComplex(
  reply: FastifyReply,
  request: FastifyRequest,
  complexity: GeometryComplexity,
  name = 'geometry',
) {
  const head = { type: GEOMETRY_TOO_COMPLEX_TYPE, title: 'Geometry too complex', status: 422 } as const;
  const { measure, count, limit } = complexity;
  const extra: Pick<GeometryTooComplex, 'measure' | 'count' | 'limit'> = { measure, count, limit };
  return sendGeometryProblem(reply, request, head, complexity.reason, name, extra);
}
