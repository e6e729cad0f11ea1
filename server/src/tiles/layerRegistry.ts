import type { Queryable } from '../repositories/queryable';

/** What the tile path knows of a layer; the only source of table names is `TILE_TABLES` below. */
export interface TileLayer {
  id: string;
  sourceTable: 'site' | 'parcel';
  geometryType: 'polygon' | 'line' | 'point';
  minZoom: number;
  maxZoom: number;
  featureCap: number;
  version: number;
}

interface LayerRow {
  id: string;
  source_table: TileLayer['sourceTable'];
  geometry_type: TileLayer['geometryType'];
  min_zoom: number;
  max_zoom: number;
  tile_feature_cap: number;
  version: number;
}

/**
 * The whitelist of tile layers with their versions, read from the `layer` table and refreshed at most once
 * per `ttlMs`, so a cached tile costs no database round trip. Writes made by this process call `invalidate()`;
 * other instances see a change within `ttlMs`.
 */
export class LayerRegistry {
  private layers = new Map<string, TileLayer>();
  private loadedAt = Number.NEGATIVE_INFINITY;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly db: Queryable,
    private readonly ttlMs: number,
  ) {}

  async get(id: string): Promise<TileLayer | undefined> {
    if (performance.now() - this.loadedAt >= this.ttlMs) await this.refresh();
    return this.layers.get(id);
  }

  invalidate(): void {
    this.loadedAt = Number.NEGATIVE_INFINITY;
  }

  private refresh(): Promise<void> {
    this.loading ??= (async () => {
      try {
        const { rows } = await this.db.query<LayerRow>(
          'SELECT id, source_table, geometry_type, min_zoom, max_zoom, tile_feature_cap, version FROM layer',
        );
        this.layers = new Map(
          rows.map((r) => [
            r.id,
            {
              id: r.id,
              sourceTable: r.source_table,
              geometryType: r.geometry_type,
              minZoom: r.min_zoom,
              maxZoom: r.max_zoom,
              featureCap: r.tile_feature_cap,
              version: r.version,
            },
          ]),
        );
        this.loadedAt = performance.now();
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }
}
