import proj4 from 'proj4';
import { EPSG_25832_PROJ4 } from '../../shared/crs';

/** The rings of every Polygon and MultiPolygon in a GeoJSON FeatureCollection (EPSG:4326), in EPSG:25832 metres. */
export function projectSeaRings({ collection }: { collection: unknown }): [number, number][][] {
  const features = (collection as { features?: unknown }).features;
  if (!Array.isArray(features)) throw new Error('sea layer: not a GeoJSON FeatureCollection');
  const rings: [number, number][][] = [];
  for (const { geometry } of features as { geometry?: { type?: string; coordinates?: unknown } }[]) {
    const polygons =
      geometry?.type === 'Polygon'
        ? [geometry.coordinates as [number, number][][]]
        : geometry?.type === 'MultiPolygon'
          ? (geometry.coordinates as [number, number][][][])
          : [];
    for (const polygon of polygons) {
      for (const ring of polygon) {
        rings.push(ring.map(([lon, lat]) => proj4('EPSG:4326', EPSG_25832_PROJ4, [lon, lat]) as [number, number]));
      }
    }
  }
  if (rings.length === 0) throw new Error('sea layer: no polygon');
  return rings;
}
