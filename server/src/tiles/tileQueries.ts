import type { TileLayer } from './layerRegistry';
import { tileSpanMetres, type TileAddress } from './tileAddress';

/**
 * SQL fragments per source table. Table and column names are constants here, never taken from a request:
 * the layer id only ever travels as a bound parameter ($1).
 * Tile attributes are the ones the map draws with: id (promoted to the feature id), layer, name,
 * tender_status (plot colour) and accuracy (dashed outline for illustrative shapes).
 */
const SOURCES: Record<TileLayer['sourceTable'], { from: string; attributes: string; geom: string; order: string }> = {
  site: {
    from: 'site s LEFT JOIN tender t ON t.site_id = s.id',
    attributes: 's.id, s.layer_id AS layer, s.name, t.status AS tender_status, s.accuracy',
    geom: 's.geom_3857',
    order: 's.id',
  },
  parcel: {
    from: 'parcel s',
    // Parcels are context (not clickable), so no name: it would be most of a dense tile's bytes.
    // The only parcels so far are the synthetic benchmark set (npm run synth), hence illustrative.
    attributes: "s.id::text AS id, s.layer_id AS layer, 'illustrative' AS accuracy",
    geom: 's.geom_3857',
    order: 's.id',
  },
};

/** Tile extent and buffer in tile units, the same for both encoders. */
export const EXTENT = 4096;
export const BUFFER = 64;

// $1 layer id, $2 z, $3 x, $4 y, $5 simplification tolerance (EPSG:3857 metres), $6 feature cap.
const rowsIn = (table: TileLayer['sourceTable'], geometry: string) => {
  const s = SOURCES[table];
  return `SELECT ${s.attributes}, ${geometry}
            FROM ${s.from}
           WHERE s.layer_id = $1
             AND ${s.geom} && ST_TileEnvelope($2::int, $3::int, $4::int, margin => ${BUFFER / EXTENT})
           ORDER BY ${s.order}
           LIMIT $6`;
};

// Simplify to about one tile unit before encoding; preserveCollapsed keeps small features visible as dots.
const simplified = (table: TileLayer['sourceTable']) => `ST_Simplify(${SOURCES[table].geom}, $5::float8, true)`;

/**
 * One query per tile on PostGIS with protobuf: returns the encoded tile as base64 text (empty for an empty
 * tile; read it with `decodeMvt`). node-postgres takes results as text only (binary fields arrive decoded as
 * UTF-8), and a bytea as text is hex: twice the tile's bytes on the wire and a hex decode per tile, which
 * cost about 1 ms per uncached tile on these machines. Base64 is a third larger than the tile and decodes
 * several times faster (bench/results/tiles.md).
 */
export const mvtSql = (table: TileLayer['sourceTable']) =>
  `WITH q AS (${rowsIn(
    table,
    `ST_AsMVTGeom(${simplified(table)}, ST_TileEnvelope($2::int, $3::int, $4::int), ${EXTENT}, ${BUFFER}, true) AS geom`,
  )})
   SELECT encode(ST_AsMVT(q, $1::text, ${EXTENT}, 'geom'), 'base64') AS mvt FROM q WHERE geom IS NOT NULL`;

/** The tile bytes of an `mvtSql` row (PostgreSQL's base64 has line breaks, which Node's decoder skips). */
export const decodeMvt = (row: { mvt: string | null } | undefined): Buffer => Buffer.from(row?.mvt ?? '', 'base64');

/** The same rows as GeoJSON (EPSG:4326), for encoding in JavaScript where PostGIS lacks protobuf. */
export const geojsonRowsSql = (table: TileLayer['sourceTable']) =>
  rowsIn(table, `ST_AsGeoJSON(ST_Transform(${simplified(table)}, 4326), 9)::json AS geometry`);

/** Zoom from which a layer's full feature cap applies. */
const FULL_CAP_ZOOM = 15;

/**
 * The most features one tile at zoom z may carry: the layer's cap from z15 on, halved for each zoom below,
 * so that dense layers stay small (z14 under 100 KB, issue #3) while a tile there covers four times the area.
 */
export function featureCapAt(cap: number, z: number): number {
  return Math.max(1, Math.floor(cap / 2 ** Math.max(0, FULL_CAP_ZOOM - z)));
}

/** The parameters of `mvtSql` and `geojsonRowsSql` for one tile. */
export function tileQueryValues(
  layer: Pick<TileLayer, 'id' | 'featureCap'>,
  tile: TileAddress,
): [string, number, number, number, number, number] {
  return [
    layer.id,
    tile.z,
    tile.x,
    tile.y,
    // About one tile unit in EPSG:3857 metres: finer detail cannot show in the tile.
    tileSpanMetres(tile.z) / EXTENT,
    featureCapAt(layer.featureCap, tile.z),
  ];
}
