import type { FloodAffected } from './FloodAffected';

/** How much of one site a flood reaches: an area (polygons, m²), a length (lines, m) or the point itself. */
export type AffectedMeasure =
  | { unit: 'm2'; flooded: number; share: number | null }
  | { unit: 'm'; flooded: number; share: number | null }
  | { unit: 'point' };

/**
 * The measure of one site in /api/flood/affected: polygons carry `flooded_area_m2`, lines `flooded_length_m`,
 * points neither (a listed point is flooded). The share (0–1) is of the whole area or length, null when the whole is
 * unknown or zero.
 */
export function affectedMeasure(site: FloodAffected['sites'][number]): AffectedMeasure {
  if (site.flooded_area_m2 !== null) {
    return { unit: 'm2', flooded: site.flooded_area_m2, share: shareOf(site.flooded_area_m2, site.area_m2) };
  }
  if (site.flooded_length_m !== null) {
    return { unit: 'm', flooded: site.flooded_length_m, share: shareOf(site.flooded_length_m, site.length_m) };
  }
  return { unit: 'point' };
}

function shareOf(part: number, whole: number | null): number | null {
  return whole === null || whole <= 0 ? null : Math.min(1, part / whole);
}
