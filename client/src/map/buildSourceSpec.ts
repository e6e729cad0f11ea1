import type { SourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection as GeoJsonFeatureCollection } from 'geojson';
import type { Layer } from '@shared/schemas/layer';
import type { FeatureCollection } from '@shared/schemas/site';
import { layerSourceId } from './ids';

/**
 * Highest zoom the client asks the tile server for; MapLibre overzooms (scales) z16 tiles beyond it.
 * A 512-px z16 tile with the default 4096 extent resolves about 0.1 m at 55° N, finer than any seed
 * geometry, so deeper tiles would only cost requests.
 */
export const MAX_TILE_ZOOM = 16;

/**
 * The absolute tile URL template of a layer (MapLibre resolves tile URLs in its worker, where a
 * relative URL has no page to resolve against). `v` is the layer's version: a new version is a new
 * URL, so browser caches never serve tiles of an older one.
 */
export function tileUrlTemplate({ layer, origin }: { layer: Pick<Layer, 'id' | 'version'>; origin: string }): string {
  return `${origin}/tiles/${encodeURIComponent(layer.id)}/{z}/{x}/{y}.mvt?v=${layer.version}`;
}

/** The URL template of a tileset's tiles (see tileUrlTemplate); `v` is the tileset's version. */
export function tilesetUrlTemplate({
  tileset,
  origin,
}: {
  tileset: NonNullable<Layer['tileset']>;
  origin: string;
}): string {
  return `${origin}/tiles/sets/${encodeURIComponent(tileset.id)}/{z}/{x}/{y}.mvt?v=${tileset.version}`;
}

/** The zooms a vector source asks tiles for: from min_zoom to max_zoom, at most z16 (overzoomed beyond). */
function tileZooms(layer: Pick<Layer, 'min_zoom' | 'max_zoom'>): { minzoom: number; maxzoom: number } {
  // Never below minzoom: a layer whose range starts above z16 is fetched at its first zoom.
  return { minzoom: layer.min_zoom, maxzoom: Math.max(layer.min_zoom, Math.min(layer.max_zoom, MAX_TILE_ZOOM)) };
}

export interface BuildSourceSpecInput {
  layer: Layer;
  /** The page's origin, e.g. `location.origin`. */
  origin: string;
  /** The features of a layer delivered as GeoJSON; ignored for a tile layer. */
  features?: FeatureCollection;
}

/**
 * The MapLibre source of one API layer: vector tiles for `delivery: 'tiles'` (polygons, lines), GeoJSON
 * for `delivery: 'geojson'` (points). Both promote the `id` property (the site id) to the feature id,
 * which feature-state is keyed by.
 */
export function buildSourceSpec({ layer, origin, features }: BuildSourceSpecInput): SourceSpecification {
  if (layer.delivery === 'tiles') {
    return { type: 'vector', tiles: [tileUrlTemplate({ layer, origin })], ...tileZooms(layer), promoteId: 'id' };
  }
  return {
    type: 'geojson',
    // The schema leaves coordinates loose; PostGIS made them, so they are valid GeoJSON.
    data: (features ?? { type: 'FeatureCollection', features: [] }) as GeoJsonFeatureCollection,
    promoteId: 'id',
  };
}

/**
 * The source of a tileset's member layers: tiles from the first zoom any member is drawn at to the last (the
 * server leaves out a member outside its own range), promoting each feature's `id`.
 */
export function buildTilesetSourceSpec({
  members,
  origin,
}: {
  /** The layers of one tileset (same `tileset`), at least one. */
  members: readonly Layer[];
  origin: string;
}): SourceSpecification {
  const first = members[0];
  if (first?.tileset == null) throw new Error('buildTilesetSourceSpec: no member of a tileset');
  const zooms = members.map(tileZooms);
  return {
    type: 'vector',
    tiles: [tilesetUrlTemplate({ tileset: first.tileset, origin })],
    minzoom: Math.min(...zooms.map((z) => z.minzoom)),
    maxzoom: Math.max(...zooms.map((z) => z.maxzoom)),
    promoteId: 'id',
  };
}

/**
 * Every source the API layers need, by source id (ids.ts layerSourceId): one per tileset, shared by its member
 * layers, and one per other layer.
 */
export function buildSources({
  layers,
  origin,
  collections,
}: {
  layers: readonly Layer[];
  origin: string;
  collections: Readonly<Record<string, FeatureCollection>>;
}): Map<string, SourceSpecification> {
  const members = new Map<string, Layer[]>();
  const sources = new Map<string, SourceSpecification>();
  for (const layer of layers) {
    const id = layerSourceId(layer);
    if (layer.tileset) members.set(id, [...(members.get(id) ?? []), layer]);
    else sources.set(id, buildSourceSpec({ layer, origin, features: collections[layer.id] }));
  }
  for (const [id, group] of members) sources.set(id, buildTilesetSourceSpec({ members: group, origin }));
  for (const [id, spec] of sources) {
    const attribution = attributionOf(layers.filter((layer) => layerSourceId(layer) === id));
    if (attribution !== null && (spec.type === 'vector' || spec.type === 'geojson')) spec.attribution = attribution;
  }
  return sources;
}

/**
 * The credit line of a source: its layers' data sources (style.attribution), each once, for the map's
 * attribution control; null when none names one.
 */
export function attributionOf(layers: readonly Pick<Layer, 'style'>[]): string | null {
  const lines = [...new Set(layers.flatMap((layer) => layer.style.attribution ?? []))];
  return lines.length === 0 ? null : lines.join(' · ');
}
