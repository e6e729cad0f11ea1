import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem, Slug } from '@shared/schemas/common';
import { AffectedList, DikeState, FloodExtentFeature, LevelParam, SiteFloodExposure } from '@shared/schemas/flood';
import { HttpProblem } from '../../platform/errors';
import { getSite } from '../sites';
import { floodExtentGeometry, sitesInFloodExtent } from './floodRepository';
import { siteFloodReport } from './siteFloodReport';
import {
  DIKE_CREST_LEVEL,
  FLOOD_LEVEL_RANGE,
  FLOOD_SCENARIOS,
  SEA_LEVEL_RISE_2100,
} from '@shared/flood/floodScenarios';
import type { FloodExtent, FloodService } from './floodService';
import { parseFloodLevel } from './parseFloodLevel';
import { findMatchingEtag } from '../../platform/http/findMatchingEtag';

const LevelQuery = Type.Object({ level: LevelParam, dike: Type.Optional(DikeState) }, { additionalProperties: false });

/** An extent never changes for its model: caches may keep it for an hour and revalidate by ETag after. */
const CACHE_EXTENT = 'public, max-age=3600';

const modelFacts = (extent: FloodExtent) => ({
  level_m: extent.key.levelCm / 100,
  dike: extent.key.dike ? ('with' as const) : ('without' as const),
  model: extent.key.model,
  source: extent.source,
  accuracy: extent.accuracy,
});

/** The flood model's answers (issue #7): extents, what they reach, and one site's exposure to the scenarios. */
export const floodRoutes: FastifyPluginAsyncTypebox<{ flood: FloodService }> = async (app, { flood }) => {
  const levelOf = (query: { level: string; dike?: 'with' | 'without' }) => ({
    levelCm: parseFloodLevel('level', query.level),
    dike: (query.dike ?? 'with') === 'with',
  });
  const extentOf = (query: { level: string; dike?: 'with' | 'without' }) =>
    flood.extent(levelOf(query), app.cost.budgets.flood);
  /** A level this instance has computed costs nothing: only new ones count against the client's limit. */
  const newLevelLimit = app.cost.expensiveRateLimit((request) => {
    try {
      return flood.has(levelOf(request.query as { level: string; dike?: 'with' | 'without' }));
    } catch {
      return false; // a bad level: counted, then refused by the schema or the parser
    }
  });

  app.get(
    '/flood/scenarios',
    {
      schema: {
        tags: ['climate'],
        summary: 'Named storm-surge scenarios, sea-level rise allowances, the dike crest and the terrain model',
        querystring: Type.Object({}, { additionalProperties: false }),
        response: {
          200: Type.Object({
            scenarios: Type.Array(
              Type.Object({
                id: Type.String(),
                level: Type.Number(),
                labelDa: Type.String(),
                labelEn: Type.String(),
                source: Type.String(),
              }),
            ),
            sea_level_rise_2100: Type.Array(
              Type.Object({
                id: Type.String(),
                rise: Type.Number(),
                labelDa: Type.String(),
                labelEn: Type.String(),
                source: Type.String(),
              }),
            ),
            dike_crest_m: Type.Number(),
            level_range_m: Type.Object({ min: Type.Number(), max: Type.Number() }),
            terrain: Type.Object({ source: Type.String(), accuracy: Type.String(), cell_size_m: Type.Number() }),
          }),
          400: Problem,
        },
      },
    },
    async () => {
      const terrain = await flood.terrain();
      return {
        scenarios: [...FLOOD_SCENARIOS],
        sea_level_rise_2100: [...SEA_LEVEL_RISE_2100],
        dike_crest_m: DIKE_CREST_LEVEL,
        level_range_m: { ...FLOOD_LEVEL_RANGE },
        terrain: { source: terrain.source, accuracy: terrain.accuracy, cell_size_m: terrain.cellSizeM },
      };
    },
  );

  app.get(
    '/flood',
    {
      config: { rateLimit: newLevelLimit },
      schema: {
        tags: ['climate'],
        summary: 'The land a still-water level floods (bathtub model with connectivity to the sea), EPSG:4326',
        querystring: LevelQuery,
        headers: Type.Object({ 'if-none-match': Type.Optional(Type.String({ maxLength: 512 })) }),
        response: { 200: FloodExtentFeature, 304: Type.Null(), 400: Problem },
      },
    },
    async (request, reply) => {
      const extent = await extentOf(request.query);
      const { model, levelCm, dike } = extent.key;
      const etag = `"flood-${model}-${levelCm}-${dike ? 'with' : 'without'}"`;
      reply.header('etag', etag).header('cache-control', CACHE_EXTENT);
      if (findMatchingEtag(request.headers['if-none-match'], [etag])) return reply.code(304).send(null);
      const geometry = await floodExtentGeometry(request.readsAfter(extent.visibleFrom), extent.key);
      if (!geometry) throw new Error(`flood extent ${etag} vanished after it was stored`);
      return {
        type: 'Feature' as const,
        id: `flood-${levelCm}-${dike ? 'with' : 'without'}`,
        geometry,
        properties: { ...modelFacts(extent), flooded_area_m2: extent.floodedAreaM2 },
      };
    },
  );

  app.get(
    '/flood/affected',
    {
      config: { rateLimit: newLevelLimit },
      schema: {
        tags: ['climate'],
        summary: 'Plots, energy zones, sites, stations and roads a level floods, with the flooded area or length',
        querystring: LevelQuery,
        response: { 200: AffectedList, 400: Problem },
      },
    },
    async (request) => {
      const extent = await extentOf(request.query);
      const sites = await sitesInFloodExtent(request.readsAfter(extent.visibleFrom), extent.key);
      return { ...modelFacts(extent), flooded_area_m2: extent.floodedAreaM2, count: sites.length, sites };
    },
  );

  app.get(
    '/sites/:id/flood',
    {
      schema: {
        tags: ['climate'],
        summary: 'How much of one site each named scenario floods, with and without the dike',
        params: Type.Object({ id: Slug }),
        querystring: Type.Object({}, { additionalProperties: false }),
        response: { 200: SiteFloodExposure, 400: Problem, 404: Problem },
      },
    },
    async (request) => {
      const site = await getSite(request.reads, request.params.id);
      if (!site) throw HttpProblem.notFound(`No site "${request.params.id}"`);
      return siteFloodReport({ reads: (visibleFrom) => request.readsAfter(visibleFrom), flood, site });
    },
  );
};
