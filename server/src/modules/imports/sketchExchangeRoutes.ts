import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Problem } from '@shared/schemas/common';
import { SketchBadRequest, type GeometryFaultProblem } from '@shared/schemas/sketch';
import {
  ExportGeoJsonQuery,
  ExportGpkgQuery,
  ImportCreated,
  ImportPreview,
  ImportQuery,
} from '@shared/schemas/sketchExchange';
import { HttpProblem, PROBLEM_CONTENT_TYPE } from '../../platform/errors';
import { createSketches, listSketches } from '../sketches';
import { checkSketchConstraints, constraintFloodsVisibleFrom } from '../constraints';
import { withDeadline } from '../../platform/cost';
import { jsonNestsDeeperThan, MAX_JSON_NESTING } from '../../platform/jsonNesting';
import type { Queryable } from '../../platform/db/queryable';
import { sketchGeometries25832 } from '../exports';
import { readGeoJsonImport } from './readGeoJsonImport';
import { readShapefileZip } from './readShapefileZip';
import { prepareImport } from './prepareImport';
import type { ImportSource } from './ImportSource';
import { sketchExportFileName, sketchesToGeoJson, sketchesToGeoPackage, type SketchExportItem } from '../exports';
import { INVALID_GEOMETRY_TYPE } from '../sketches';

/** An import's file may be larger than the app's 1 MiB: a zipped layer or a detailed GeoJSON. */
const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;
const ZIP_TYPES = ['application/zip', 'application/x-zip-compressed'];
const JSON_TYPES = ['application/json', 'application/geo+json'];

/** The parsed body: JSON text already parsed, a zip as bytes. */
type ImportBody = { kind: 'json'; value: unknown } | { kind: 'zip'; bytes: Buffer };

/**
 * Import of GeoJSON and zipped Shapefiles as sketches, with a dry run, and export of sketches as GeoJSON
 * (EPSG:4326 or 25832) and GeoPackage (issue #6). Its own content-type parsers live in this plugin only.
 */
export const sketchExchangeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  // Only the types an import takes: anything else is Fastify's 415, naming nothing to guess.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(JSON_TYPES, { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(HttpProblem.badRequest('body', 'is empty'));
    if (jsonNestsDeeperThan(text, MAX_JSON_NESTING)) {
      return done(HttpProblem.badRequest('body', `nests deeper than ${MAX_JSON_NESTING} levels`));
    }
    parseJson(request, text, (err, value) =>
      err
        ? done(HttpProblem.badRequest('body', 'is not valid JSON (GeoJSON expected)'))
        : done(null, { kind: 'json', value } satisfies ImportBody),
    );
  });
  app.addContentTypeParser(ZIP_TYPES, { parseAs: 'buffer' }, (_request, body, done) => {
    if (body.length === 0) return done(HttpProblem.badRequest('body', 'is empty'));
    done(null, { kind: 'zip', bytes: body as Buffer } satisfies ImportBody);
  });

  app.post(
    '/sketches/import',
    {
      config: { budget: 'geometry' },
      onRequest: app.requireRole('planner'),
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['sketches'],
        summary:
          'Import GeoJSON (EPSG:4326 or 25832) or a zipped Shapefile as sketches (planner; x-csrf-token). ' +
          'dry_run=true previews; dry_run=false saves all features or none',
        description: `Body: ${[...JSON_TYPES, ...ZIP_TYPES].join(', ')}; at most 10 MB and 500 features.`,
        querystring: ImportQuery,
        response: {
          200: ImportPreview,
          201: ImportCreated,
          400: SketchBadRequest,
          401: Problem,
          403: Problem,
          413: Problem,
          415: Problem,
        },
      },
    },
    async (request, reply) => {
      const body = request.body as ImportBody | undefined;
      if (!body)
        throw HttpProblem.badRequest('body', `a file is required (${[...JSON_TYPES, ...ZIP_TYPES].join(', ')})`);
      const source: ImportSource =
        body.kind === 'json' ? readGeoJsonImport(body.value) : await readShapefileZip(new Uint8Array(body.bytes));
      // Up to 500 geometries checked in one go: the imports' longer deadline per statement (issue #19).
      const { preview, sketches } = await withDeadline(app.heavyPg, app.cost.limits.longMs, (db) =>
        prepareImport(db, source, request.query.proposed_use ?? '31'),
      );
      if (request.query.dry_run === 'true') return preview;
      if (!sketches) return refuseImport(reply, request, preview);
      const result = await createSketches(app.pg, sketches, request.user!, 'imported');
      if (result.kind === 'invalid') {
        throw HttpProblem.badRequest(`features[${result.index}].properties.${result.field}`, result.reason);
      }
      reply.code(201).header('cache-control', 'no-store');
      return { created: result.features };
    },
  );

  /** The live sketches to export with their stored EPSG:25832 geometry and their constraint report's items. */
  const collectExportItems = async (db: Queryable, idsParam: string | undefined): Promise<SketchExportItem[]> => {
    const ids = idsParam === undefined ? undefined : [...new Set(idsParam.toLowerCase().split(','))];
    const features = await listSketches(db, ids ? { ids } : {});
    const missing = ids?.find((id) => !features.some((f) => f.id === id));
    if (missing) throw HttpProblem.notFound(`No live sketch ${missing}`);
    const geometries = await sketchGeometries25832(
      db,
      features.map((f) => f.id),
    );
    const items: SketchExportItem[] = [];
    for (const feature of features) {
      const stored = geometries.get(feature.id);
      const report = await checkSketchConstraints(db, { id: feature.id }, app.flood);
      if (!stored || !report) throw new Error(`sketch ${feature.id} vanished during the export`);
      items.push({
        feature,
        geometry25832: stored.geometry,
        wkb25832: stored.wkb,
        constraints: report.items.map(({ geometry: _, ...item }) => item),
      });
    }
    return items;
  };
  /**
   * {@link collectExportItems} on the expensive pool, with the deadline of the request's user (issue #19), on a
   * replica that has the flood extents and the session's own writes when there is one (issue #18).
   */
  const exportItems = async (request: FastifyRequest, idsParam: string | undefined) => {
    const visibleFrom = await constraintFloodsVisibleFrom(app.flood);
    return app.cost.runRead(request, visibleFrom, (db) => collectExportItems(db, idsParam));
  };

  app.get(
    '/sketches/export.geojson',
    {
      config: { budget: 'export' },
      schema: {
        tags: ['sketches'],
        summary: 'Live sketches as GeoJSON in EPSG:4326 (RFC 7946) or EPSG:25832, with their constraint overlaps',
        querystring: ExportGeoJsonQuery,
        // Strings are sent as they are; this schema only documents the answer.
        response: { 200: Type.String({ description: 'application/geo+json' }), 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const crs = request.query.crs === '25832' ? 25832 : 4326;
      const items = await exportItems(request, request.query.ids);
      return reply
        .type('application/geo+json')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="${sketchExportFileName('geojson', crs)}"`)
        .send(JSON.stringify(sketchesToGeoJson(items, crs)));
    },
  );

  app.get(
    '/sketches/export.gpkg',
    {
      config: { budget: 'export' },
      schema: {
        tags: ['sketches'],
        summary: 'Live sketches as a GeoPackage (EPSG:25832): tables sketches and sketch_constraints',
        querystring: ExportGpkgQuery,
        response: {
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'application/geopackage+sqlite3' }),
          400: Problem,
          404: Problem,
        },
      },
    },
    async (request, reply) => {
      const bytes = await sketchesToGeoPackage(await exportItems(request, request.query.ids));
      return reply
        .type('application/geopackage+sqlite3')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="${sketchExportFileName('gpkg', 25832)}"`)
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  );
};

/**
 * 400 for a commit with faulty features: nothing is saved. Every faulty feature is named
 * (`features[i].geometry`); the first one's fault, with its place and repair, is given in full.
 */
function refuseImport(reply: FastifyReply, request: FastifyRequest, preview: ImportPreview) {
  const faulty = preview.features.filter((f) => f.fault !== null);
  const first = faulty[0]!;
  const body: GeometryFaultProblem = {
    type: INVALID_GEOMETRY_TYPE,
    title: 'Invalid geometry',
    status: 400,
    detail: `${faulty.length} of ${preview.feature_count} features cannot be saved; nothing was saved. First: feature ${first.index}: ${first.fault!.reason}`,
    instance: request.url,
    'invalid-params': faulty.map((f) => ({ name: `features[${f.index}].geometry`, reason: f.fault!.reason })),
    geometry_fault: first.fault!,
  };
  return reply.code(400).type(PROBLEM_CONTENT_TYPE).send(body);
}
