import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SketchId } from '@shared/schemas/sketch';
import { HttpProblem } from '../../platform/errors';
import { geometryDeadlineProblem } from '../../platform/cost';
import { validateSketchGeometry, type SketchGeometryValidation } from './validateSketchGeometry';
import { sendGeometryFault, sendGeometryTooComplex } from './sendGeometryFault';

// What the sketch routes (sketchRoutes.ts) and the geometry checks (sketchCheckRoutes.ts) both need.

const VERSION_PATTERN = '^[1-9][0-9]{0,9}$';
/** A version in a path or query: a positive integer as text. */
export const VersionText = Type.String({ pattern: VERSION_PATTERN, maxLength: 10 });
export const IdParams = Type.Object({ id: SketchId });
/** 50 000 positions (the most a sketch may have) need more than the app's 1 MiB; past that, 413 is honest. */
export const SKETCH_BODY_LIMIT = 4 * 1024 * 1024;

/** A path or query version as a number, past the pattern check; at most PostgreSQL's integer. */
export function versionNumber(name: string, text: string): number {
  const n = Number(text);
  if (n > 2_147_483_647) throw HttpProblem.badRequest(name, 'is too large');
  return n;
}

/**
 * Answers a geometry that cannot be stored: 422 for one too costly to check (with what was counted), a plain
 * 400 for malformed GeoJSON, else the fault with its place.
 */
export function refuseGeometry(
  reply: FastifyReply,
  request: FastifyRequest,
  checked: Extract<SketchGeometryValidation, { ok: false }>,
) {
  if (checked.complexity) return sendGeometryTooComplex(reply, request, checked.complexity);
  if (checked.malformed) throw HttpProblem.badRequest('geometry', checked.fault.reason);
  return sendGeometryFault(reply, request, checked.fault);
}

/**
 * Checks a geometry on the expensive pool with the deadline of the request's user (issue #19); only a
 * logged-in user is offered ST_MakeValid's repair.
 */
export const geometryValidator =
  (app: FastifyInstance) => (request: FastifyRequest, geometry: unknown, repair?: boolean) =>
    app.cost.run(
      request,
      (db) => validateSketchGeometry(db, geometry, { repair, offerRepair: request.user !== null }),
      geometryDeadlineProblem,
    );
