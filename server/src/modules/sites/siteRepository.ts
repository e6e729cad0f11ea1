import type { Bbox } from '@shared/schemas/geojson';
import type {
  CoveringPlan,
  Feature,
  FeatureProperties,
  LinkedAction,
  SiteDetail,
  TenderEvent,
} from '@shared/schemas/site';
import { ACTION_ORDER_SQL, type Queryable } from '../../platform/db/queryable';
import { PLAN_LAYER_IDS } from '../registers';
import { PLAN_OVERLAP_MIN_M2 } from '../plots';

/** GeoJSON out: EPSG:4326, exterior rings counter-clockwise (RFC 7946 right-hand rule), 7 decimals (~1 cm). */
const GEOJSON_4326 = (column: string) => `ST_AsGeoJSON(rfc7946_orient(ST_Transform(${column}, 4326)), 7)::json`;

const ACTIONS_OF_SITE = `coalesce((SELECT array_agg(sa.action_number ORDER BY ${ACTION_ORDER_SQL('sa.action_number')})
                                  FROM site_action sa WHERE sa.site_id = s.id), '{}')`;

type FeatureRow = FeatureProperties & { geometry: Feature['geometry'] };

/**
 * Features of one layer as RFC 7946 GeoJSON. `bbox` ([w, s, e, n] in EPSG:4326) is densified before it is
 * transformed to EPSG:25832, so the GiST index on the stored geometry does the filtering.
 */
export async function listFeatures(db: Queryable, layerId: string, bbox?: Bbox): Promise<Feature[]> {
  const { rows } = await db.query<FeatureRow>(
    `SELECT s.id, s.layer_id AS layer, s.name, s.kind, s.plan_use, s.area_m2, s.length_m, s.accuracy, s.source,
            t.status AS tender_status, t.planned_year, ${ACTIONS_OF_SITE} AS actions,
            s.attributes ->> 'label' AS label, (s.attributes ->> 'rank')::int AS rank,
            ${GEOJSON_4326('s.geom')} AS geometry
       FROM site s LEFT JOIN tender t ON t.site_id = s.id
      WHERE s.layer_id = $1
        AND ($2::float8 IS NULL
             OR s.geom && ST_Transform(ST_Segmentize(ST_MakeEnvelope($2, $3, $4, $5, 4326), 0.01), 25832))
      ORDER BY s.id`,
    [layerId, ...(bbox ?? [null, null, null, null])],
  );
  return rows.map(({ geometry, ...properties }) => ({ type: 'Feature', id: properties.id, geometry, properties }));
}

interface SiteRow extends Omit<SiteDetail, 'actions' | 'tender' | 'plans'> {
  tender_id: number | null;
  tender_status: NonNullable<SiteDetail['tender']>['status'] | null;
  planned_year: number | null;
  opens_on: string | null;
  closes_on: string | null;
  tender_version: number | null;
}

/** One site with its linked actions and its tender's full history; null when no such site. */
export async function getSite(db: Queryable, id: string): Promise<SiteDetail | null> {
  const { rows } = await db.query<SiteRow>(
    `SELECT s.id, s.layer_id AS layer, s.name, s.kind, s.plan_use, s.max_height_m::float8 AS max_height_m,
            s.plot_ratio_pct::float8 AS plot_ratio_pct, s.building_rights, s.description, s.source, s.accuracy,
            s.attributes, s.area_m2, s.length_m, ${GEOJSON_4326('s.geom')} AS geometry,
            (SELECT ARRAY[ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b)]
               FROM (SELECT ST_Transform(s.geom, 4326)::box2d AS b) e) AS bbox,
            t.id AS tender_id, t.status AS tender_status, t.planned_year,
            to_char(t.opens_on, 'YYYY-MM-DD') AS opens_on, to_char(t.closes_on, 'YYYY-MM-DD') AS closes_on,
            t.version AS tender_version
       FROM site s LEFT JOIN tender t ON t.site_id = s.id
      WHERE s.id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) return null;
  const { tender_id, tender_status, planned_year, opens_on, closes_on, tender_version, ...site } = row;

  const actions = await db.query<LinkedAction & { initiative_number: number; initiative_title: string }>(
    `SELECT a.number, a.text, a.progress, i.number AS initiative_number, i.title AS initiative_title
       FROM site_action sa JOIN action a ON a.number = sa.action_number JOIN initiative i ON i.number = a.initiative_number
      WHERE sa.site_id = $1
      ORDER BY ${ACTION_ORDER_SQL('a.number')}`,
    [id],
  );
  let tender: SiteDetail['tender'] = null;
  if (tender_id !== null && tender_status !== null && tender_version !== null) {
    const history = await db.query<TenderEvent>(
      `SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at, from_status, to_status, note, actor
         FROM tender_event WHERE tender_id = $1 ORDER BY at, id`,
      [tender_id],
    );
    tender = {
      status: tender_status,
      planned_year,
      opens_on,
      closes_on,
      version: tender_version,
      history: history.rows,
    };
  }
  return {
    ...site,
    plans: await coveringPlans(db, id),
    actions: actions.rows.map(({ initiative_number, initiative_title, ...a }) => ({
      ...a,
      initiative: { number: initiative_number, title: initiative_title },
    })),
    tender,
  };
}

/**
 * The imported Plandata plans that cover a site: a polygon by at least PLAN_OVERLAP_MIN_M2 (touching is not covering),
 * a point or line by meeting it. Lokalplaner come first, then kommuneplanrammer, each by largest overlap (m²,
 * EPSG:25832). Stored geometry is valid (site's CHECK), so the overlay cannot fail on either engine.
 */
export async function coveringPlans(db: Queryable, siteId: string): Promise<CoveringPlan[]> {
  const { rows } = await db.query<CoveringPlan>(
    `SELECT id, kind, plannavn, plannr, status, anvgen, doklink, overlap_m2 FROM (
       SELECT p.id, p.kind, p.attributes ->> 'plannavn' AS plannavn, p.attributes ->> 'plannr' AS plannr,
              p.attributes ->> 'status' AS status, p.attributes ->> 'anvgen' AS anvgen,
              p.attributes ->> 'doklink' AS doklink,
              CASE WHEN ST_Dimension(s.geom) = 2 THEN ST_Area(ST_Intersection(p.geom, s.geom)) ELSE 0 END AS overlap_m2,
              ST_Dimension(s.geom) AS dimension
         FROM site s JOIN site p ON p.layer_id = ANY ($2) AND ST_Intersects(p.geom, s.geom)
        WHERE s.id = $1 AND p.id <> s.id) c
      WHERE dimension < 2 OR overlap_m2 >= $3
      ORDER BY kind = 'kommuneplanramme', overlap_m2 DESC, id`,
    [siteId, PLAN_LAYER_IDS, PLAN_OVERLAP_MIN_M2],
  );
  return rows;
}
