import { createHash } from 'node:crypto';
import type { Queryable } from './queryable';

/** Attempts allowed per window for one IP address and e-mail (guessing one account's password). */
export const LOGIN_LIMIT_PER_ACCOUNT = 5;
/** Attempts allowed per window for one IP address over all e-mails (trying one password on many accounts). */
export const LOGIN_LIMIT_PER_IP = 30;
export const LOGIN_WINDOW_SECONDS = 60;

const keyOf = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest();

/**
 * Records a login attempt and says whether it is over the limit, and if so after how many seconds the
 * oldest counted attempt leaves the window. Kept in the database, so every instance counts the same attempts;
 * recording before counting means concurrent attempts cannot all slip under the limit.
 */
export async function recordLoginAttempt(
  db: Queryable,
  ip: string,
  email: string,
): Promise<{ limited: false } | { limited: true; retryAfterSeconds: number }> {
  const perAccount = keyOf('account', ip, email.toLowerCase());
  const perIp = keyOf('ip', ip);
  await db.query(`DELETE FROM login_attempt WHERE at < now() - make_interval(secs => $1)`, [LOGIN_WINDOW_SECONDS]);
  await db.query('INSERT INTO login_attempt (key_hash) VALUES ($1), ($2)', [perAccount, perIp]);
  const { rows } = await db.query<{ key_hash: Buffer; n: number; retry: number }>(
    `SELECT key_hash, count(*)::int AS n,
            greatest(1, ceil($3 - extract(epoch FROM now() - min(at))))::int AS retry
       FROM login_attempt WHERE key_hash IN ($1, $2) AND at >= now() - make_interval(secs => $3)
      GROUP BY key_hash`,
    [perAccount, perIp, LOGIN_WINDOW_SECONDS],
  );
  const over = rows.filter((r) => r.n > (r.key_hash.equals(perAccount) ? LOGIN_LIMIT_PER_ACCOUNT : LOGIN_LIMIT_PER_IP));
  if (over.length === 0) return { limited: false };
  return { limited: true, retryAfterSeconds: Math.max(...over.map((r) => r.retry)) };
}

/** A successful login clears that account's count from that address, so earlier typos do not linger. */
export async function clearLoginAttempts(db: Queryable, ip: string, email: string): Promise<void> {
  await db.query('DELETE FROM login_attempt WHERE key_hash = $1', [keyOf('account', ip, email.toLowerCase())]);
}
