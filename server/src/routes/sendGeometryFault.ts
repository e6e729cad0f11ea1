import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from '../plugins/errors';
import type { GeometryFault, GeometryFaultProblem, GeometryTooComplex } from '../schemas/sketch';
import type { GeometryComplexity } from '../sketches/checkSketchGeometry';

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

export const GEOMETRY_TOO_COMPLEX_TYPE = '/problems/geometry-too-complex';

/**
 * Answers 422 for a geometry refused before PostGIS saw it (issue #19): too many rings, self-intersections or
 * close pairs of edges, with the count and the limit, so that the client can say what to simplify.
 */
export function sendGeometryTooComplex(
  reply: FastifyReply,
  request: FastifyRequest,
  complexity: GeometryComplexity,
  name = 'geometry',
) {
  const body: GeometryTooComplex = {
    type: GEOMETRY_TOO_COMPLEX_TYPE,
    title: 'Geometry too complex',
    status: 422,
    detail: complexity.reason,
    instance: request.url,
    'invalid-params': [{ name, reason: complexity.reason }],
    measure: complexity.measure,
    count: complexity.count,
    limit: complexity.limit,
  };
  return reply.code(422).type(PROBLEM_CONTENT_TYPE).send(body);
}
