import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem, Slug } from '../schemas/common';
import { LayerList } from '../schemas/layer';
import { FeatureCollection, SiteDetail } from '../schemas/site';
import { Policy } from '../schemas/policy';
import { HttpProblem } from '../plugins/errors';
import { layerSource, listLayers } from '../repositories/layerRepository';
import { getSite, listFeatures } from '../repositories/siteRepository';
import { getPolicy } from '../repositories/policyRepository';
import { parseBbox } from './parseBbox';
import { resolvePlotQuery } from './parsePlotQuery';
import { PlotFilterParams, PlotList, PlotQuery } from '../schemas/plot';
import { findPlots, findPlotsWithGeometry } from '../repositories/plotRepository';
import { exportFileName, plotsToCsv, plotsToGeoJson } from '../exports/plotExports';

const BBOX_PATTERN = '^[^,]+,[^,]+,[^,]+,[^,]+$';

/** Routes without query parameters still reject unknown ones, naming them, like the routes that have some. */
const NoQuery = Type.Object({}, { additionalProperties: false });

/** The JSON API: thin routes over the repositories. */
export const apiRoutes: FastifyPluginAsyncTypebox = async (app) => {
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
    async () => ({ layers: await listLayers(app.pg) }),
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
      const source = await layerSource(app.pg, request.params.id);
      if (source === null) throw HttpProblem.notFound(`No layer "${request.params.id}"`);
      // Parcel registers hold up to millions of features: they are served as vector tiles only.
      if (source === 'parcel') {
        throw HttpProblem.badRequest('id', `layer "${request.params.id}" is served as vector tiles only (/tiles/…)`);
      }
      const features = await listFeatures(app.pg, request.params.id, bbox);
      reply.type('application/geo+json');
      return { type: 'FeatureCollection' as const, features };
    },
  );

  app.get(
    '/sites/:id',
    {
      schema: {
        tags: ['map'],
        summary: 'One site: geometry, area, linked policy actions, tender status and history',
        params: Type.Object({ id: Slug }),
        querystring: NoQuery,
        response: { 200: SiteDetail, 400: Problem, 404: Problem },
      },
    },
    async (request) => {
      const site = await getSite(app.pg, request.params.id);
      if (!site) throw HttpProblem.notFound(`No site "${request.params.id}"`);
      return site;
    },
  );

  app.get(
    '/policy',
    {
      schema: {
        tags: ['policy'],
        summary: 'The business policy: initiatives, actions and the sites serving each action',
        querystring: NoQuery,
        response: { 200: Policy, 400: Problem },
      },
    },
    async () => ({ initiatives: await getPolicy(app.pg) }),
  );

  app.get(
    '/plots',
    {
      schema: {
        tags: ['map'],
        summary: 'Plot finder: business plots by tender status, use, area, height and distance (EPSG:25832 metres)',
        querystring: PlotQuery,
        response: { 200: PlotList, 400: Problem },
      },
    },
    async (request) => {
      const plots = await findPlots(app.pg, await resolvePlotQuery(request.query, app.flood, app.cost.budgets.flood));
      return { count: plots.length, plots };
    },
  );

  app.get(
    '/plots.csv',
    {
      config: { budget: 'export' },
      schema: {
        tags: ['map'],
        summary: 'The plot finder’s result (same filters and order) as CSV',
        querystring: PlotQuery,
        response: { 200: Type.String({ description: 'text/csv' }), 400: Problem },
      },
    },
    async (request, reply) => {
      const plots = await findPlots(app.pg, await resolvePlotQuery(request.query, app.flood, app.cost.budgets.flood));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${exportFileName('csv')}"`)
        .send(plotsToCsv(plots));
    },
  );

  app.get(
    '/plots.geojson',
    {
      config: { budget: 'export' },
      schema: {
        tags: ['map'],
        summary: 'The plot finder’s result (same filters and order) as GeoJSON in EPSG:4326 or EPSG:25832',
        querystring: Type.Object(
          {
            ...PlotFilterParams,
            crs: Type.Optional(
              Type.Union([Type.Literal('EPSG:4326'), Type.Literal('EPSG:25832')], { description: 'default EPSG:4326' }),
            ),
          },
          { additionalProperties: false },
        ),
        // Strings are sent as they are; this schema only documents the answer.
        response: { 200: Type.String({ description: 'application/geo+json' }), 400: Problem },
      },
    },
    async (request, reply) => {
      const { crs = 'EPSG:4326', ...filters } = request.query;
      const plots = await findPlotsWithGeometry(
        app.pg,
        await resolvePlotQuery(filters, app.flood, app.cost.budgets.flood),
      );
      return reply
        .type('application/geo+json')
        .header('content-disposition', `attachment; filename="${exportFileName(crs)}"`)
        .send(JSON.stringify(plotsToGeoJson(plots, crs)));
    },
  );
};
