import type { Static } from '@sinclair/typebox';
import type { AffectedList } from '@shared/schemas/flood';

/**
 * `GET /api/flood/affected`: the sites a still-water level floods, in the API's order, each with its flooded area
 * (polygons, m² in EPSG:25832) or length (lines, metres); a listed point is flooded. Type only: no TypeBox in the
 * bundle.
 */
export type FloodAffected = Static<typeof AffectedList>;
