import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem, Slug } from '../schemas/common';
import { HttpProblem } from '../plugins/errors';
import { parseTileAddress } from '../tiles/tileAddress';
import type { TileService } from '../tiles/tileService';

export const MVT_CONTENT_TYPE = 'application/vnd.mapbox-vector-tile';

/** A browser or CDN may keep a tile whose URL names the current layer version for good; others briefly. */
const CACHE_VERSIONED = 'public, max-age=31536000, immutable';
const CACHE_UNVERSIONED = 'public, max-age=60, stale-while-revalidate=60';

const TilePart = Type.String({ maxLength: 12, description: 'a non-negative integer' });

/** `GET /tiles/:layer/:z/:x/:y.mvt`: Mapbox Vector Tiles of every polygon and line layer. */
export const tileRoutes: FastifyPluginAsyncTypebox<{ tiles: TileService }> = async (app, { tiles }) => {
  app.get(
    '/:layer/:z/:x/:y.mvt',
    {
      schema: {
        tags: ['map'],
        summary: 'A Mapbox Vector Tile (EPSG:3857 XYZ) of one layer; 204 when the tile is empty',
        params: Type.Object({ layer: Slug, z: TilePart, x: TilePart, y: TilePart }),
        querystring: Type.Object(
          {
            v: Type.Optional(
              Type.String({
                pattern: '^[0-9]{1,9}$',
                description: 'layer version (from /api/layers) for immutable caching',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        headers: Type.Object({ 'if-none-match': Type.Optional(Type.String({ maxLength: 512 })) }),
        response: {
          // Buffers bypass serialisation; these schemas only document the answers.
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: `The tile (${MVT_CONTENT_TYPE})` }),
          204: Type.Null({ description: 'Nothing in this tile, or outside the layer’s zoom range' }),
          304: Type.Null({ description: 'Not modified' }),
          400: Problem,
          404: Problem,
        },
      },
    },
    async (request, reply) => {
      const layer = await tiles.registry.get(request.params.layer);
      if (!layer || layer.geometryType === 'point') {
        throw HttpProblem.notFound(`No tile layer "${request.params.layer}"`);
      }
      const address = parseTileAddress(request.params);
      const encoder = await tiles.encoder();
      const etag = `"${layer.id}-${layer.version}-${encoder}"`;
      reply
        .header('etag', etag)
        .header('vary', 'Accept-Encoding')
        .header('cache-control', request.query.v === String(layer.version) ? CACHE_VERSIONED : CACHE_UNVERSIONED);
      if (request.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) return reply.code(304).send(null);
      if (address.z < layer.minZoom || address.z > layer.maxZoom) return reply.code(204).send(null);

      const { tile, cached, key } = await tiles.get(layer, address);
      reply.header('x-tile-cache', cached ? 'hit' : 'miss');
      if (tile.raw.length === 0) return reply.code(204).send(null);
      reply.type(MVT_CONTENT_TYPE);
      if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
        return reply.header('content-encoding', 'gzip').send(await tiles.gzipped(key, tile));
      }
      return reply.send(tile.raw);
    },
  );
};
