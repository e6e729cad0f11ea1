import type pg from 'pg';

/**
 * The nodes of an OSM file while its ways are read: OSM XML lists every node before the ways that use it, so the
 * nodes are staged in the import's transaction (dropped at its end) instead of held in memory.
 */
export async function createNodeStage(db: pg.ClientBase): Promise<void> {
  await db.query(
    'CREATE TEMP TABLE osm_node (id bigint PRIMARY KEY, lon float8 NOT NULL, lat float8 NOT NULL) ON COMMIT DROP',
  );
}

export async function stageNodes(db: pg.ClientBase, nodes: { id: string; lon: number; lat: number }[]): Promise<void> {
  await db.query(
    `INSERT INTO osm_node (id, lon, lat) SELECT * FROM unnest($1::bigint[], $2::float8[], $3::float8[])
     ON CONFLICT (id) DO NOTHING`,
    [nodes.map((n) => n.id), nodes.map((n) => n.lon), nodes.map((n) => n.lat)],
  );
}

/** Lon/lat of the staged nodes among `ids`, by id. */
export async function nodePositions(db: pg.ClientBase, ids: string[]): Promise<Map<string, [number, number]>> {
  const { rows } = await db.query<{ id: string; lon: number; lat: number }>(
    'SELECT id::text, lon, lat FROM osm_node WHERE id = ANY ($1::bigint[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, [r.lon, r.lat]]));
}

/** Statistics for the staged nodes: a temporary table is never analysed on its own, and without them the planner
 * may scan every node for each batch of ways. */
export async function analyseNodes(db: pg.ClientBase): Promise<void> {
  await db.query('ANALYZE osm_node');
}
