import { createHash, randomBytes } from 'node:crypto';
import type { Role } from './roles';
import type { Queryable } from '../db/queryable';

/** Idle timeout: a session unused this long ends (sliding). */
export const SESSION_IDLE_HOURS = 8;
/** Absolute limit: however busy, a session ends this long after login. */
export const SESSION_MAX_HOURS = 24;

export interface SessionUser {
  id: number;
  displayName: string;
  role: Role;
}

const sha256 = (token: string) => createHash('sha256').update(token).digest();

/**
 * Starts a session; returns the raw cookie token (only its SHA-256 is stored) and the CSRF token.
 * Expired sessions are swept here, so the table stays small without a scheduler.
 */
export async function createSession(db: Queryable, userId: number): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await db.query('DELETE FROM user_session WHERE expires_at <= now()');
  await db.query(
    `INSERT INTO user_session (token_hash, user_id, csrf_token, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(hours => $4))`,
    [sha256(token), userId, csrfToken, SESSION_IDLE_HOURS],
  );
  return { token, csrfToken };
}

/**
 * The live session of a cookie token with its (enabled) account, or null. Extends the idle timeout, writing
 * at most once a minute per session so that reads stay reads.
 */
export async function findSession(
  db: Queryable,
  token: string,
): Promise<{ user: SessionUser; csrfToken: string } | null> {
  const hash = sha256(token);
  const { rows } = await db.query<{
    id: number;
    display_name: string;
    role: Role;
    csrf_token: string;
    refresh: boolean;
  }>(
    `SELECT u.id, u.display_name, u.role, s.csrf_token, s.last_seen_at < now() - interval '1 minute' AS refresh
       FROM user_session s JOIN app_user u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now() AND u.disabled_at IS NULL`,
    [hash],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.refresh) {
    await db.query(
      `UPDATE user_session SET last_seen_at = now(),
              expires_at = least(created_at + make_interval(hours => $2), now() + make_interval(hours => $3))
        WHERE token_hash = $1`,
      [hash, SESSION_MAX_HOURS, SESSION_IDLE_HOURS],
    );
  }
  return { user: { id: row.id, displayName: row.display_name, role: row.role }, csrfToken: row.csrf_token };
}

export async function deleteSession(db: Queryable, token: string): Promise<void> {
  await db.query('DELETE FROM user_session WHERE token_hash = $1', [sha256(token)]);
}
