import type pg from 'pg';
import { SYNTH_LAYER } from './synthLayer';

/**
 * Deletes the synthetic layer's parcels inside the caller's transaction and returns how many there were.
 * Locks `parcel` for the rest of the transaction (readers wait); when it holds nothing else, TRUNCATE
 * replaces a row-by-row DELETE of up to millions of rows.
 */
export async function clearSynthParcels(client: pg.ClientBase): Promise<number> {
  await client.query('LOCK TABLE parcel IN ACCESS EXCLUSIVE MODE');
  const { rows } = await client.query<{ synthetic: string; others: boolean }>(
    `SELECT count(*) FILTER (WHERE layer_id = $1) AS synthetic, bool_or(layer_id <> $1) AS others FROM parcel`,
    [SYNTH_LAYER.id],
  );
  const synthetic = Number(rows[0]?.synthetic ?? 0);
  if (synthetic === 0) return 0;
  if (rows[0]?.others) await client.query('DELETE FROM parcel WHERE layer_id = $1', [SYNTH_LAYER.id]);
  else await client.query('TRUNCATE parcel');
  return synthetic;
}
