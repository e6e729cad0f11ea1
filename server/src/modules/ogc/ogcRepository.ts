import type { Geometry } from '@shared/schemas/geojson';
import type { Layer } from '@shared/schemas/layer';
import { densifySegment, type OgcBbox } from './ogcParams';
import { listLayers } from '../layers';
import { ACTION_ORDER_SQL, type Queryable } from '../../platform/db/queryable';

/** The collection of planners' sketches, next to one collection per map layer. */
export const SKETCH_COLLECTION = 'sketches';

export type OgcSourceKind = 'site' | 'parcel' | 'osm' | 'sketch';

export interface OgcCollectionInfo {
  id: string;
  title: string;
  description: string;
  kind: OgcSourceKind;
  /** [west, south, east, north] in CRS84; null when the collection is empty. */
  bbox: [number, number, number, number] | null;
}

export interface OgcFeatureRow {
  id: string;
  geometry: Geometry;
  properties: Record<string, unknown>;
}

const describeLayer = (layer: Layer, kind: OgcSourceKind): OgcCollectionInfo => ({
  id: layer.id,
  title: layer.title.da,
  description:
    `${layer.title.en} (theme ${layer.theme}, ${layer.geometry_type}s).` +
    (layer.illustrative ? ' Some geometry is illustrative: drawn to fit the facts, not surveyed.' : ''),
  kind,
  bbox: layer.bbox,
});

/**
 * Every public collection: the map layers in drawing order, then the sketches. The layer table is the whitelist
 * of collection ids; a layer's `source_table` picks one of the fixed queries below.
 */
export async function listOgcCollections(db: Queryable): Promise<OgcCollectionInfo[]> {
  const layers = await listLayers(db);
  const { rows: sources } = await db.query<{ id: string; source_table: 'site' | 'parcel' | 'osm' }>(
    'SELECT id, source_table FROM layer',
  );
  const kindOf = new Map(sources.map((s) => [s.id, s.source_table]));
  const { rows } = await db.query<{ west: number | null; south: number; east: number; north: number }>(
    `SELECT ST_XMin(e) AS west, ST_YMin(e) AS south, ST_XMax(e) AS east, ST_YMax(e) AS north
       FROM (SELECT ST_Extent(ST_Transform(geom, 4326)) AS e FROM sketch_current WHERE deleted_at IS NULL) x`,
  );
  const ext = rows[0];
  return [
    ...layers.filter((l) => l.id !== SKETCH_COLLECTION).map((l) => describeLayer(l, kindOf.get(l.id) ?? 'site')),
    {
      id: SKETCH_COLLECTION,
      title: 'Skitser (kladder)',
      description:
        'Planners’ sketches of additions to the kommuneplan: the current version of every sketch not deleted. ' +
        'Drafts, illustrative; not adopted plans.',
      kind: 'sketch',
      bbox: ext && ext.west !== null ? [ext.west, ext.south, ext.east, ext.north] : null,
    },
  ];
}

export async function getOgcCollection(db: Queryable, id: string): Promise<OgcCollectionInfo | null> {
  return (await listOgcCollections(db)).find((c) => c.id === id) ?? null;
}

const ACTIONS_OF_SITE = `coalesce((SELECT array_agg(sa.action_number ORDER BY ${ACTION_ORDER_SQL('sa.action_number')})
                                  FROM site_action sa WHERE sa.site_id = s.id), '{}')`;

/**
 * One fixed query per source kind. `key` is the collection's own filter ($1 is the layer id where there is one),
 * `indexed` the stored EPSG:3857 column whose GiST index a bbox uses (none on sketch versions: there are few).
 */
const SOURCES: Record<
  OgcSourceKind,
  {
    from: string;
    key: string;
    byLayer: boolean;
    id: string;
    /** The id test for one item, written so that the primary key's index is used ($ is the parameter). */
    idEquals: (param: string) => string;
    geom: string;
    indexed: string | null;
    order: string;
    columns: string;
  }
> = {
  site: {
    from: 'site s LEFT JOIN tender t ON t.site_id = s.id',
    key: 's.layer_id = $1',
    byLayer: true,
    id: 's.id',
    idEquals: (param) => `s.id = ${param}`,
    geom: 's.geom',
    indexed: 's.geom_3857',
    order: 's.id',
    columns: `s.name, s.kind, s.plan_use, s.area_m2, s.length_m, s.accuracy, s.source,
              t.status AS tender_status, t.planned_year, ${ACTIONS_OF_SITE} AS actions`,
  },
  parcel: {
    from: 'parcel p',
    key: 'p.layer_id = $1',
    byLayer: true,
    id: 'p.id::text',
    idEquals: (param) => `p.id = ${param}::bigint`,
    geom: 'p.geom',
    indexed: 'p.geom_3857',
    order: 'p.id',
    columns: 'p.matrikelnr, p.ejerlav, p.ejerlavskode, p.bfe::text AS bfe, p.area_m2, p.accuracy',
  },
  osm: {
    from: 'osm_feature f JOIN layer l ON l.id = f.layer_id',
    key: 'f.layer_id = $1',
    byLayer: true,
    id: 'f.id',
    idEquals: (param) => `f.id = ${param}`,
    geom: 'f.geom',
    indexed: 'f.geom_3857',
    order: 'f.id',
    columns: `f.osm_type, f.osm_id::text AS osm_id, f.class, f.name, f.ref, f.accuracy, l.source, l.licence,
              to_char(f.imported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS imported_at`,
  },
  sketch: {
    from: 'sketch_current c',
    key: 'c.deleted_at IS NULL',
    byLayer: false,
    id: 'c.id::text',
    idEquals: (param) => `c.id = ${param}::uuid`,
    geom: 'c.geom',
    indexed: null,
    order: 'c.created_at, c.id',
    columns: `c.version, c.title, c.proposed_use, c.action_number, c.note, c.area_m2, c.perimeter_m, c.length_m,
              c.change, to_char(c.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at,
              c.actor AS updated_by, 'draft' AS status, 'illustrative' AS accuracy`,
  },
};

/**
 * A source's bbox filter and its parameters, numbered from $first: the box and its SRID (all null without a bbox),
 * then, where an index box is made, the segment length the box is densified with.
 */
function bboxFilter(kind: OgcSourceKind, bbox: OgcBbox | null, first: number): { sql: string; params: unknown[] } {
  const source = SOURCES[kind];
  const params: unknown[] = bbox ? [...bbox.box, bbox.crs.srid] : [null, null, null, null, null];
  if (source.indexed) params.push(bbox ? densifySegment(bbox) : null);
  const [minx, miny, maxx, maxy, srid, segment] = params.map((_, i) => `$${first + i}`);
  const envelope = `ST_MakeEnvelope(${minx}, ${miny}, ${maxx}, ${maxy}, ${srid}::int)`;
  // The box's edges are straight in its own CRS only: densify it before projecting it for the index. Between
  // corners a segment's length apart, a projected EPSG:25832 edge bows out by far less than that length (11 m at
  // the widest box's 13 km), so the index box is widened by it and nothing at the edge is missed. CRS84 edges
  // stay straight in EPSG:3857.
  const forIndex = source.indexed
    ? `${source.indexed} && ST_Expand(ST_Transform(ST_Segmentize(${envelope}, ${segment}::float8), 3857), ` +
      `CASE WHEN ${srid}::int = 4326 THEN 0 ELSE ${segment}::float8 END) AND `
    : '';
  const sql = `(${minx}::float8 IS NULL OR (${forIndex}ST_Intersects(ST_Transform(${source.geom}, ${srid}::int), ${envelope})))`;
  return { sql, params };
}

const GEOJSON = (geom: string, sridParam: string, digitsParam: string) =>
  `ST_AsGeoJSON(rfc7946_orient(ST_Transform(${geom}, ${sridParam}::int)), ${digitsParam}::int)::json`;

interface RawRow extends Record<string, unknown> {
  id: string;
  geometry: Geometry;
}

const toFeature = ({ id, geometry, ...properties }: RawRow): OgcFeatureRow => ({
  id,
  geometry,
  properties: { id, ...properties },
});

/**
 * One page of a collection's features in `crs` (SRID 4326 = CRS84 lon/lat, or 25832), those intersecting `bbox`,
 * in a stable order, with the number matched by the filter.
 */
export async function listOgcItems(
  db: Queryable,
  collection: Pick<OgcCollectionInfo, 'id' | 'kind'>,
  query: { bbox: OgcBbox | null; limit: number; offset: number; srid: number; digits: number },
): Promise<{ numberMatched: number; features: OgcFeatureRow[] }> {
  const source = SOURCES[collection.kind];
  const own = source.byLayer ? [collection.id] : [];
  const filter = bboxFilter(collection.kind, query.bbox, own.length + 1);
  const where = `WHERE ${source.key} AND ${filter.sql}`;
  const params = [...own, ...filter.params];
  const count = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${source.from} ${where}`, params);
  const next = params.length + 1;
  const { rows } = await db.query<RawRow>(
    `SELECT ${source.id} AS id, ${source.columns}, ${GEOJSON(source.geom, `$${next}`, `$${next + 1}`)} AS geometry
       FROM ${source.from} ${where}
      ORDER BY ${source.order}
      LIMIT $${next + 2} OFFSET $${next + 3}`,
    [...params, query.srid, query.digits, query.limit, query.offset],
  );
  return { numberMatched: count.rows[0]?.n ?? 0, features: rows.map(toFeature) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One feature of a collection, or null when there is none with that id (also for ids of the wrong form). */
export async function getOgcItem(
  db: Queryable,
  collection: Pick<OgcCollectionInfo, 'id' | 'kind'>,
  featureId: string,
  crs: { srid: number; digits: number },
): Promise<OgcFeatureRow | null> {
  // Ids that cannot be a parcel number or a sketch uuid would fail the cast: they are simply not there.
  if (collection.kind === 'parcel' && !/^\d{1,18}$/.test(featureId)) return null;
  if (collection.kind === 'sketch' && !UUID.test(featureId)) return null;
  const source = SOURCES[collection.kind];
  const own = source.byLayer ? [collection.id] : [];
  const n = own.length;
  const { rows } = await db.query<RawRow>(
    `SELECT ${source.id} AS id, ${source.columns}, ${GEOJSON(source.geom, `$${n + 2}`, `$${n + 3}`)} AS geometry
       FROM ${source.from}
      WHERE ${source.key} AND ${source.idEquals(`$${n + 1}`)}`,
    [...own, featureId, crs.srid, crs.digits],
  );
  return rows[0] ? toFeature(rows[0]) : null;
}
