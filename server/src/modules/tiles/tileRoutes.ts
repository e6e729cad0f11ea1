import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Problem, Slug } from '@shared/schemas/common';
import { HttpProblem } from '../../platform/errors';
import { parseTileAddress } from './tileAddress';
import { findMatchingEtag } from '../../platform/http/findMatchingEtag';
import type { TileService } from './tileService';

export const MVT_CONTENT_TYPE = 'application/vnd.mapbox-vector-tile';

/** A browser or CDN may keep a tile whose URL names the current layer version for good; others briefly. */
const CACHE_VERSIONED = 'public, max-age=31536000, immutable';
const CACHE_UNVERSIONED = 'public, max-age=60, stale-while-revalidate=60';

const TilePart = Type.String({ maxLength: 12, description: 'a non-negative integer' });
const TileParams = { z: TilePart, x: TilePart, y: TilePart };
const TileHeaders = Type.Object({ 'if-none-match': Type.Optional(Type.String({ maxLength: 512 })) });
const versionQuery = (pattern: string, description: string) =>
  Type.Object({ v: Type.Optional(Type.String({ pattern, description })) }, { additionalProperties: false });
const tileResponses = (empty: string) => ({
  // Buffers bypass serialisation; these schemas only document the answers.
  200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: `The tile (${MVT_CONTENT_TYPE})` }),
  204: Type.Null({ description: empty }),
  304: Type.Null({ description: 'Not modified' }),
  400: Problem,
  404: Problem,
});

/** Whether an Accept-Encoding header accepts gzip: named (or `*`) with a q-value above 0 (RFC 9110 §12.5.3). */
function acceptsGzip(header: string | undefined): boolean {
  const weights = new Map(
    (header ?? '').split(',').map((part) => {
      const [coding = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      return [coding, q === undefined ? 1 : Number(q.slice(2))] as const;
    }),
  );
  const q = weights.get('gzip') ?? weights.get('x-gzip') ?? weights.get('*') ?? 0;
  return q > 0;
}

/** How stale the primary's layer list may be when a URL names a version the replicas do not have yet (ms). */
const PRIMARY_REFRESH_FLOOR_MS = 50;

/**
 * `GET /tiles/:layer/:z/:x/:y.mvt` and `GET /tiles/sets/:tileset/:z/:x/:y.mvt`: Mapbox Vector Tiles.
 *
 * With read replicas (issue #18), `tiles` reads from them and `primaryTiles` from the primary. A URL naming a
 * version newer than the replicas know was handed out by a fresher read (the writer's own list, from the primary):
 * it is drawn from the primary, so the writer never sees the old state under the new version, and no cache in
 * front keeps old content under the new URL.
 */
export const tileRoutes: FastifyPluginAsyncTypebox<{ tiles: TileService; primaryTiles?: TileService }> = async (
  app,
  { tiles: replicaTiles, primaryTiles },
) => {
  /**
   * The answer for one tile: ETag (the version and the encoder) with If-None-Match → 304, cache headers
   * (immutable when the URL names the current version), 204 when empty, gzip when accepted.
   */
  async function sendTile(
    request: { query: { v?: string }; headers: FastifyRequest['headers'] },
    reply: FastifyReply,
    {
      tiles,
      name,
      version,
      render,
    }: {
      tiles: TileService;
      name: string;
      version: string;
      /** The tile, or null when nothing can be in it (outside the layer's zoom range). */
      render: () => ReturnType<TileService['get']> | null;
    },
  ) {
    const encoder = await tiles.encoder();
    // The gzip and identity bodies differ byte for byte, so they must not share one strong ETag (RFC 9110 §8.8.3).
    const identity = `"${name}-${version}-${encoder}"`;
    const gzipTag = `"${name}-${version}-${encoder}-gz"`;
    const gzip = acceptsGzip(request.headers['accept-encoding']);
    reply
      .header('etag', gzip ? gzipTag : identity)
      .header('vary', 'Accept-Encoding')
      .header('cache-control', request.query.v === version ? CACHE_VERSIONED : CACHE_UNVERSIONED);
    // Either variant may be named: a cache holding both sends both tags, and the 304's ETag says which to reuse.
    const matched = findMatchingEtag(
      request.headers['if-none-match'],
      gzip ? [gzipTag, identity] : [identity, gzipTag],
    );
    if (matched) return reply.header('etag', matched).code(304).send(null);

    const rendering = render();
    if (rendering === null) return reply.code(204).send(null);
    const { tile, cached, key } = await rendering;
    reply.header('x-tile-cache', cached ? 'hit' : 'miss');
    if (tile.raw.length === 0) return reply.code(204).send(null);
    reply.type(MVT_CONTENT_TYPE);
    if (gzip) return reply.header('content-encoding', 'gzip').send(await tiles.gzipped(key, tile));
    return reply.send(tile.raw);
  }

  app.get(
    '/:layer/:z/:x/:y.mvt',
    {
      schema: {
        tags: ['map'],
        summary: 'A Mapbox Vector Tile (EPSG:3857 XYZ) of one layer; 204 when the tile is empty',
        params: Type.Object({ layer: Slug, ...TileParams }),
        querystring: versionQuery('^[0-9]{1,9}$', 'layer version (from /api/layers) for immutable caching'),
        headers: TileHeaders,
        response: tileResponses('Nothing in this tile, or outside the layer’s zoom range'),
      },
    },
    async (request, reply) => {
      let tiles = replicaTiles;
      let layer = await tiles.registry.get(request.params.layer);
      const wanted = request.query.v === undefined ? null : Number(request.query.v);
      if (primaryTiles && layer && wanted !== null && wanted > layer.version) {
        tiles = primaryTiles;
        layer = await tiles.registry.get(request.params.layer);
        if (layer && wanted > layer.version) {
          await tiles.registry.fresher(PRIMARY_REFRESH_FLOOR_MS);
          layer = await tiles.registry.get(request.params.layer);
        }
      }
      if (!layer || layer.geometryType === 'point') {
        throw HttpProblem.notFound(`No tile layer "${request.params.layer}"`);
      }
      const address = parseTileAddress(request.params);
      const outside = address.z < layer.minZoom || address.z > layer.maxZoom;
      const drawn = layer;
      return sendTile(request, reply, {
        tiles,
        name: layer.id,
        version: String(layer.version),
        render: () => (outside ? null : tiles.get(drawn, address)),
      });
    },
  );

  app.get(
    '/sets/:tileset/:z/:x/:y.mvt',
    {
      schema: {
        tags: ['map'],
        summary:
          'A Mapbox Vector Tile (EPSG:3857 XYZ) of several layers, one source-layer each (a layer’s `tileset` in /api/layers); 204 when empty',
        params: Type.Object({ tileset: Slug, ...TileParams }),
        querystring: versionQuery(
          '^[0-9a-f]{1,64}$',
          'tileset version (a layer’s tileset.version) for immutable caching',
        ),
        headers: TileHeaders,
        response: tileResponses('Nothing in this tile, or no member layer drawn at this zoom'),
      },
    },
    async (request, reply) => {
      let tiles = replicaTiles;
      let tileset = await tiles.registry.getTileset(request.params.tileset);
      const wanted = request.query.v;
      // Tileset versions are hashes, not counters: a version the replicas do not know may be the primary's.
      if (primaryTiles && tileset && wanted !== undefined && wanted !== tileset.version) {
        let fresh = await primaryTiles.registry.getTileset(request.params.tileset);
        if (fresh && fresh.version !== wanted) {
          await primaryTiles.registry.fresher(PRIMARY_REFRESH_FLOOR_MS);
          fresh = await primaryTiles.registry.getTileset(request.params.tileset);
        }
        if (fresh?.version === wanted) {
          tiles = primaryTiles;
          tileset = fresh;
        }
      }
      if (!tileset) throw HttpProblem.notFound(`No tileset "${request.params.tileset}"`);
      const address = parseTileAddress(request.params);
      const drawn = tileset;
      return sendTile(request, reply, {
        tiles,
        name: `set-${tileset.id}`,
        version: tileset.version,
        render: () => tiles.getTileset(drawn, address),
      });
    },
  );
};
