import type { Geometry } from '@shared/schemas/geojson';
import type { Plot, PlotFilter, PlotSort } from '@shared/schemas/plot';
import { FLOOD_OVERLAP_MIN_M2 } from '../flood';
import type { Queryable } from '../../platform/db/queryable';
import { PLAN_LAYER_IDS } from '../registers';

/** A plan covers a plot when it overlaps it by at least this much (m², EPSG:25832): touching is not covering. */
export const PLAN_OVERLAP_MIN_M2 = 1;

/** The layers the finder measures distances to. */
export const STATION_LAYER = 'stations';
export const JUNCTION_LAYER = 'motorway-junctions';

// ORDER BY per sort key: constants, never request text. Ties go by id in byte order (COLLATE "C"), whatever the
// database's locale, so that the browser sorts the same way (client/src/features/finder/filterPlots.ts).
const ORDER_BY: Record<PlotSort, string> = {
  area: 'area_m2',
  station: 'station_m',
  junction: 'junction_m',
  tender: 'tender_date',
};

/** The nearest site of a layer to s.geom by the GiST index (KNN), with its distance in EPSG:25832 metres. */
const nearest = (alias: string, layerParam: string) => `
  LEFT JOIN LATERAL (
    SELECT n.id, n.name, ST_Distance(n.geom, s.geom) AS distance_m
      FROM site n WHERE n.layer_id = ${layerParam}
     ORDER BY n.geom <-> s.geom LIMIT 1) ${alias} ON true`;

interface PlotRow extends Omit<Plot, 'nearest_station' | 'nearest_junction'> {
  station_id: string | null;
  station_name: string | null;
  station_m: number | null;
  junction_id: string | null;
  junction_name: string | null;
  junction_m: number | null;
  /** Only for sorting by tender date. */
  tender_date: unknown;
  geometry: Geometry | null;
}

/**
 * Business plots matching the filter, with distances to the nearest station and motorway junction computed by
 * PostGIS in EPSG:25832. Every value is a parameter; the sort column comes from a fixed table.
 */
export async function findPlots(db: Queryable, f: PlotFilter): Promise<Plot[]> {
  return (await queryPlots(db, f, false)).map(toPlot);
}

/** The same plots as `findPlots`, each with its geometry (GeoJSON, EPSG:4326, RFC 7946 ring order). */
export async function findPlotsWithGeometry(db: Queryable, f: PlotFilter): Promise<PlotWithGeometry[]> {
  return (await queryPlots(db, f, true)).map((row) => ({ ...toPlot(row), geometry: row.geometry! }));
}

export type PlotWithGeometry = Plot & { geometry: Geometry };

async function queryPlots(db: Queryable, f: PlotFilter, withGeometry: boolean): Promise<PlotRow[]> {
  const { rows } = await db.query<PlotRow>(
    `SELECT * FROM (
       SELECT s.id, s.layer_id AS layer, s.name, s.area_m2, s.plan_use, s.max_height_m::float8 AS max_height_m,
              s.plot_ratio_pct::float8 AS plot_ratio_pct, t.status AS tender_status, t.planned_year,
              to_char(t.opens_on, 'YYYY-MM-DD') AS opens_on, to_char(t.closes_on, 'YYYY-MM-DD') AS closes_on,
              coalesce(t.opens_on, make_date(t.planned_year, 1, 1)) AS tender_date,
              s.accuracy, s.source,
              ${withGeometry ? 'ST_AsGeoJSON(rfc7946_orient(ST_Transform(s.geom, 4326)), 9)::json' : 'NULL::json'} AS geometry,
              (SELECT ARRAY[ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b)]
                 FROM (SELECT ST_Transform(s.geom, 4326)::box2d AS b) e) AS bbox,
              st.id AS station_id, st.name AS station_name, st.distance_m AS station_m,
              j.id AS junction_id, j.name AS junction_name, j.distance_m AS junction_m
         FROM site s
         LEFT JOIN tender t ON t.site_id = s.id
         ${nearest('st', '$1')}
         ${nearest('j', '$2')}
        WHERE s.kind = 'plot'
          AND ($3::text[] IS NULL OR t.status = ANY ($3))
          AND ($4::int IS NULL OR t.planned_year = $4)
          AND ($5::text[] IS NULL OR s.plan_use = ANY ($5))
          AND ($6::float8 IS NULL OR s.area_m2 >= $6)
          AND ($7::float8 IS NULL OR s.area_m2 <= $7)
          AND ($8::float8 IS NULL OR s.max_height_m >= $8)
          AND ($15::text[] IS NULL OR EXISTS (
                SELECT 1 FROM site pl
                 WHERE pl.layer_id = ANY ($16) AND pl.attributes ->> 'anvgen' = ANY ($15)
                   AND ST_Intersects(pl.geom, s.geom) AND ST_Area(ST_Intersection(pl.geom, s.geom)) >= $17))
     ) p
     WHERE ($9::float8 IS NULL OR station_m <= $9)
       AND ($10::float8 IS NULL OR junction_m <= $10)
       AND ($11::text IS NULL OR NOT EXISTS (
             SELECT 1 FROM flood_extent f JOIN site s ON s.id = p.id
              WHERE f.model = $11 AND f.level_cm = $12 AND f.dike = $13 AND ST_Intersects(f.geom, s.geom)
                AND ST_Area(ST_Intersection(f.geom, s.geom)) >= $14))
     ORDER BY ${ORDER_BY[f.sort]} ${f.descending ? 'DESC' : 'ASC'} NULLS LAST, id COLLATE "C"`,
    [
      STATION_LAYER,
      JUNCTION_LAYER,
      f.statuses ?? null,
      f.plannedYear ?? null,
      f.uses ?? null,
      f.minAreaM2 ?? null,
      f.maxAreaM2 ?? null,
      f.minHeightM ?? null,
      f.maxStationM ?? null,
      f.maxJunctionM ?? null,
      f.outsideFlood?.model ?? null,
      f.outsideFlood?.levelCm ?? null,
      f.outsideFlood?.dike ?? null,
      FLOOD_OVERLAP_MIN_M2,
      f.generalUses ?? null,
      PLAN_LAYER_IDS,
      PLAN_OVERLAP_MIN_M2,
    ],
  );
  return rows;
}

function toPlot({
  station_id,
  station_name,
  station_m,
  junction_id,
  junction_name,
  junction_m,
  tender_date: _,
  geometry: __,
  ...plot
}: PlotRow): Plot {
  return {
    ...plot,
    nearest_station:
      station_id === null ? null : { id: station_id, name: station_name ?? '', distance_m: station_m ?? 0 },
    nearest_junction:
      junction_id === null ? null : { id: junction_id, name: junction_name ?? '', distance_m: junction_m ?? 0 },
  };
}

export interface PlotTenderEvent {
  event_id: string;
  at: string;
  site_id: string;
  site_name: string;
  from_status: Plot['tender_status'];
  to_status: NonNullable<Plot['tender_status']>;
  note: string | null;
  plan_use: Plot['plan_use'];
  area_m2: number;
}

/** The newest tender events of the given plots, newest first. */
export async function tenderEventsOf(db: Queryable, siteIds: string[], limit: number): Promise<PlotTenderEvent[]> {
  const { rows } = await db.query<PlotTenderEvent>(
    `SELECT e.id::text AS event_id, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at,
            s.id AS site_id, s.name AS site_name, e.from_status, e.to_status, e.note, s.plan_use, s.area_m2
       FROM tender_event e JOIN tender t ON t.id = e.tender_id JOIN site s ON s.id = t.site_id
      WHERE s.id = ANY ($1)
      ORDER BY e.at DESC, e.id DESC
      LIMIT $2`,
    [siteIds, limit],
  );
  return rows;
}
