import type { Layer } from '@shared/schemas/layer';
import type { Queryable } from '../../platform/db/queryable';
import { tilesetOf, tilesetVersion, type TilesetId } from '../tiles';

interface LayerRow {
  id: string;
  title_da: string;
  title_en: string;
  theme: Layer['theme'];
  geometry_type: Layer['geometry_type'];
  style: Layer['style'];
  sort_order: number;
  source_table: 'site' | 'parcel' | 'osm';
  min_zoom: number;
  max_zoom: number;
  version: number;
  feature_count: number;
  illustrative: boolean;
  source: string | null;
  licence: string | null;
  imported_at: string | null;
  west: number | null;
  south: number | null;
  east: number | null;
  north: number | null;
}

/** How the map gets a layer's features: points as GeoJSON, polygons and lines as vector tiles. */
const deliveryOf = (geometryType: LayerRow['geometry_type']) => (geometryType === 'point' ? 'geojson' : 'tiles');

/** The ids of the layers delivered as GeoJSON, in drawing order: one short read of the layer table alone. */
export async function listGeoJsonLayerIds(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<Pick<LayerRow, 'id' | 'geometry_type'>>(
    'SELECT id, geometry_type FROM layer ORDER BY sort_order, id',
  );
  return rows.filter((row) => deliveryOf(row.geometry_type) === 'geojson').map((row) => row.id);
}

/** All map layers in drawing order, with feature counts and EPSG:4326 extents. */
export async function listLayers(db: Queryable): Promise<Layer[]> {
  const { rows } = await db.query<LayerRow>(`
    WITH agg AS (
      SELECT l.id, count(s.id)::int AS feature_count,
             coalesce(bool_or(s.accuracy = 'illustrative'), false) AS illustrative,
             ST_Extent(ST_Transform(s.geom, 4326)) AS ext
        FROM layer l LEFT JOIN site s ON s.layer_id = l.id
       WHERE l.source_table = 'site'
       GROUP BY l.id
      UNION ALL
      -- Parcel registers are synthetic or official, never illustrative; their count is kept by triggers
      -- (migration 009), their extent comes from the index.
      SELECT l.id, l.parcel_count::int, false,
             ST_Transform(ST_SetSRID(ST_EstimatedExtent('public', 'parcel', 'geom_3857')::geometry, 3857), 4326)::box2d
        FROM layer l
       WHERE l.source_table = 'parcel'
      UNION ALL
      -- OpenStreetMap layers are official; their count and extent are written by the import that fills them.
      SELECT l.id, coalesce(l.imported_features, 0)::int, false,
             CASE WHEN l.imported_bbox IS NOT NULL
                  THEN ST_MakeBox2D(ST_Point(l.imported_bbox[1], l.imported_bbox[2]),
                                    ST_Point(l.imported_bbox[3], l.imported_bbox[4])) END
        FROM layer l
       WHERE l.source_table = 'osm')
    SELECT l.id, l.title_da, l.title_en, l.theme, l.geometry_type, l.style, l.sort_order, l.source_table,
           l.min_zoom, l.max_zoom, l.version, l.source, l.licence,
           to_char(l.imported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS imported_at,
           agg.feature_count, agg.illustrative,
           ST_XMin(agg.ext) AS west, ST_YMin(agg.ext) AS south, ST_XMax(agg.ext) AS east, ST_YMax(agg.ext) AS north
      FROM layer l JOIN agg USING (id)
     ORDER BY l.sort_order, l.id`);
  const tilesetIds = rows.map((r) => tilesetOf({ sourceTable: r.source_table, geometryType: r.geometry_type }));
  const versions = new Map<TilesetId, string>();
  for (const id of new Set(tilesetIds)) {
    if (id !== null) versions.set(id, tilesetVersion(rows.filter((_, i) => tilesetIds[i] === id)));
  }
  return rows.map((r, i) => ({
    id: r.id,
    title: { da: r.title_da, en: r.title_en },
    theme: r.theme,
    geometry_type: r.geometry_type,
    style: r.style,
    sort_order: r.sort_order,
    min_zoom: r.min_zoom,
    max_zoom: r.max_zoom,
    delivery: deliveryOf(r.geometry_type),
    version: r.version,
    tileset: tilesetIds[i] ? { id: tilesetIds[i], version: versions.get(tilesetIds[i])! } : null,
    feature_count: r.feature_count,
    illustrative: r.illustrative,
    source:
      r.source !== null && r.licence !== null && r.imported_at !== null
        ? { name: r.source, licence: r.licence, imported_at: r.imported_at }
        : null,
    bbox: r.west === null ? null : [r.west, r.south ?? 0, r.east ?? 0, r.north ?? 0],
  }));
}

/** Where a layer's features live, or null for no such layer. */
export async function layerSource(db: Queryable, id: string): Promise<'site' | 'parcel' | 'osm' | null> {
  const { rows } = await db.query<{ source_table: 'site' | 'parcel' | 'osm' }>(
    'SELECT source_table FROM layer WHERE id = $1',
    [id],
  );
  return rows[0]?.source_table ?? null;
}
