import type pg from 'pg';

/**
 * One md5 per table of the public schema (PostGIS's own catalogue excepted), over every row in a fixed order:
 * two databases with equal checksums hold the same data. Table names come from the catalogue, quoted there.
 */
export async function tableChecksums(
  client: pg.Client | pg.PoolClient,
  {
    countOnly = [],
    ignore = [],
  }: {
    /** Tables compared by row count only (sessions touch last_seen_at as they are used). */ countOnly?: string[];
    /** Tables left out (the rate-limit counters, which every counted request bumps, good or bad; issue #18). */
    ignore?: string[];
  } = {},
): Promise<Record<string, string>> {
  const { rows: tables } = await client.query<{ name: string; quoted: string }>(
    `SELECT tablename AS name, format('%I.%I', schemaname, tablename) AS quoted
     FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'spatial_ref_sys' ORDER BY tablename`,
  );
  const sums: Record<string, string> = {};
  for (const { name, quoted } of tables) {
    if (ignore.includes(name)) continue;
    const sum = countOnly.includes(name) ? 'NULL' : `md5(string_agg(t::text, E'\\n' ORDER BY t::text))`;
    const { rows } = await client.query<{ n: string; sum: string | null }>(
      `SELECT count(*) AS n, ${sum} AS sum FROM ${quoted} t`,
    );
    sums[name] = `${rows[0]!.n}:${rows[0]!.sum ?? ''}`;
  }
  return sums;
}
