import pg from 'pg';

// Street and town names of the synthetic register: Danish in shape (and in letters: æ, ø, å), invented. Streets are
// [qualifier] + stem + ending, towns stem + town ending; 3,000 streets and 900 postcodes.
const QUALIFIERS = ['', '', '', '', 'Gammel ', 'Ny ', 'Lille ', 'Store '];
const STEMS = [
  'Vester',
  'Øster',
  'Nørre',
  'Sønder',
  'Kirke',
  'Skole',
  'Mølle',
  'Bøge',
  'Ege',
  'Birke',
  'Ahorn',
  'Hassel',
  'Linde',
  'Rose',
  'Kløver',
  'Skov',
  'Strand',
  'Mark',
  'Eng',
  'Å',
  'Bakke',
  'Dal',
  'Holm',
  'Hede',
  'Kær',
  'Mose',
  'Sø',
  'Fjord',
  'Havne',
  'Smede',
  'Præste',
  'Gård',
  'Vinde',
  'Løv',
  'Hjorte',
  'Ræve',
  'Ørne',
  'Svane',
  'Stær',
  'Bygade',
  'Rådhus',
  'Stations',
  'Fabriks',
  'Industri',
  'Erhvervs',
  'Borup',
  'Ejby',
  'Herfølge',
  'Ølsemagle',
  'Lyng',
];
const ENDINGS = [
  'gade',
  'vej',
  'allé',
  'stræde',
  'vænget',
  'parken',
  'bakken',
  'højen',
  'engen',
  'toften',
  'lunden',
  'haven',
  'stien',
  'torvet',
  'plads',
];
const TOWN_ENDINGS = [
  'by',
  'rup',
  'løse',
  'sted',
  'lev',
  'inge',
  'købing',
  'borg',
  'holm',
  'bæk',
  'ved',
  'høj',
  'skov',
  'strup',
  'å',
  'ager',
  'lunde',
  'magle',
];

/** Everything the synthetic addresses are drawn from. */
export function synthNamePools(): { streets: string[]; towns: string[] } {
  // The empty qualifier repeats in QUALIFIERS: most streets have none.
  const streets = QUALIFIERS.flatMap((q) => STEMS.flatMap((s) => ENDINGS.map((e) => `${q}${s}${e}`)));
  const towns = STEMS.flatMap((s) => TOWN_ENDINGS.map((e) => `${s.replace(/(gade|s)$/, '')}${e}`));
  return { streets, towns };
}

/** The address table's indexes as the migration made them (pg_get_indexdef), to build them again after a load. */
async function addressIndexes(client: pg.ClientBase): Promise<{ name: string; def: string }[]> {
  const { rows } = await client.query<{ name: string; def: string }>(
    `SELECT indexname AS name, indexdef AS def FROM pg_indexes
      WHERE schemaname = 'public' AND tablename = 'address' AND indexname <> 'address_pkey'`,
  );
  return rows;
}

/**
 * Exactly `count` synthetic (illustrative) addresses in `address`, reused when they are there already: written by
 * one INSERT … SELECT generate_series with the secondary indexes dropped and built again afterwards (building is
 * far faster than 3.5M insertions into a GIN index). Points fall on a grid over Denmark in EPSG:25832; every
 * street has addresses in many towns. Returns the seconds spent (0 when reused).
 */
export async function ensureSynthAddresses({
  connectionString,
  count,
  log,
}: {
  connectionString: string;
  count: number;
  log: (message: string) => void;
}): Promise<{ loadSeconds: number; indexSeconds: number }> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM address WHERE accuracy = 'illustrative'`,
    );
    if (rows[0]!.n === count) {
      log(`reusing ${count.toLocaleString('en')} synthetic addresses`);
      return { loadSeconds: 0, indexSeconds: 0 };
    }
    const { streets, towns } = synthNamePools();
    const indexes = await addressIndexes(client);
    log(`writing ${count.toLocaleString('en')} synthetic addresses (${streets.length} streets, ${towns.length} towns)`);
    const t0 = performance.now();
    await client.query('BEGIN');
    for (const i of indexes) await client.query(`DROP INDEX ${i.name}`);
    await client.query(`DELETE FROM address WHERE accuracy = 'illustrative'`);
    await client.query(
      `INSERT INTO address (id, vejnavn, husnr, postnr, postnrnavn, geom, accuracy)
       SELECT md5('synth-address-' || g)::uuid,
              ($2::text[])[(1 + (g * 7919) % array_length($2::text[], 1))::int],
              (1 + (g / 7) % 199)::text || CASE WHEN g % 11 = 0 THEN 'B' ELSE '' END,
              (1000 + 10 * ((g * 104729) % array_length($3::text[], 1)))::text,
              ($3::text[])[(1 + (g * 104729) % array_length($3::text[], 1))::int],
              ST_SetSRID(ST_MakePoint(450000 + (g * 7907) % 440000, 6050000 + (g * 7877) % 350000), 25832),
              'illustrative'
         FROM generate_series(1::bigint, $1::bigint) g`,
      [count, streets, towns],
    );
    const loadSeconds = (performance.now() - t0) / 1000;
    log(`written in ${loadSeconds.toFixed(1)} s; building ${indexes.length} indexes`);
    const t1 = performance.now();
    await client.query(`SET LOCAL maintenance_work_mem = '512MB'`);
    for (const i of indexes) await client.query(i.def);
    await client.query('COMMIT');
    await client.query('ANALYZE address');
    const indexSeconds = (performance.now() - t1) / 1000;
    log(`indexes built in ${indexSeconds.toFixed(1)} s`);
    return { loadSeconds, indexSeconds };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
}
