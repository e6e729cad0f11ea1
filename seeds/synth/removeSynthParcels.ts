import type pg from 'pg';
import { clearSynthParcels } from './clearSynthParcels';
import { SYNTH_LAYER, SYNTH_VERSION_KEY } from './synthLayer';

/**
 * Deletes the synthetic parcels and their layer row in one transaction (`npm run synth -- --remove`).
 * The layer's last version is kept in `app_meta`, so that a later run never reuses a version.
 */
export async function removeSynthParcels({
  client,
}: {
  client: pg.ClientBase;
}): Promise<{ parcels: number; layerRemoved: boolean }> {
  await client.query('BEGIN');
  try {
    const parcels = await clearSynthParcels(client);
    const { rows } = await client.query<{ version: number }>('DELETE FROM layer WHERE id = $1 RETURNING version', [
      SYNTH_LAYER.id,
    ]);
    const version = rows[0]?.version;
    if (version !== undefined) {
      await client.query(
        `INSERT INTO app_meta (key, value) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
        [SYNTH_VERSION_KEY, String(version)],
      );
    }
    await client.query('COMMIT');
    return { parcels, layerRemoved: version !== undefined };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
}
