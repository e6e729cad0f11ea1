import type { TileLayer } from './layerRegistry';
import { tileSpanMetres, type TileAddress } from './tileAddress';

/** A site's map label and its rank among labels (site.attributes), as tiles and feature lists carry them. */
const LABEL_ATTRIBUTES = "s.attributes ->> 'label' AS label, (s.attributes ->> 'rank')::int AS rank";

/**
 * SQL fragments per source table. Table and column names are constants here, never taken from a request:
 * the layer id only ever travels as a bound parameter ($1).
 * Tile attributes are the ones the map draws with: id (promoted to the feature id), layer, name,
 * tender_status (plot colour), accuracy (dashed outline for illustrative shapes), and for map labels the short
 * `label` (a road number, a plot number) and `rank` where a feature has them (null ones are left out).
 */
const SOURCES: Record<TileLayer['sourceTable'], { from: string; attributes: string; geom: string; order: string }> = {
  site: {
    from: 'site s LEFT JOIN tender t ON t.site_id = s.id',
    attributes: `s.id, s.layer_id AS layer, s.name, t.status AS tender_status, s.accuracy, ${LABEL_ATTRIBUTES}`,
    geom: 's.geom_3857',
    order: 's.id',
  },
  parcel: {
    from: 'parcel s',
    // Parcels are context (not clickable), so no name: it would be most of a dense tile's bytes. Matriklen's are
    // official (npm run import -- matrikel), the synthetic benchmark set (npm run synth) illustrative.
    attributes: 's.id::text AS id, s.layer_id AS layer, s.accuracy',
    geom: 's.geom_3857',
    order: 's.id',
  },
  osm: {
    from: 'osm_feature s',
    // Context, not clickable; `label` as the site layers carry it: the name, else the number (a road's ref).
    attributes: "s.id, s.layer_id AS layer, s.name, s.accuracy, coalesce(s.name, s.ref, '') AS label",
    geom: 's.geom_3857',
    order: 's.id',
  },
};

/** Tile extent and buffer in tile units, the same for both encoders. */
export const EXTENT = 4096;
export const BUFFER = 64;

/**
 * The rows of one tile. Of one layer ($1 layer id, $6 feature cap) or of a tileset's layers ($1 layer ids, $6
 * their caps, each layer's rows capped on their own); $2 z, $3 x, $4 y, $5 simplification tolerance (EPSG:3857
 * metres).
 */
const rowsIn = (table: TileLayer['sourceTable'], geometry: string, of: 'layer' | 'tileset') => {
  const s = SOURCES[table];
  const rows = (layer: string, cap: string) => `SELECT ${s.attributes}, ${geometry}
            FROM ${s.from}
           WHERE s.layer_id = ${layer}
             AND ${s.geom} && ST_TileEnvelope($2::int, $3::int, $4::int, margin => ${BUFFER / EXTENT})
           ORDER BY ${s.order}
           LIMIT ${cap}`;
  if (of === 'layer') return rows('$1', '$6');
  return `SELECT r.* FROM unnest($1::text[], $6::int[]) AS m(layer_id, cap)
           CROSS JOIN LATERAL (${rows('m.layer_id', 'm.cap')}) r`;
};

// Simplify to about one tile unit before encoding; preserveCollapsed keeps small features visible as dots.
const simplified = (table: TileLayer['sourceTable']) => `ST_Simplify(${SOURCES[table].geom}, $5::float8, true)`;

const mvtGeometry = (table: TileLayer['sourceTable']) =>
  `ST_AsMVTGeom(${simplified(table)}, ST_TileEnvelope($2::int, $3::int, $4::int), ${EXTENT}, ${BUFFER}, true) AS geom`;

/**
 * One query per tile on PostGIS with protobuf: returns the encoded tile as base64 text (empty for an empty
 * tile; read it with `decodeMvt`). node-postgres takes results as text only (binary fields arrive decoded as
 * UTF-8), and a bytea as text is hex: twice the tile's bytes on the wire and a hex decode per tile, which
 * cost about 1 ms per uncached tile on these machines. Base64 is a third larger than the tile and decodes
 * several times faster (bench/results/tiles.md).
 */
export const mvtSql = (table: TileLayer['sourceTable']) =>
  `WITH q AS (${rowsIn(table, mvtGeometry(table), 'layer')})
   SELECT encode(ST_AsMVT(q, $1::text, ${EXTENT}, 'geom'), 'base64') AS mvt FROM q WHERE geom IS NOT NULL`;

/**
 * A tileset's tile: one MVT layer per member layer (named after it), concatenated, which is what a tile of
 * several layers is. Same result shape as `mvtSql`.
 */
export const tilesetMvtSql = (table: TileLayer['sourceTable']) =>
  `WITH q AS (${rowsIn(table, mvtGeometry(table), 'tileset')})
   SELECT encode(string_agg(mvt, ''::bytea ORDER BY layer), 'base64') AS mvt
     FROM (SELECT q.layer, ST_AsMVT(q, q.layer, ${EXTENT}, 'geom') AS mvt
             FROM q WHERE geom IS NOT NULL GROUP BY q.layer) l`;

/** The tile bytes of an `mvtSql` row (PostgreSQL's base64 has line breaks, which Node's decoder skips). */
export const decodeMvt = (row: { mvt: string | null } | undefined): Buffer => Buffer.from(row?.mvt ?? '', 'base64');

/**
 * The same rows as GeoJSON (EPSG:4326), for encoding in JavaScript where PostGIS lacks protobuf; each row
 * names its layer in `layer`.
 */
export const geojsonRowsSql = (table: TileLayer['sourceTable'], of: 'layer' | 'tileset') =>
  rowsIn(table, `ST_AsGeoJSON(ST_Transform(${simplified(table)}, 4326), 9)::json AS geometry`, of);

/** Zoom from which a layer's full feature cap applies. */
const FULL_CAP_ZOOM = 15;

/**
 * The most features one tile at zoom z may carry: the layer's cap from z15 on, halved for each zoom below,
 * so that dense layers stay small (z14 under 100 KB, issue #3) while a tile there covers four times the area.
 */
export function featureCapAt(cap: number, z: number): number {
  return Math.max(1, Math.floor(cap / 2 ** Math.max(0, FULL_CAP_ZOOM - z)));
}

/** About one tile unit in EPSG:3857 metres: finer detail cannot show in the tile. */
const toleranceAt = (z: number) => tileSpanMetres(z) / EXTENT;

/** The parameters of `mvtSql` and `geojsonRowsSql(…, 'layer')` for one tile. */
export function tileQueryValues(
  layer: Pick<TileLayer, 'id' | 'featureCap'>,
  tile: TileAddress,
): [string, number, number, number, number, number] {
  return [layer.id, tile.z, tile.x, tile.y, toleranceAt(tile.z), featureCapAt(layer.featureCap, tile.z)];
}

/** The parameters of `tilesetMvtSql` and `geojsonRowsSql(…, 'tileset')` for one tile of the given layers. */
export function tilesetQueryValues(
  layers: readonly Pick<TileLayer, 'id' | 'featureCap'>[],
  tile: TileAddress,
): [string[], number, number, number, number, number[]] {
  return [
    layers.map((layer) => layer.id),
    tile.z,
    tile.x,
    tile.y,
    toleranceAt(tile.z),
    layers.map((layer) => featureCapAt(layer.featureCap, tile.z)),
  ];
}

/** Does ST_AsMVT work on this database? PGlite's PostGIS has no protobuf and fails (DESIGN.md). */
export const MVT_PROBE_SQL = "SELECT ST_AsMVT(q, 'probe') FROM (SELECT ST_Point(0, 0, 3857) AS geom) q";

/** Every layer's tile settings and version, as the tile registry keeps them. */
export const TILE_LAYERS_SQL =
  'SELECT id, source_table, geometry_type, min_zoom, max_zoom, tile_feature_cap, version FROM layer';
