import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { LRUCache } from 'lru-cache';
import type { Queryable } from '../../platform/db/queryable';
import { encodeTile, type TileRow } from './encodeTile';
import { LayerRegistry, type TileLayer, type Tileset } from './layerRegistry';
import type { TileAddress } from './tileAddress';
import {
  decodeMvt,
  geojsonRowsSql,
  MVT_PROBE_SQL,
  mvtSql,
  tileQueryValues,
  tilesetMvtSql,
  tilesetQueryValues,
} from './tileQueries';
import { TILESET_TABLE } from './tilesets';

const gzip = promisify(gzipCallback);

type Table = TileLayer['sourceTable'];
type Of = 'layer' | 'tileset';

/** The tile queries per source table and kind of tile, built once rather than on every uncached tile. */
const TABLES = ['site', 'parcel', 'osm'] as const satisfies readonly Table[];
const byTable = (sql: (table: Table) => string) =>
  Object.fromEntries(TABLES.map((t) => [t, sql(t)])) as Record<Table, string>;
const SQL: Record<Of, { mvt: Record<Table, string>; rows: Record<Table, string> }> = {
  layer: { mvt: byTable(mvtSql), rows: byTable((t) => geojsonRowsSql(t, 'layer')) },
  tileset: { mvt: byTable(tilesetMvtSql), rows: byTable((t) => geojsonRowsSql(t, 'tileset')) },
};

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
    this.encoderChoice ??= this.db.query(MVT_PROBE_SQL).then(
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
  get(layer: TileLayer, tile: TileAddress): Promise<{ tile: EncodedTile; cached: boolean; key: string }> {
    return this.cached(`${layer.id}/${layer.version}/${tile.z}/${tile.x}/${tile.y}`, async () =>
      this.render(layer, tile, await this.encoder()),
    );
  }

  /** A tileset's encoded tile, from the cache when this tileset version's tile was rendered before. */
  getTileset(tileset: Tileset, tile: TileAddress): Promise<{ tile: EncodedTile; cached: boolean; key: string }> {
    // Layer ids are slugs, so `set:` keys never meet a layer's.
    return this.cached(`set:${tileset.id}/${tileset.version}/${tile.z}/${tile.x}/${tile.y}`, async () =>
      this.renderTileset(tileset, tile, await this.encoder()),
    );
  }

  private async cached(
    key: string,
    render: () => Promise<Buffer>,
  ): Promise<{ tile: EncodedTile; cached: boolean; key: string }> {
    const hit = this.cache?.get(key);
    if (hit) return { tile: hit, cached: true, key };
    const encoded: EncodedTile = { raw: await render() };
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
  render(layer: TileLayer, tile: TileAddress, encoder: TileEncoder): Promise<Buffer> {
    return this.query({ of: 'layer', table: layer.sourceTable, values: tileQueryValues(layer, tile), tile, encoder });
  }

  /**
   * Renders a tileset's tile: one MVT layer per member whose zoom range holds the tile's zoom (an empty tile
   * when none does), bypassing the cache.
   */
  async renderTileset(tileset: Tileset, tile: TileAddress, encoder: TileEncoder): Promise<Buffer> {
    const layers = tileset.members.filter((layer) => tile.z >= layer.minZoom && tile.z <= layer.maxZoom);
    if (layers.length === 0) return Buffer.alloc(0);
    const values = tilesetQueryValues(layers, tile);
    return this.query({ of: 'tileset', table: TILESET_TABLE[tileset.id], values, tile, encoder });
  }

  private async query({
    of,
    table,
    values,
    tile,
    encoder,
  }: {
    of: Of;
    table: Table;
    values: unknown[];
    tile: TileAddress;
    encoder: TileEncoder;
  }): Promise<Buffer> {
    const name = (prefix: string) => (this.options.namedStatements ? { name: `${prefix}-${of}-${table}` } : {});
    if (encoder === 'postgis') {
      const { rows } = await this.db.query<{ mvt: string | null }>({
        ...name('tile-mvt'),
        text: SQL[of].mvt[table],
        values,
      });
      return decodeMvt(rows[0]);
    }
    const { rows } = await this.db.query<TileRow>({ ...name('tile-rows'), text: SQL[of].rows[table], values });
    const encoded = encodeTile({ rows, tile });
    return Buffer.from(encoded.buffer, encoded.byteOffset, encoded.byteLength);
  }
}
