import type { SourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection as GeoJsonFeatureCollection } from 'geojson';
import type { Layer } from '../../../server/src/schemas/layer';
import type { FeatureCollection } from '../../../server/src/schemas/site';

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
    return {
      type: 'vector',
      tiles: [tileUrlTemplate({ layer, origin })],
      minzoom: layer.min_zoom,
      // Never below minzoom: a layer whose range starts above z16 is fetched at its first zoom.
      maxzoom: Math.max(layer.min_zoom, Math.min(layer.max_zoom, MAX_TILE_ZOOM)),
      promoteId: 'id',
    };
  }
  return {
    type: 'geojson',
    // The schema leaves coordinates loose; PostGIS made them, so they are valid GeoJSON.
    data: (features ?? { type: 'FeatureCollection', features: [] }) as GeoJsonFeatureCollection,
    promoteId: 'id',
  };
}
