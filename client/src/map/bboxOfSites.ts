import { bbox } from '@turf/turf';
import type { Feature as GeoJsonFeature } from 'geojson';
import type { Bbox } from '../../../server/src/schemas/geojson';
import type { FeatureCollection } from '../../../server/src/schemas/site';

/**
 * The combined [west, south, east, north] (EPSG:4326 degrees) of the features whose id is in `siteIds`,
 * searched across all loaded layers; null when none of them is loaded.
 */
export function bboxOfSites({
  collections,
  siteIds,
}: {
  collections: Readonly<Record<string, FeatureCollection>>;
  siteIds: readonly string[];
}): Bbox | null {
  const wanted = new Set(siteIds);
  let result: Bbox | null = null;
  for (const collection of Object.values(collections)) {
    for (const feature of collection.features) {
      if (!wanted.has(feature.id)) continue;
      // The schema leaves coordinates loose; PostGIS made them, so they are valid GeoJSON positions.
      const [w, s, e, n] = bbox(feature as unknown as GeoJsonFeature);
      result = result
        ? [Math.min(result[0], w), Math.min(result[1], s), Math.max(result[2], e), Math.max(result[3], n)]
        : [w, s, e, n];
    }
  }
  return result;
}
