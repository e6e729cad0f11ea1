import { createHash } from 'node:crypto';
import type { Queryable } from '../db/queryable';

/** Attempts allowed per window for one IP address and e-mail (guessing one account's password). */
export const LOGIN_LIMIT_PER_ACCOUNT = 5;
/** Attempts allowed per window for one IP address over all e-mails (trying one password on many accounts). */
export const LOGIN_LIMIT_PER_IP = 30;
export const LOGIN_WINDOW_SECONDS = 60;

/**
 * Failed guesses at one e-mail, from all addresses together, before back-off starts (issue #19). A real user
 * rarely mistypes ten times in an hour; ten addresses at 5 a minute each could otherwise make 50 guesses a minute.
 */
export const ACCOUNT_FREE_FAILURES = 10;
/**
 * How long a failed guess counts against its e-mail, in seconds (issue #19). Four times the longest wait, so that
 * the failures before a capped wait still count when it ends: a window no longer than the cap would hand a
 * patient guesser ten free guesses after every wait (about 1,200 a day instead of about 400).
 */
export const ACCOUNT_WINDOW_SECONDS = 60 * 60;
/** The first wait after the free failures, in seconds; each further failure doubles it (1, 2, 4, … s). */
export const ACCOUNT_BACKOFF_BASE_SECONDS = 1;
/**
 * The longest wait, in seconds (issue #19): the real user is delayed at most a quarter of an hour after the last
 * failure, never locked out, while a guesser gets about 15 guesses in the first minute and 17 an hour after that.
 */
export const ACCOUNT_BACKOFF_CAP_SECONDS = 15 * 60;

const digest = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest();
/**
 * Per-account keys carry this prefix before the digest, so the clean-up can tell them from the bare 32-byte keys
 * of the per-minute limits and keep them for the longer window without a schema change.
 */
const ACCOUNT_KEY_PREFIX = Buffer.from('account:');
const MINUTE_KEY_BYTES = 32;

/** The key of an e-mail's failed guesses from every address (lower-cased, so case changes are the same account). */
export const accountKey = (email: string) => Buffer.concat([ACCOUNT_KEY_PREFIX, digest('user', email.toLowerCase())]);

/** Seconds to wait after the newest failure once `failures` (≥ ACCOUNT_FREE_FAILURES) have been counted. */
const backoffSeconds = (failures: number) =>
  // A huge count (a burst of concurrent attempts) makes 2 ** n Infinity, which the cap turns back into a number.
  Math.min(ACCOUNT_BACKOFF_CAP_SECONDS, ACCOUNT_BACKOFF_BASE_SECONDS * 2 ** (failures - ACCOUNT_FREE_FAILURES));

/**
 * Records a login attempt and says whether it is refused, and if so after how many seconds to try again. Three
 * counts: per address and e-mail and per address (a fixed 60 s window), and per e-mail from every address
 * (failures in the last hour, then a wait that doubles with each further failure, measured from the newest one).
 * Unknown e-mails count the same way, so the answer tells nothing about which accounts exist.
 *
 * Kept in the database, so every instance counts the same attempts; recording before counting means concurrent
 * attempts cannot all slip under a limit (concurrent attempts in back-off see each other and are refused). A
 * refused attempt checks no password, so it leaves no per-account row: the wait grows with guesses only, and an
 * attacker hammering a waiting account adds nothing to the table. The per-account row of an allowed attempt stays
 * as its failure until {@link clearLoginAttempts} runs after a right password.
 */
export async function recordLoginAttempt(
  db: Queryable,
  ip: string,
  email: string,
): Promise<{ limited: false } | { limited: true; retryAfterSeconds: number }> {
  const perIpEmail = digest('account', ip, email.toLowerCase());
  const perIp = digest('ip', ip);
  const perUser = accountKey(email);
  await db.query(
    `DELETE FROM login_attempt
      WHERE at < now() - make_interval(secs => $2)
         OR (at < now() - make_interval(secs => $1) AND octet_length(key_hash) = $3)`,
    [LOGIN_WINDOW_SECONDS, ACCOUNT_WINDOW_SECONDS, MINUTE_KEY_BYTES],
  );
  await db.query('INSERT INTO login_attempt (key_hash) VALUES ($1), ($2)', [perIpEmail, perIp]);
  // The table has no id column; ctid names this attempt's row (rows are never updated, so it does not move).
  const mine = await db.query<{ row: string }>(
    'INSERT INTO login_attempt (key_hash) VALUES ($1) RETURNING ctid::text AS row',
    [perUser],
  );
  const row = mine.rows[0]!.row;
  const { rows } = await db.query<{ key_hash: Buffer; n: number; retry: number }>(
    `SELECT key_hash, count(*)::int AS n,
            greatest(1, ceil($3 - extract(epoch FROM now() - min(at))))::int AS retry
       FROM login_attempt WHERE key_hash IN ($1, $2) AND at >= now() - make_interval(secs => $3)
      GROUP BY key_hash`,
    [perIpEmail, perIp, LOGIN_WINDOW_SECONDS],
  );
  const earlier = await db.query<{ failures: number; elapsed: number | null }>(
    `SELECT count(*)::int AS failures, extract(epoch FROM now() - max(at))::float8 AS elapsed
       FROM login_attempt WHERE key_hash = $1 AND ctid <> $2::tid AND at >= now() - make_interval(secs => $3)`,
    [perUser, row, ACCOUNT_WINDOW_SECONDS],
  );
  const retries = rows
    .filter((r) => r.n > (r.key_hash.equals(perIpEmail) ? LOGIN_LIMIT_PER_ACCOUNT : LOGIN_LIMIT_PER_IP))
    .map((r) => r.retry);
  const { failures, elapsed } = earlier.rows[0]!;
  if (failures >= ACCOUNT_FREE_FAILURES && elapsed !== null) {
    const wait = backoffSeconds(failures) - elapsed;
    if (wait > 0) retries.push(Math.ceil(wait));
  }
  if (retries.length === 0) return { limited: false };
  await db.query('DELETE FROM login_attempt WHERE key_hash = $1 AND ctid = $2::tid', [perUser, row]);
  return { limited: true, retryAfterSeconds: Math.max(...retries) };
}

/**
 * After a right password: clears that account's count from that address, so earlier typos do not linger, and its
 * failures from every address, so the user starts afresh. Call it only once the password has been checked.
 */
export async function clearLoginAttempts(db: Queryable, ip: string, email: string): Promise<void> {
  await db.query('DELETE FROM login_attempt WHERE key_hash IN ($1, $2)', [
    digest('account', ip, email.toLowerCase()),
    accountKey(email),
  ]);
}
