import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem } from '@shared/schemas/common';
import { PlotFilterParams, PlotList, PlotQuery } from '@shared/schemas/plot';
import { resolvePlotQuery } from './parsePlotQuery';
import { findPlots, findPlotsWithGeometry } from './plotRepository';
import { exportFileName, plotsToCsv, plotsToGeoJson } from './plotExports';

/** The plot finder and its exports (JSON, CSV, GeoJSON): thin routes over the plot repository. */
export const plotRoutes: FastifyPluginAsyncTypebox = async (app) => {
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
      const { filter, visibleFrom } = await resolvePlotQuery(request.query, app.flood, app.cost.budgets.flood);
      const plots = await findPlots(request.readsAfter(visibleFrom), filter);
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
      const { filter, visibleFrom } = await resolvePlotQuery(request.query, app.flood, app.cost.budgets.flood);
      const plots = await findPlots(request.readsAfter(visibleFrom), filter);
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
      const { filter, visibleFrom } = await resolvePlotQuery(filters, app.flood, app.cost.budgets.flood);
      const plots = await findPlotsWithGeometry(request.readsAfter(visibleFrom), filter);
      return reply
        .type('application/geo+json')
        .header('content-disposition', `attachment; filename="${exportFileName(crs)}"`)
        .send(JSON.stringify(plotsToGeoJson(plots, crs)));
    },
  );
};
