import { geoJSONToTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { TileAddress } from './tileAddress';
import { BUFFER, EXTENT } from './tileQueries';

export type TileRow = Record<string, unknown> & { geometry: Geometry };

/**
 * Encodes rows (EPSG:4326 GeoJSON geometry plus attributes) as a Mapbox Vector Tile with one MVT layer per
 * value of the rows' `layer` attribute (the tile SQL's), named after it, clipped with the same extent and buffer
 * as ST_AsMVTGeom. Null attributes are left out, as ST_AsMVT does; so is a layer with nothing in the tile.
 * Returns an empty buffer when nothing lands in the tile.
 */
export function encodeTile({ rows, tile }: { rows: TileRow[]; tile: TileAddress }): Uint8Array {
  const byLayer = new Map<string, Feature[]>();
  for (const { geometry, ...properties } of rows) {
    const name = String(properties.layer);
    let features = byLayer.get(name);
    if (!features) byLayer.set(name, (features = []));
    features.push({ type: 'Feature', geometry, properties });
  }
  const layers: Record<string, NonNullable<ReturnType<typeof geoJSONToTile>>> = {};
  for (const [name, features] of byLayer) {
    const collection: FeatureCollection = { type: 'FeatureCollection', features };
    const encoded = geoJSONToTile(collection, tile.z, tile.x, tile.y, {
      extent: EXTENT,
      buffer: BUFFER,
      clip: true,
      wrap: false,
      // Simplification is done in SQL (about one tile unit); keep geojson-vt's own light.
      tolerance: 1,
      maxZoom: tile.z,
    });
    if (encoded && encoded.features.length > 0) layers[name] = encoded;
  }
  if (Object.keys(layers).length === 0) return new Uint8Array();
  return fromGeojsonVt(layers, { version: 2, extent: EXTENT });
}
