import type { Static } from '@sinclair/typebox';
import type { FloodExtentFeature } from '@shared/schemas/flood';

/**
 * `GET /api/flood`: the land a still-water level floods, one GeoJSON Feature (EPSG:4326 MultiPolygon) with
 * the level, the dike state, the terrain model's source and accuracy and the flooded area in m² (EPSG:25832).
 * The server's schema exports no static type for it, so it is derived here (type only: no TypeBox in the bundle).
 */
export type FloodExtent = Static<typeof FloodExtentFeature>;
