import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { LRUCache } from 'lru-cache';
import type { Queryable } from '../repositories/queryable';
import { encodeTile, type TileRow } from './encodeTile';
import { LayerRegistry, type TileLayer } from './layerRegistry';
import type { TileAddress } from './tileAddress';
import { decodeMvt, geojsonRowsSql, mvtSql, tileQueryValues } from './tileQueries';

const gzip = promisify(gzipCallback);

/** The tile queries per source table, built once rather than on every uncached tile. */
const TABLES = ['site', 'parcel'] as const satisfies readonly TileLayer['sourceTable'][];
const MVT_SQL = Object.fromEntries(TABLES.map((t) => [t, mvtSql(t)])) as Record<TileLayer['sourceTable'], string>;
const ROWS_SQL = Object.fromEntries(TABLES.map((t) => [t, geojsonRowsSql(t)])) as Record<
  TileLayer['sourceTable'],
  string
>;

/** `postgis`: ST_AsMVT in the database; `js`: rows from the database, encoded with geojson-vt + vt-pbf. */
export type TileEncoder = 'postgis' | 'js';

export interface TileServiceOptions {
  /** `auto` picks `postgis` when the database can encode MVT (PGlite's PostGIS has no protobuf). */
  encoder: TileEncoder | 'auto';
  /** Size of the in-process cache of encoded tiles in bytes; 0 turns caching off. */
  cacheBytes: number;
  /** How long layer versions are trusted before they are read again (other instances' writes). */
  registryTtlMs: number;
  /**
   * Named (prepared) statements, parsed and planned once per connection. Only where each pooled connection is
   * its own session: not on the embedded engine, where all connections share one.
   */
  namedStatements: boolean;
}

export interface EncodedTile {
  raw: Buffer;
  gzipped?: Buffer;
}

/** Renders, caches and versions vector tiles. One per app. */
export class TileService {
  readonly registry: LayerRegistry;
  private readonly cache: LRUCache<string, EncodedTile> | null;
  private encoderChoice: Promise<TileEncoder> | null = null;

  constructor(
    private readonly db: Queryable,
    private readonly options: TileServiceOptions,
  ) {
    this.registry = new LayerRegistry(db, options.registryTtlMs);
    this.cache =
      options.cacheBytes > 0
        ? new LRUCache<string, EncodedTile>({
            maxSize: options.cacheBytes,
            sizeCalculation: (t) => Math.max(1, t.raw.length + (t.gzipped?.length ?? 0)),
          })
        : null;
  }

  /** The encoder in use, detected once: does ST_AsMVT work on this database? */
  encoder(): Promise<TileEncoder> {
    if (this.options.encoder !== 'auto') return Promise.resolve(this.options.encoder);
    this.encoderChoice ??= this.db
      .query("SELECT ST_AsMVT(q, 'probe') FROM (SELECT ST_Point(0, 0, 3857) AS geom) q")
      .then(
        () => 'postgis' as const,
        (err: Error) => {
          if (/protobuf/i.test(err.message)) return 'js' as const;
          // Any other failure (database down) says nothing about the engine: ask again next time.
          this.encoderChoice = null;
          throw err;
        },
      );
    return this.encoderChoice;
  }

  /** The encoded tile, from the cache when this layer version's tile was rendered before. */
  async get(layer: TileLayer, tile: TileAddress): Promise<{ tile: EncodedTile; cached: boolean; key: string }> {
    const key = `${layer.id}/${layer.version}/${tile.z}/${tile.x}/${tile.y}`;
    const hit = this.cache?.get(key);
    if (hit) return { tile: hit, cached: true, key };
    const encoded: EncodedTile = { raw: await this.render(layer, tile, await this.encoder()) };
    this.cache?.set(key, encoded);
    return { tile: encoded, cached: false, key };
  }

  /** The gzip form of a tile, computed once and kept with it (the cache re-weighs the entry). */
  async gzipped(key: string, tile: EncodedTile): Promise<Buffer> {
    if (!tile.gzipped) {
      tile.gzipped = await gzip(tile.raw);
      if (this.cache?.has(key)) this.cache.set(key, tile);
    }
    return tile.gzipped;
  }

  /** Renders one tile with the given encoder, bypassing the cache (tests compare the two encoders). */
  async render(layer: TileLayer, tile: TileAddress, encoder: TileEncoder): Promise<Buffer> {
    const values = tileQueryValues(layer, tile);
    const name = (prefix: string) => (this.options.namedStatements ? { name: `${prefix}-${layer.sourceTable}` } : {});
    if (encoder === 'postgis') {
      const { rows } = await this.db.query<{ mvt: string | null }>({
        ...name('tile-mvt'),
        text: MVT_SQL[layer.sourceTable],
        values,
      });
      return decodeMvt(rows[0]);
    }
    const { rows } = await this.db.query<TileRow>({
      ...name('tile-rows'),
      text: ROWS_SQL[layer.sourceTable],
      values,
    });
    const encoded = encodeTile({ layerName: layer.id, rows, tile });
    return Buffer.from(encoded.buffer, encoded.byteOffset, encoded.byteLength);
  }
}
