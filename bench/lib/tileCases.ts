import type pg from 'pg';
import { tileSpanMetres } from '../../server/src/modules/tiles/tileAddress';
import { tileQueryValues } from '../../server/src/modules/tiles/tileQueries';
import { prng } from './prng';

/** Zoom bands the tile report is split into. */
export const BANDS = ['z10-12', 'z13', 'z14-16'] as const;
export type Band = (typeof BANDS)[number];

export const bandOf = (z: number): Band => (z <= 12 ? 'z10-12' : z === 13 ? 'z13' : 'z14-16');

/** One tile request of the benchmark: its URL path and the SQL parameters the server would bind for it. */
export interface TileCase {
  path: string;
  z: number;
  x: number;
  y: number;
  band: Band;
  /** [$1 layer id, $2 z, $3 x, $4 y, $5 tolerance in EPSG:3857 metres, $6 feature cap], as TileService.render. */
  params: [string, number, number, number, number, number];
}

export interface TileLayerRow {
  id: string;
  source_table: 'site' | 'parcel';
  min_zoom: number;
  max_zoom: number;
  tile_feature_cap: number;
  version: number;
}

const HALF_WORLD = 20_037_508.342789244;

/** The XYZ tile holding an EPSG:3857 point at zoom z. */
export function tileOf({ x, y, z }: { x: number; y: number; z: number }) {
  const span = tileSpanMetres(z);
  const n = 2 ** z;
  const clamp = (v: number) => Math.min(n - 1, Math.max(0, v));
  return { z, x: clamp(Math.floor((x + HALF_WORLD) / span)), y: clamp(Math.floor((HALF_WORLD - y) / span)) };
}

/**
 * A deterministic random list of tile requests over the layer's features: `count` features picked by a
 * seeded PRNG (by rank in id order, so the pick depends only on the data), each at a zoom drawn uniformly
 * from z10–z16 clipped to the layer's zoom range. Tiles outside that range would be a 204 without any
 * SQL on the server, so they have no ceiling to compare with and are left out. The list keeps repeats
 * (a z13 tile holds many parcels): requests follow real density.
 */
export async function pickTileCases({
  db,
  layer,
  count,
  seed,
  zooms = [10, 16],
}: {
  db: pg.ClientBase;
  layer: TileLayerRow;
  count: number;
  seed: number;
  zooms?: [number, number];
}): Promise<{ cases: TileCase[]; zoomRange: [number, number]; features: number }> {
  const zMin = Math.max(zooms[0], layer.min_zoom);
  const zMax = Math.min(zooms[1], layer.max_zoom);
  if (zMin > zMax)
    throw new Error(
      `layer ${layer.id} is drawn at z${layer.min_zoom}–${layer.max_zoom}, outside z${zooms[0]}–${zooms[1]}`,
    );
  const table = layer.source_table;
  const { rows: countRows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE layer_id = $1`, [
    layer.id,
  ]);
  const n = Number(countRows[0]!.n);
  if (n === 0) throw new Error(`layer ${layer.id} has no features`);
  const random = prng(seed);
  const picks = Array.from({ length: count }, () => ({
    rank: Math.floor(random() * n),
    z: zMin + Math.floor(random() * (zMax - zMin + 1)),
  }));
  const ranks = [...new Set(picks.map((p) => p.rank))];
  // `table` comes from the layer table's CHECK-constrained source_table, never from user text.
  const { rows } = await db.query<{ rn: string; x: number; y: number }>(
    `SELECT r.rn, ST_X(pt) AS x, ST_Y(pt) AS y
       FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS rn FROM ${table} WHERE layer_id = $1) r
       JOIN ${table} p ON p.id = r.id
      CROSS JOIN LATERAL ST_PointOnSurface(p.geom_3857) AS pt
      WHERE r.rn = ANY($2::bigint[])`,
    [layer.id, ranks],
  );
  const points = new Map(rows.map((r) => [Number(r.rn), r]));
  const cases = picks.map(({ rank, z }): TileCase => {
    const point = points.get(rank);
    if (!point) throw new Error(`feature of rank ${rank} not found`);
    const t = tileOf({ x: point.x, y: point.y, z });
    return {
      path: `/tiles/${encodeURIComponent(layer.id)}/${t.z}/${t.x}/${t.y}.mvt?v=${layer.version}`,
      ...t,
      band: bandOf(t.z),
      // Exactly the server's parameters (the same SQL and cap per zoom).
      params: tileQueryValues({ id: layer.id, featureCap: layer.tile_feature_cap }, t),
    };
  });
  return { cases, zoomRange: [zMin, zMax], features: n };
}
