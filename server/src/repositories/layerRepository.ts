import type { Layer } from '../schemas/layer';
import type { Queryable } from './queryable';

interface LayerRow {
  id: string;
  title_da: string;
  title_en: string;
  theme: Layer['theme'];
  geometry_type: Layer['geometry_type'];
  style: Layer['style'];
  sort_order: number;
  feature_count: number;
  illustrative: boolean;
  west: number | null;
  south: number | null;
  east: number | null;
  north: number | null;
}

/** All map layers in drawing order, with feature counts and EPSG:4326 extents. */
export async function listLayers(db: Queryable): Promise<Layer[]> {
  const { rows } = await db.query<LayerRow>(`
    WITH agg AS (
      SELECT l.id, count(s.id)::int AS feature_count,
             coalesce(bool_or(s.accuracy = 'illustrative'), false) AS illustrative,
             ST_Extent(ST_Transform(s.geom, 4326)) AS ext
        FROM layer l LEFT JOIN site s ON s.layer_id = l.id
       GROUP BY l.id)
    SELECT l.id, l.title_da, l.title_en, l.theme, l.geometry_type, l.style, l.sort_order,
           agg.feature_count, agg.illustrative,
           ST_XMin(agg.ext) AS west, ST_YMin(agg.ext) AS south, ST_XMax(agg.ext) AS east, ST_YMax(agg.ext) AS north
      FROM layer l JOIN agg USING (id)
     ORDER BY l.sort_order, l.id`);
  return rows.map((r) => ({
    id: r.id,
    title: { da: r.title_da, en: r.title_en },
    theme: r.theme,
    geometry_type: r.geometry_type,
    style: r.style,
    sort_order: r.sort_order,
    feature_count: r.feature_count,
    illustrative: r.illustrative,
    bbox: r.west === null ? null : [r.west, r.south ?? 0, r.east ?? 0, r.north ?? 0],
  }));
}

export async function layerExists(db: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await db.query('SELECT 1 FROM layer WHERE id = $1', [id]);
  return rowCount === 1;
}
