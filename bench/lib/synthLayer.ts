import pg from 'pg';
import { SYNTH_LAYER } from '../../seeds/synth/synthLayer';
import { writeSynthParcels } from '../../seeds/synth/writeSynthParcels';

/** `npm run synth`'s default seed, so that the benchmark's parcels are the ones the README talks about. */
export const SYNTH_SEED = 1;

const COUNT_SQL = `SELECT (SELECT count(*)::int FROM parcel WHERE layer_id = $1) AS n
                     WHERE EXISTS (SELECT 1 FROM layer WHERE id = $1)`;

/** How many synthetic parcels the database holds; null when there is no synthetic layer. */
export async function currentSynthCount(connectionString: string): Promise<number | null> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(COUNT_SQL, [SYNTH_LAYER.id]);
    return rows[0]?.n ?? null;
  } finally {
    await client.end();
  }
}

/**
 * The synthetic parcel layer with exactly `parcels` parcels on PostgreSQL: reused when the layer already
 * holds that many (the count is all the database records of a run; `npm run synth` with another seed
 * would go unnoticed), otherwise rewritten with the synth library (COPY, then the GiST index and ANALYZE).
 */
export async function ensureSynthParcels({
  connectionString,
  parcels,
  log,
}: {
  connectionString: string;
  parcels: number;
  log: (message: string) => void;
}): Promise<{ action: 'reused' | 'generated'; layerId: string }> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(COUNT_SQL, [SYNTH_LAYER.id]);
    if (rows[0]?.n === parcels) {
      log(`reusing the ${parcels.toLocaleString('en')} synthetic parcels already in the database`);
      return { action: 'reused', layerId: SYNTH_LAYER.id };
    }
    const r = await writeSynthParcels({
      client,
      engine: 'postgis',
      count: parcels,
      seed: SYNTH_SEED,
      onProgress: (m) => log(`synth: ${m}`),
    });
    log(
      `wrote ${r.parcels.toLocaleString('en')} synthetic parcels in ${r.seconds.toFixed(1)} s (layer version ${r.version})`,
    );
    return { action: 'generated', layerId: SYNTH_LAYER.id };
  } finally {
    await client.end();
  }
}
