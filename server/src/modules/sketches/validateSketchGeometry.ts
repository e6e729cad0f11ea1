import type { Geometry } from '@shared/schemas/geojson';
import type { GeometryFault } from '@shared/schemas/sketch';
import type { Queryable } from '../../platform/db/queryable';
import { examine, makeValid, type ExaminedGeometry } from './sketchGeometryRepository';
import { checkSketchGeometry, MAX_VISITOR_POSITIONS, type GeometryComplexity } from './checkSketchGeometry';

/** A geometry that may be stored as a sketch: valid, not empty, 2D, in EPSG:25832. */
export interface ValidSketchGeometry {
  /** Hex EWKB in EPSG:25832: exactly what was checked, and what is stored (`$n::geometry`). */
  ewkb25832: string;
  /** The same geometry in EPSG:4326 (RFC 7946 ring order, 7 decimals). */
  geometry: Geometry;
  /** 0 points, 1 lines, 2 polygons. */
  dimension: 0 | 1 | 2;
  /** m² in EPSG:25832; null unless a polygon. */
  area_m2: number | null;
  /** metres in EPSG:25832; null unless a polygon. */
  perimeter_m: number | null;
  /** metres in EPSG:25832; null unless a line. */
  length_m: number | null;
  /** True when this is ST_MakeValid's repair of the geometry sent (only when the caller asked for repair). */
  repaired: boolean;
}

/**
 * Why a geometry cannot be stored. `malformed` marks a fault of form (wrong type, nesting or position), which
 * the API answers with a plain 400 naming `geometry`; `complexity` one too costly to check (422); the others
 * carry PostGIS's reason and location.
 */
export type SketchGeometryValidation =
  | { ok: true; geom: ValidSketchGeometry }
  | { ok: false; fault: GeometryFault; malformed: boolean; complexity?: undefined }
  | { ok: false; complexity: GeometryComplexity; fault?: undefined; malformed?: undefined };

const asValid = (e: Omit<ExaminedGeometry, 'valid' | 'reason' | 'location' | 'empty'>, repaired: boolean) => ({
  ok: true as const,
  geom: {
    ewkb25832: e.ewkb,
    geometry: e.geometry,
    dimension: e.dimension,
    area_m2: e.area_m2,
    perimeter_m: e.perimeter_m,
    length_m: e.length_m,
    repaired,
  },
});

/**
 * Checks a sketch geometry sent as GeoJSON (EPSG:4326): first without the database (type, nesting, point counts,
 * Denmark, closed rings, rings and self-intersections within their limits), then with PostGIS (ST_IsValidDetail:
 * self-intersection and the like). With `repair: true`, an invalid but repairable geometry is replaced by
 * ST_MakeValid's result of the same dimension (an unclosed ring is closed first). The repair is worked out only
 * when `offerRepair` is true (a logged-in user, issue #19); otherwise a fault says neither whether it can be
 * repaired nor how (`repairable: null`), and at most {@link MAX_VISITOR_POSITIONS} positions are checked. Writes
 * nothing.
 */
export async function validateSketchGeometry(
  db: Queryable,
  value: unknown,
  options: { repair?: boolean; offerRepair: boolean },
): Promise<SketchGeometryValidation> {
  const shape = checkSketchGeometry(value, options.offerRepair ? {} : { maxPositions: MAX_VISITOR_POSITIONS });
  if (shape.kind === 'too_complex') return { ok: false, complexity: shape.complexity };
  if (shape.kind === 'malformed') {
    return {
      ok: false,
      malformed: true,
      fault: { reason: shape.reason, location: null, repairable: false, repaired: null },
    };
  }
  if (shape.kind === 'fault' && !shape.closed) return { ok: false, malformed: false, fault: shape.fault };
  const examined = await examine(db, shape.kind === 'ok' ? shape.geometry : shape.closed!);
  if (examined.empty) {
    const fault = { reason: 'empty geometry', location: null, repairable: false, repaired: null };
    return { ok: false, malformed: false, fault };
  }
  if (shape.kind === 'ok' && examined.valid) return asValid(examined, false);
  // Invalid as sent: either an unclosed ring (whose closed form may be valid) or PostGIS found a fault.
  const repair = !options.offerRepair ? undefined : examined.valid ? examined : await makeValid(db, examined);
  if (repair && options.repair) return asValid(repair, true);
  const offered = {
    repairable: repair === undefined ? null : repair !== null,
    repaired: repair?.geometry ?? null,
  };
  const fault: GeometryFault =
    shape.kind === 'fault'
      ? { ...shape.fault, ...offered }
      : {
          reason: examined.reason ?? 'invalid geometry',
          location: examined.location?.coordinates ?? null,
          ...offered,
        };
  return { ok: false, malformed: false, fault };
}
