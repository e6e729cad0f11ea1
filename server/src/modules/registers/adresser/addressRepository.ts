import type pg from 'pg';
import type { AddressRow } from './mapAddress';

/** A temporary table of the import's transaction: every address is staged before anything is written. */
export async function createAddressStage(client: pg.ClientBase): Promise<void> {
  await client.query(`CREATE TEMP TABLE address_stage (
    n integer NOT NULL, line integer, id uuid NOT NULL, vejnavn text NOT NULL, husnr text NOT NULL,
    postnr text NOT NULL, postnrnavn text NOT NULL, x float8 NOT NULL, y float8 NOT NULL, srid integer NOT NULL
  ) ON COMMIT DROP`);
}

/** Stages `rows` with one statement (arrays unnested), whatever their number. */
export async function stageAddresses(client: pg.ClientBase, rows: readonly AddressRow[]): Promise<void> {
  const col = <K extends keyof AddressRow>(k: K) => rows.map((r) => r[k]);
  await client.query(
    `INSERT INTO address_stage
     SELECT * FROM unnest($1::int[], $2::int[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[],
                          $8::float8[], $9::float8[], $10::int[])`,
    [
      col('n'),
      col('line'),
      col('id'),
      col('vejnavn'),
      col('husnr'),
      col('postnr'),
      col('postnrnavn'),
      col('x'),
      col('y'),
      col('srid'),
    ],
  );
}

/** The first id the file holds twice, with both places; null when every id is unique. */
export async function firstDuplicateAddress(client: pg.ClientBase): Promise<{
  id: string;
  first: { n: number; line: number | null };
  second: { n: number; line: number | null };
} | null> {
  await client.query('ANALYZE address_stage');
  const { rows } = await client.query<{ id: string; n1: number; l1: number | null; n2: number; l2: number | null }>(
    `SELECT a.id, a.n AS n1, a.line AS l1, b.n AS n2, b.line AS l2
       FROM address_stage a JOIN address_stage b ON b.id = a.id AND b.n > a.n
      ORDER BY b.n LIMIT 1`,
  );
  const r = rows[0];
  return r ? { id: r.id, first: { n: r.n1, line: r.l1 }, second: { n: r.n2, line: r.l2 } } : null;
}

export interface AddressChanges {
  inserted: number;
  updated: number;
  /** Official addresses no longer in the register. */
  removed: number;
}

/**
 * Makes the address table the staged register: new addresses added, changed ones updated (points transformed to
 * EPSG:25832), unchanged ones left alone, and official addresses the file no longer has removed. The synthetic
 * (illustrative) ones of the benchmark are left alone.
 */
export async function applyAddresses(client: pg.ClientBase): Promise<AddressChanges> {
  const upserted = await client.query<{ inserted: number; updated: number }>(
    `WITH written AS (
       INSERT INTO address AS a (id, vejnavn, husnr, postnr, postnrnavn, geom, accuracy)
       SELECT id, vejnavn, husnr, postnr, postnrnavn,
              ST_Transform(ST_SetSRID(ST_MakePoint(x, y), srid), 25832), 'official'
         FROM address_stage
       ON CONFLICT (id) DO UPDATE
          SET vejnavn = EXCLUDED.vejnavn, husnr = EXCLUDED.husnr, postnr = EXCLUDED.postnr,
              postnrnavn = EXCLUDED.postnrnavn, geom = EXCLUDED.geom, accuracy = 'official'
        WHERE (a.vejnavn, a.husnr, a.postnr, a.postnrnavn, a.accuracy)
                IS DISTINCT FROM (EXCLUDED.vejnavn, EXCLUDED.husnr, EXCLUDED.postnr, EXCLUDED.postnrnavn, 'official')
           OR NOT ST_Equals(a.geom, EXCLUDED.geom)
       RETURNING (xmax = 0) AS is_new)
     SELECT count(*) FILTER (WHERE is_new)::int AS inserted, count(*) FILTER (WHERE NOT is_new)::int AS updated
       FROM written`,
  );
  const removed = await client.query(
    `DELETE FROM address a WHERE a.accuracy = 'official'
        AND NOT EXISTS (SELECT 1 FROM address_stage s WHERE s.id = a.id)`,
  );
  return { ...upserted.rows[0]!, removed: removed.rowCount ?? 0 };
}

export async function recordAddressImport(
  client: pg.ClientBase,
  r: AddressChanges & { source: string; licence: string; features: number },
): Promise<void> {
  await client.query(
    `INSERT INTO address_import (source, licence, features, inserted, updated, removed)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [r.source, r.licence, r.features, r.inserted, r.updated, r.removed],
  );
}
