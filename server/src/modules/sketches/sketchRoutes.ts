import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NoQuery, Problem } from '@shared/schemas/common';
import {
  GeometryTooComplex,
  SketchBadRequest,
  SketchCollection,
  SketchFeature,
  SketchId,
  SketchInput,
  SketchRestore,
  SketchUpdate,
  SketchVersions,
} from '@shared/schemas/sketch';
import { StaleVersion } from '@shared/schemas/workflow';
import { HttpProblem, sendProblem } from '../../platform/errors';
import { resolveVersion } from '../../platform/http/resolveVersion';
import {
  createSketch,
  getSketch,
  getSketchVersion,
  listSketches,
  listSketchVersions,
  restoreSketch,
  softDeleteSketch,
  undeleteSketch,
  updateSketch,
  type NewSketch,
  type SketchWriteResult,
} from './sketchRepository';
import {
  geometryValidator,
  IdParams,
  refuseGeometry,
  SKETCH_BODY_LIMIT,
  versionNumber,
  VersionText,
} from './sketchRouteParts';

const IfMatch = Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 40 })) });
const WRITE_ERRORS = {
  400: SketchBadRequest,
  422: GeometryTooComplex,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  412: StaleVersion,
} as const;

function newSketch(body: SketchInput, geometry: NewSketch['geometry']): NewSketch {
  const title = body.title.trim();
  if (title === '') throw HttpProblem.badRequest('body.title', 'must not be blank');
  return {
    geometry,
    title,
    proposed_use: body.proposed_use,
    action_number: body.action_number ?? null,
    note: body.note ?? '',
  };
}

/** Turns a repository's write result into the answer: the feature with its ETag, or the problem. */
function answer(reply: FastifyReply, request: FastifyRequest, id: string, result: SketchWriteResult) {
  switch (result.kind) {
    case 'saved':
      reply.header('etag', `"${result.feature.properties.version}"`).header('cache-control', 'no-cache');
      return result.feature;
    case 'not_found':
      throw HttpProblem.notFound(`No sketch ${id}`);
    case 'deleted':
      throw new HttpProblem(409, 'Sketch is deleted', `Sketch ${id} is deleted; undelete it before changing it.`);
    case 'not_deleted':
      throw new HttpProblem(409, 'Sketch is not deleted', `Sketch ${id} is not deleted.`);
    case 'invalid':
      throw HttpProblem.badRequest(result.field, result.reason);
    case 'stale':
      return sendProblem(reply, request, {
        type: '',
        title: 'Stale version',
        status: 412,
        detail: `The sketch changed since you saw it; it is now at version ${result.currentVersion}.`,
        current_version: result.currentVersion,
      } as Problem & { current_version: number });
  }
}

/**
 * Planners' sketches (issue #6): readable by anyone as drafts; every write needs the planner role and the
 * session's CSRF token (the auth plugin checks the token on every /api write). The geometry checks (validate,
 * constraints, compare) are in sketchCheckRoutes.ts; import, export and OGC in their own route files.
 */
export const sketchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const planner = app.requireRole('planner');
  const validate = geometryValidator(app);

  app.get(
    '/sketches',
    {
      schema: {
        tags: ['sketches'],
        summary: 'Current version of every sketch (GeoJSON, EPSG:4326); deleted ones with include_deleted=true',
        querystring: Type.Object(
          { include_deleted: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])) },
          { additionalProperties: false },
        ),
        response: { 200: SketchCollection, 400: Problem },
      },
    },
    async (request, reply) => {
      const features = await listSketches(request.reads, { includeDeleted: request.query.include_deleted === 'true' });
      reply.type('application/geo+json').header('cache-control', 'no-cache');
      return { type: 'FeatureCollection' as const, features };
    },
  );

  app.post(
    '/sketches',
    {
      onRequest: planner,
      bodyLimit: SKETCH_BODY_LIMIT,
      schema: {
        tags: ['sketches'],
        summary: 'Save a new sketch at version 1 (planner; x-csrf-token). repair:true stores ST_MakeValid’s repair',
        querystring: NoQuery,
        body: SketchInput,
        response: { 201: SketchFeature, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      const checked = await validate(request, request.body.geometry, request.body.repair);
      if (!checked.ok) return refuseGeometry(reply, request, checked);
      const result = await createSketch(app.pg, newSketch(request.body, checked.geom), request.user!);
      if (result.kind === 'saved') reply.code(201).header('location', `/api/sketches/${result.feature.id}`);
      return answer(reply, request, '', result);
    },
  );

  app.get(
    '/sketches/:id',
    {
      schema: {
        tags: ['sketches'],
        summary: 'A sketch’s current version (ETag: its version); a deleted one carries deleted_at',
        params: IdParams,
        querystring: NoQuery,
        response: { 200: SketchFeature, 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const feature = await getSketch(request.reads, request.params.id);
      if (!feature) throw HttpProblem.notFound(`No sketch ${request.params.id}`);
      reply.header('etag', `"${feature.properties.version}"`).header('cache-control', 'no-cache');
      reply.type('application/geo+json');
      return feature;
    },
  );

  app.put(
    '/sketches/:id',
    {
      onRequest: planner,
      bodyLimit: SKETCH_BODY_LIMIT,
      schema: {
        tags: ['sketches'],
        summary: 'Save a new version (planner; x-csrf-token; body.version or If-Match: the version you saw)',
        params: IdParams,
        querystring: NoQuery,
        headers: IfMatch,
        body: SketchUpdate,
        response: { 200: SketchFeature, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      const version = resolveVersion(request.body.version, request.headers['if-match']);
      const checked = await validate(request, request.body.geometry, request.body.repair);
      if (!checked.ok) return refuseGeometry(reply, request, checked);
      const result = await updateSketch(app.pg, {
        id: request.params.id,
        version,
        input: newSketch(request.body, checked.geom),
        actor: request.user!,
      });
      return answer(reply, request, request.params.id, result);
    },
  );

  app.delete(
    '/sketches/:id',
    {
      onRequest: planner,
      schema: {
        tags: ['sketches'],
        summary: 'Delete a sketch softly (planner; x-csrf-token; ?version= or If-Match); undelete brings it back',
        params: IdParams,
        querystring: Type.Object({ version: Type.Optional(VersionText) }, { additionalProperties: false }),
        headers: IfMatch,
        response: { 200: SketchFeature, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      const q = request.query.version;
      if (q === undefined && request.headers['if-match'] === undefined) {
        throw HttpProblem.badRequest('version', 'is required (?version= or an If-Match header): the version you saw');
      }
      const version = resolveVersion(
        q === undefined ? undefined : versionNumber('version', q),
        request.headers['if-match'],
      );
      const result = await softDeleteSketch(app.pg, { id: request.params.id, version, actor: request.user! });
      return answer(reply, request, request.params.id, result);
    },
  );

  app.post(
    '/sketches/:id/undelete',
    {
      onRequest: planner,
      schema: {
        tags: ['sketches'],
        summary: 'Bring a deleted sketch back at its current version (planner; x-csrf-token)',
        params: IdParams,
        querystring: NoQuery,
        headers: IfMatch,
        response: { 200: SketchFeature, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      const ifMatch = request.headers['if-match'];
      const version = ifMatch === undefined ? undefined : resolveVersion(undefined, ifMatch);
      const result = await undeleteSketch(app.pg, {
        id: request.params.id,
        ...(version === undefined ? {} : { version }),
        actor: request.user!,
      });
      return answer(reply, request, request.params.id, result);
    },
  );

  app.post(
    '/sketches/:id/restore',
    {
      onRequest: planner,
      schema: {
        tags: ['sketches'],
        summary: 'Save an earlier version again as the newest (planner; x-csrf-token; body.version or If-Match)',
        params: IdParams,
        querystring: NoQuery,
        headers: IfMatch,
        body: SketchRestore,
        response: { 200: SketchFeature, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      const version = resolveVersion(request.body.version, request.headers['if-match']);
      const result = await restoreSketch(app.pg, {
        id: request.params.id,
        fromVersion: request.body.from_version,
        version,
        actor: request.user!,
      });
      return answer(reply, request, request.params.id, result);
    },
  );

  app.get(
    '/sketches/:id/versions',
    {
      schema: {
        tags: ['sketches'],
        summary: 'Every saved version of a sketch, newest first, with who saved it',
        params: IdParams,
        querystring: NoQuery,
        response: { 200: SketchVersions, 400: Problem, 404: Problem },
      },
    },
    async (request) => {
      const versions = await listSketchVersions(request.reads, request.params.id);
      if (!versions) throw HttpProblem.notFound(`No sketch ${request.params.id}`);
      return { versions };
    },
  );

  app.get(
    '/sketches/:id/versions/:version',
    {
      schema: {
        tags: ['sketches'],
        summary: 'One saved version of a sketch as a feature (EPSG:4326)',
        params: Type.Object({ id: SketchId, version: VersionText }),
        querystring: NoQuery,
        response: { 200: SketchFeature, 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const version = versionNumber('version', request.params.version);
      const feature = await getSketchVersion(request.reads, request.params.id, version);
      if (!feature) throw HttpProblem.notFound(`No version ${version} of sketch ${request.params.id}`);
      reply.type('application/geo+json');
      return feature;
    },
  );
};
