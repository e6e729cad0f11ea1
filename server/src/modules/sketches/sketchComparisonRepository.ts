import type { Geometry } from '@shared/schemas/geojson';
import type { ConstraintItemSummary, SketchComparison } from '@shared/schemas/sketch';
import type { FloodService } from '../flood';
import { checkConstraints } from '../constraints';
import type { Queryable } from '../../platform/db/queryable';

interface SideRow {
  id: string;
  version: number;
  title: string;
  area_m2: number | null;
  length_m: number | null;
  ewkb: string;
}

interface DifferenceRow {
  intersection_area_m2: number;
  only_a_area_m2: number;
  only_b_area_m2: number;
  union_area_m2: number;
  only_a: Geometry | null;
  only_b: Geometry | null;
  intersection: Geometry | null;
}

const AS_4326 = (g: string) =>
  `CASE WHEN ST_IsEmpty(${g}) THEN NULL ELSE ST_AsGeoJSON(rfc7946_orient(ST_Transform(${g}, 4326)), 7)::json END`;

/**
 * Two sketches (their current versions, deleted ones too) side by side: each one's size and constraint
 * overlaps, and the parts they share and do not share (m² in EPSG:25832, geometry in EPSG:4326). Parts keep
 * the dimension of what they come from, so a shared edge of two polygons is no intersection. Null names the
 * sketch that does not exist.
 */
export async function compareSketches(
  db: Queryable,
  ids: { a: string; b: string },
  flood: FloodService,
): Promise<SketchComparison | { missing: 'a' | 'b' }> {
  const { rows: sides } = await db.query<SideRow>(
    `SELECT s.id::text AS id, v.version, v.title, v.area_m2, v.length_m, encode(ST_AsEWKB(v.geom), 'hex') AS ewkb
       FROM sketch s JOIN sketch_version v ON v.sketch_id = s.id AND v.version = s.current_version
      WHERE s.id = ANY ($1::uuid[])`,
    [[ids.a, ids.b]],
  );
  const a = sides.find((s) => s.id === ids.a);
  const b = sides.find((s) => s.id === ids.b);
  if (!a) return { missing: 'a' };
  if (!b) return { missing: 'b' };
  // Stored geometry is valid (the table's CHECK), so these overlays are safe on both engines; one row is due.
  const { rows } = await db.query<DifferenceRow>(
    `WITH p AS (SELECT $1::geometry AS a, $2::geometry AS b),
          d AS (SELECT ST_CollectionExtract(ST_Intersection(a, b), least(ST_Dimension(a), ST_Dimension(b)) + 1) AS i,
                       ST_CollectionExtract(ST_Difference(a, b), ST_Dimension(a) + 1) AS oa,
                       ST_CollectionExtract(ST_Difference(b, a), ST_Dimension(b) + 1) AS ob,
                       ST_Union(a, b) AS u
                  FROM p)
     SELECT ST_Area(i) AS intersection_area_m2, ST_Area(oa) AS only_a_area_m2, ST_Area(ob) AS only_b_area_m2,
            ST_Area(u) AS union_area_m2, ${AS_4326('oa')} AS only_a, ${AS_4326('ob')} AS only_b,
            ${AS_4326('i')} AS intersection
       FROM d`,
    [a.ewkb, b.ewkb],
  );
  const difference = rows[0];
  if (!difference) throw new Error('sketch comparison returned no row');
  const side = async (s: SideRow) => {
    const report = await checkConstraints(db, { ewkb25832: s.ewkb, excludeSketchId: s.id }, flood);
    const constraints: ConstraintItemSummary[] = report.items.map(({ geometry: _omitted, ...item }) => item);
    return { id: s.id, version: s.version, title: s.title, area_m2: s.area_m2, length_m: s.length_m, constraints };
  };
  return { a: await side(a), b: await side(b), ...difference };
}
