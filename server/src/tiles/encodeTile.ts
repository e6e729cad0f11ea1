import { geoJSONToTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { TileAddress } from './tileAddress';
import { BUFFER, EXTENT } from './tileQueries';

export type TileRow = Record<string, unknown> & { geometry: Geometry };

/**
 * Encodes rows (EPSG:4326 GeoJSON geometry plus attributes) as a Mapbox Vector Tile with one layer named
 * `layerName`, clipped with the same extent and buffer as ST_AsMVTGeom. Null attributes are left out, as
 * ST_AsMVT does. Returns an empty buffer when nothing lands in the tile.
 */
export function encodeTile({
  layerName,
  rows,
  tile,
}: {
  layerName: string;
  rows: TileRow[];
  tile: TileAddress;
}): Uint8Array {
  if (rows.length === 0) return new Uint8Array();
  const features: Feature[] = rows.map(({ geometry, ...properties }) => ({ type: 'Feature', geometry, properties }));
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
  if (!encoded || encoded.features.length === 0) return new Uint8Array();
  return fromGeojsonVt({ [layerName]: encoded }, { version: 2, extent: EXTENT });
}
