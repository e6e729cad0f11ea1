import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { NoQuery, Problem } from '@shared/schemas/common';
import {
  ConstraintQuery,
  ConstraintReport,
  GeometryOnly,
  GeometryTooComplex,
  GeometryValidity,
  SketchBadRequest,
  SketchComparison,
  SketchId,
} from '@shared/schemas/sketch';
import { geometryDeadlineProblem } from '../../platform/cost';
import { HttpProblem } from '../../platform/errors';
import { checkConstraints, checkSketchConstraints, constraintFloodsVisibleFrom } from '../constraints';
import { compareSketches } from './sketchComparisonRepository';
import {
  geometryValidator,
  IdParams,
  refuseGeometry,
  SKETCH_BODY_LIMIT,
  versionNumber,
  VersionText,
} from './sketchRouteParts';

/**
 * Geometry checks for anyone (issues #6, #19): validate a geometry, what it or a sketch overlaps, and two sketches
 * compared. Each runs within the geometry budget on the expensive pool; nothing is saved.
 */
export const sketchCheckRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const validate = geometryValidator(app);

  app.post(
    '/sketches/validate',
    {
      config: { budget: 'geometry' },
      bodyLimit: SKETCH_BODY_LIMIT,
      schema: {
        tags: ['sketches'],
        summary: 'Check a geometry as a save would, without saving: its measures, or the fault and its place',
        querystring: NoQuery,
        body: GeometryOnly,
        response: { 200: GeometryValidity, 400: SketchBadRequest, 422: GeometryTooComplex },
      },
    },
    async (request, reply) => {
      const checked = await validate(request, request.body.geometry);
      if (!checked.ok) return refuseGeometry(reply, request, checked);
      const { area_m2, perimeter_m, length_m } = checked.geom;
      return { valid: true as const, area_m2, perimeter_m, length_m };
    },
  );

  app.get(
    '/sketches/compare',
    {
      config: { budget: 'geometry' },
      schema: {
        tags: ['sketches'],
        summary: 'Two sketches side by side: sizes, constraint overlaps and the parts they do and do not share',
        querystring: Type.Object({ a: SketchId, b: SketchId }, { additionalProperties: false }),
        response: { 200: SketchComparison, 400: Problem, 404: Problem },
      },
    },
    async (request) => {
      const visibleFrom = await constraintFloodsVisibleFrom(app.flood);
      const result = await app.cost.runRead(request, visibleFrom, (db) =>
        compareSketches(db, request.query, app.flood),
      );
      if ('missing' in result) throw HttpProblem.notFound(`No sketch ${request.query[result.missing]}`);
      return result;
    },
  );

  app.get(
    '/sketches/:id/constraints',
    {
      config: { budget: 'geometry' },
      schema: {
        tags: ['sketches'],
        summary: 'What a sketch (its current or a given version) overlaps: floods, dike zone, nature, sites, sketches',
        params: IdParams,
        querystring: Type.Object({ version: Type.Optional(VersionText) }, { additionalProperties: false }),
        response: { 200: ConstraintReport, 400: Problem, 404: Problem },
      },
    },
    async (request) => {
      const q = request.query.version;
      const version = q === undefined ? undefined : versionNumber('version', q);
      const visibleFrom = await constraintFloodsVisibleFrom(app.flood);
      const report = await app.cost.runRead(request, visibleFrom, (db) =>
        checkSketchConstraints(db, { id: request.params.id, ...(version === undefined ? {} : { version }) }, app.flood),
      );
      if (!report) {
        throw HttpProblem.notFound(`No sketch ${request.params.id}${version ? ` with version ${version}` : ''}`);
      }
      return report;
    },
  );

  app.post(
    '/constraints',
    {
      config: { budget: 'geometry' },
      bodyLimit: SKETCH_BODY_LIMIT,
      schema: {
        tags: ['sketches'],
        summary: 'What a geometry would overlap (floods, dike zone, nature, sites, sketches); saves nothing',
        querystring: NoQuery,
        body: ConstraintQuery,
        response: { 200: ConstraintReport, 400: SketchBadRequest, 422: GeometryTooComplex },
      },
    },
    async (request, reply) => {
      const checked = await validate(request, request.body.geometry);
      if (!checked.ok) return refuseGeometry(reply, request, checked);
      const visibleFrom = await constraintFloodsVisibleFrom(app.flood);
      const q = { ewkb25832: checked.geom.ewkb25832, excludeSketchId: request.body.exclude_sketch ?? null };
      return app.cost.runRead(
        request,
        visibleFrom,
        (db) => checkConstraints(db, q, app.flood),
        geometryDeadlineProblem,
      );
    },
  );
};
