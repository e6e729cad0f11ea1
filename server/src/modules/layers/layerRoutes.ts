import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NoQuery, Problem, Slug } from '@shared/schemas/common';
import { LayerList } from '@shared/schemas/layer';
import { FeatureCollection } from '@shared/schemas/site';
import type { Queryable } from '../../platform/db/queryable';
import { HttpProblem } from '../../platform/errors';
import { parseBbox } from '../../platform/http/parseBbox';
import { layerSource, listLayers, listGeoJsonLayerIds } from './layerRepository';
import { listFeatures } from '../sites';

const BBOX_PATTERN = '^[^,]+,[^,]+,[^,]+,[^,]+$';

/**
 * The paths (under the API's `/api` prefix) of the features the map fetches as soon as it has the layer list: those
 * of every layer delivered as GeoJSON (the points). The page preloads them (clientPlugin's `preloads`).
 */
export async function pointFeaturePaths(db: Queryable): Promise<string[]> {
  return (await listGeoJsonLayerIds(db)).map((id) => `/api/layers/${encodeURIComponent(id)}/features`);
}

/** The map layers and their features (JSON, GeoJSON): thin routes over the layer and site repositories. */
export const layerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/layers',
    {
      schema: {
        tags: ['map'],
        summary: 'Map layers in drawing order',
        querystring: NoQuery,
        response: { 200: LayerList, 400: Problem },
      },
    },
    async (request) => ({ layers: await listLayers(request.reads) }),
  );

  app.get(
    '/layers/:id/features',
    {
      schema: {
        tags: ['map'],
        summary: 'Features of a layer as RFC 7946 GeoJSON (EPSG:4326)',
        params: Type.Object({ id: Slug }),
        querystring: Type.Object(
          {
            bbox: Type.Optional(
              Type.String({
                pattern: BBOX_PATTERN,
                maxLength: 200,
                description: 'west,south,east,north in EPSG:4326 degrees',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: FeatureCollection, 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const bbox = request.query.bbox === undefined ? undefined : parseBbox(request.query.bbox);
      const source = await layerSource(request.reads, request.params.id);
      if (source === null) throw HttpProblem.notFound(`No layer "${request.params.id}"`);
      // Parcel registers and OpenStreetMap layers hold up to millions of features: they are served as vector tiles
      // (and OGC API Features, paged) only.
      if (source === 'parcel' || source === 'osm') {
        throw HttpProblem.badRequest('id', `layer "${request.params.id}" is served as vector tiles only (/tiles/…)`);
      }
      const features = await listFeatures(request.reads, request.params.id, bbox);
      reply.type('application/geo+json');
      return { type: 'FeatureCollection' as const, features };
    },
  );
};
