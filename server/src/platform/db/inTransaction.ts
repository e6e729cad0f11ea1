import type pg from 'pg';

/**
 * Runs `work` in one transaction on one pooled connection. It commits when `commits(result)` says so and rolls
 * back otherwise (a stale version, a missing row) and on any error, so a refused write changes nothing.
 */
export async function inTransaction<T>(
  pool: Pick<pg.Pool, 'connect'>,
  work: (client: pg.PoolClient) => Promise<T>,
  commits: (result: T) => boolean,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query(commits(result) ? 'COMMIT' : 'ROLLBACK');
    return result;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}
