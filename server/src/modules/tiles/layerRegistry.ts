import type { Queryable } from '../../platform/db/queryable';
import { isTilesetMember, TILESETS, tilesetVersion, type TilesetId } from './tilesets';
import { TILE_LAYERS_SQL } from './tileQueries';

/** What the tile path knows of a layer; the only source of table names is `TILE_TABLES` below. */
export interface TileLayer {
  id: string;
  sourceTable: 'site' | 'parcel' | 'osm';
  geometryType: 'polygon' | 'line' | 'point';
  minZoom: number;
  maxZoom: number;
  featureCap: number;
  version: number;
}

/** Several tile layers served as one (tilesets.ts), with the version its URLs and cache keys carry. */
export interface Tileset {
  id: TilesetId;
  version: string;
  /** In the order of their ids. */
  members: TileLayer[];
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
 * per `ttlMs`, so a cached tile costs no database round trip. Writes made by this process call `invalidate()`,
 * after which the next request waits for the new versions; other instances see a change within 2 × `ttlMs`.
 *
 * A list older than `ttlMs` is refreshed in the background while requests go on with it; only one older than
 * 2 × `ttlMs` (an idle server's) is waited for. Under load the refresh queues for a pooled connection behind
 * the tile queries, and when every request waited for it, throughput collapsed every `ttlMs`
 * (bench/results/tiles.md, 50 connections). With `ttlMs` 0 every request reads the table.
 */
export class LayerRegistry {
  private layers = new Map<string, TileLayer>();
  private tilesets = new Map<string, Tileset>();
  /** When the list was read; never before the first read and after `invalidate()`, so requests wait for it. */
  private loadedAt = Number.NEGATIVE_INFINITY;
  /** Counts `invalidate()` calls, so that a read begun before one does not count as current. */
  private generation = 0;
  private loading: { generation: number; promise: Promise<void> } | null = null;

  constructor(
    private readonly db: Queryable,
    private readonly ttlMs: number,
  ) {}

  async get(id: string): Promise<TileLayer | undefined> {
    await this.current();
    return this.layers.get(id);
  }

  /** A tileset by id (only those of `TILESETS`), with its members' current versions. */
  async getTileset(id: string): Promise<Tileset | undefined> {
    await this.current();
    return this.tilesets.get(id);
  }

  /**
   * Reads the list again unless it was read in the last `ms`: for a URL that names a version newer than this
   * list, written moments ago through another instance (issue #18). The floor keeps made-up versions cheap.
   */
  async fresher(ms: number): Promise<void> {
    if (performance.now() - this.loadedAt < ms) return;
    this.invalidate();
    await this.current();
  }

  invalidate(): void {
    this.generation++;
    this.loadedAt = Number.NEGATIVE_INFINITY;
  }

  private async current(): Promise<void> {
    const age = performance.now() - this.loadedAt;
    if (age >= 2 * this.ttlMs) {
      await this.refresh();
    } else if (age >= this.ttlMs) {
      // A failed background refresh is retried by the next request; the last list stays until then.
      this.refresh().catch(() => undefined);
    }
  }

  private refresh(): Promise<void> {
    if (this.loading?.generation === this.generation) return this.loading.promise;
    const generation = this.generation;
    const promise = this.read(generation).finally(() => {
      if (this.loading?.promise === promise) this.loading = null;
    });
    this.loading = { generation, promise };
    return promise;
  }

  private async read(generation: number): Promise<void> {
    const { rows } = await this.db.query<LayerRow>(TILE_LAYERS_SQL);
    // This process wrote since the read began, so it may lack that write: the read begun after it counts.
    if (generation !== this.generation) return;
    const layers: TileLayer[] = rows.map((r) => ({
      id: r.id,
      sourceTable: r.source_table,
      geometryType: r.geometry_type,
      minZoom: r.min_zoom,
      maxZoom: r.max_zoom,
      featureCap: r.tile_feature_cap,
      version: r.version,
    }));
    this.layers = new Map(layers.map((layer) => [layer.id, layer]));
    this.tilesets = new Map(
      TILESETS.map((id) => {
        const members = layers.filter((layer) => isTilesetMember(id, layer)).sort((a, b) => (a.id < b.id ? -1 : 1));
        return [id, { id, version: tilesetVersion(members), members }];
      }),
    );
    this.loadedAt = performance.now();
  }
}
