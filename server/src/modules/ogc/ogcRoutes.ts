import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem } from '@shared/schemas/common';
import {
  OgcApiDocument,
  OgcCollection,
  OgcCollections,
  OgcConformance,
  OgcFeature,
  OgcFeatureCollection,
  OgcFormatQuery,
  OgcItemQuery,
  OgcItemsQuery,
  OgcLandingPage,
} from '@shared/schemas/ogc';
import { HttpProblem } from '../../platform/errors';
import type { Queryable } from '../../platform/db/queryable';
import { getOgcCollection, getOgcItem, listOgcCollections, listOgcItems } from './ogcRepository';
import {
  CONFORMANCE_CLASSES,
  GEOJSON_TYPE,
  JSON_TYPE,
  OPENAPI_TYPE,
  collectionDocument,
  collectionsDocument,
  itemLinks,
  itemsLinks,
  landingPage,
} from './ogcDocuments';
import { ogcOpenApi } from './ogcOpenApi';
import { checkFormat, parseLimit, parseOffset, parseOgcBbox, parseOgcCrs } from './ogcParams';

/**
 * Ids are free text here (a site slug, a parcel number, a sketch uuid, by collection), but never hold control
 * characters: PostgreSQL refuses NUL in text, and no id of ours has any, so they are a 400 (issue #19).
 */
const IdText = (maxLength: number) => Type.String({ maxLength, pattern: '^[^\\u0000-\\u001F\\u007F]*$' });
const CollectionParams = Type.Object({ collectionId: IdText(100) });
const ItemParams = Type.Object({ collectionId: IdText(100), featureId: IdText(200) });

/**
 * OGC API – Features (Part 1 Core, GeoJSON, OpenAPI 3.0; Part 2 CRS) over the map layers and the sketches, for
 * QGIS and GDAL. Links are absolute, built from PUBLIC_URL like the feeds' (never from the Host header).
 */
export const ogcRoutes: FastifyPluginAsyncTypebox<{ publicUrl: string }> = async (app, { publicUrl }) => {
  const base = `${publicUrl.replace(/\/$/, '')}/ogc`;
  const tags = ['ogc'];

  const collectionOr404 = async (db: Queryable, id: string) => {
    const collection = await getOgcCollection(db, id);
    if (!collection) throw HttpProblem.notFound(`No collection "${id}"`);
    return collection;
  };

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'OGC API – Features landing page',
        querystring: OgcFormatQuery,
        response: { 200: OgcLandingPage, 400: Problem },
      },
    },
    async (request, reply) => {
      checkFormat(request.query.f, false);
      reply.type(JSON_TYPE);
      return landingPage(base);
    },
  );

  app.get(
    '/conformance',
    {
      schema: {
        tags,
        summary: 'Conformance classes implemented',
        querystring: OgcFormatQuery,
        response: { 200: OgcConformance, 400: Problem },
      },
    },
    async (request, reply) => {
      checkFormat(request.query.f, false);
      reply.type(JSON_TYPE);
      return { conformsTo: CONFORMANCE_CLASSES };
    },
  );

  app.get(
    '/api',
    {
      schema: {
        tags,
        summary: 'The OpenAPI 3.0 definition of /ogc',
        querystring: OgcFormatQuery,
        response: { 200: OgcApiDocument, 400: Problem },
      },
    },
    async (request, reply) => {
      checkFormat(request.query.f, false);
      const collections = await listOgcCollections(request.reads);
      const document = ogcOpenApi(
        base,
        collections.map((c) => c.id),
      );
      // Sent as bytes: Fastify would otherwise rewrite the media type (quoting "3.0", adding a charset), and
      // clients compare it with the service-desc link's type.
      return reply.header('content-type', OPENAPI_TYPE).send(Buffer.from(JSON.stringify(document)));
    },
  );

  app.get(
    '/collections',
    {
      schema: {
        tags,
        summary: 'Every map layer and the sketches, as feature collections',
        querystring: OgcFormatQuery,
        response: { 200: OgcCollections, 400: Problem },
      },
    },
    async (request, reply) => {
      checkFormat(request.query.f, false);
      reply.type(JSON_TYPE);
      return collectionsDocument(base, await listOgcCollections(request.reads));
    },
  );

  app.get(
    '/collections/:collectionId',
    {
      schema: {
        tags,
        summary: 'One collection’s metadata',
        params: CollectionParams,
        querystring: OgcFormatQuery,
        response: { 200: OgcCollection, 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      checkFormat(request.query.f, false);
      const collection = await collectionOr404(request.reads, request.params.collectionId);
      reply.type(JSON_TYPE);
      return collectionDocument(base, collection);
    },
  );

  app.get(
    '/collections/:collectionId/items',
    {
      // Only bbox queries are the expensive kind (issue #19); paging through a collection is not counted.
      config: { rateLimit: app.cost.expensiveRateLimit((request) => !('bbox' in (request.query as object))) },
      schema: {
        tags,
        summary: 'Features of a collection (GeoJSON), filtered by bbox, paged by limit and offset',
        params: CollectionParams,
        querystring: OgcItemsQuery,
        response: { 200: OgcFeatureCollection, 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const q = request.query;
      checkFormat(q.f, true);
      const crs = parseOgcCrs('crs', q.crs);
      const bboxCrs = parseOgcCrs('bbox-crs', q['bbox-crs']);
      if (q['bbox-crs'] !== undefined && q.bbox === undefined) {
        throw HttpProblem.badRequest('bbox-crs', 'is only allowed together with bbox');
      }
      const bbox = q.bbox === undefined ? null : parseOgcBbox(q.bbox, bboxCrs);
      const limit = parseLimit(q.limit);
      const offset = parseOffset(q.offset);
      const collection = await collectionOr404(request.reads, request.params.collectionId);
      const page = { bbox, limit, offset, srid: crs.srid, digits: crs.digits };
      // A bbox query is the expensive kind (issue #19): its own budget and pool (a replica's with replicas, issue
      // #18), the visitor's deadline.
      const { numberMatched, features } = bbox
        ? await app.cost.budgets.ogc.run(() =>
            app.cost.runRead(request, null, (db) => listOgcItems(db, collection, page)),
          )
        : await listOgcItems(request.reads, collection, page);
      reply.type(GEOJSON_TYPE).header('content-crs', `<${crs.uri}>`);
      return {
        type: 'FeatureCollection' as const,
        features: features.map((f) => ({ type: 'Feature' as const, ...f })),
        links: itemsLinks({
          base,
          collectionId: collection.id,
          params: { bbox: q.bbox, 'bbox-crs': q['bbox-crs'], crs: q.crs, f: q.f },
          limit,
          offset,
          numberMatched,
          numberReturned: features.length,
        }),
        timeStamp: new Date().toISOString(),
        numberMatched,
        numberReturned: features.length,
      };
    },
  );

  app.get(
    '/collections/:collectionId/items/:featureId',
    {
      schema: {
        tags,
        summary: 'One feature (GeoJSON)',
        params: ItemParams,
        querystring: OgcItemQuery,
        response: { 200: OgcFeature, 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      checkFormat(request.query.f, true);
      const crs = parseOgcCrs('crs', request.query.crs);
      const { collectionId, featureId } = request.params;
      const collection = await collectionOr404(request.reads, collectionId);
      const feature = await getOgcItem(request.reads, collection, featureId, crs);
      if (!feature) throw HttpProblem.notFound(`No feature "${featureId}" in collection "${collectionId}"`);
      reply.type(GEOJSON_TYPE).header('content-crs', `<${crs.uri}>`);
      return { type: 'Feature' as const, ...feature, links: itemLinks(base, collection.id, feature.id) };
    },
  );
};
