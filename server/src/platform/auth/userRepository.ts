import type { Role } from './roles';
import type { Queryable } from '../db/queryable';

/** An account as the admin screens see it (never the password hash). */
export interface UserAccount {
  id: number;
  email: string;
  display_name: string;
  role: Role;
  disabled: boolean;
  created_at: string;
}

const ACCOUNT_COLUMNS = `id, email, display_name, role, disabled_at IS NOT NULL AS disabled,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at`;

/** Creates an account; null when the e-mail (case-insensitively) is taken. */
export async function createUser(
  db: Queryable,
  u: { email: string; displayName: string; role: Role; passwordHash: string },
): Promise<UserAccount | null> {
  const { rows } = await db.query<UserAccount>(
    `INSERT INTO app_user (email, display_name, role, password_hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT ((lower(email))) DO NOTHING
     RETURNING ${ACCOUNT_COLUMNS}`,
    [u.email, u.displayName, u.role, u.passwordHash],
  );
  return rows[0] ?? null;
}

/** What login needs: the hash and whether the account may log in. */
export async function findLogin(
  db: Queryable,
  email: string,
): Promise<{ id: number; display_name: string; role: Role; password_hash: string; disabled: boolean } | null> {
  const { rows } = await db.query<{
    id: number;
    display_name: string;
    role: Role;
    password_hash: string;
    disabled: boolean;
  }>(
    `SELECT id, display_name, role, password_hash, disabled_at IS NOT NULL AS disabled
       FROM app_user WHERE lower(email) = lower($1)`,
    [email],
  );
  return rows[0] ?? null;
}

export async function listUsers(db: Queryable): Promise<UserAccount[]> {
  return (await db.query<UserAccount>(`SELECT ${ACCOUNT_COLUMNS} FROM app_user ORDER BY id`)).rows;
}

/**
 * Changes the given fields of an account; null when there is no such account. Disabling an account or
 * changing its password ends its sessions, so a revoked account is locked out at once.
 */
export async function updateUser(
  db: Queryable,
  id: number,
  change: { displayName?: string; role?: Role; disabled?: boolean; passwordHash?: string },
): Promise<UserAccount | null> {
  const { rows } = await db.query<UserAccount>(
    `UPDATE app_user SET
       display_name = coalesce($2, display_name),
       role = coalesce($3, role),
       disabled_at = CASE WHEN $4::boolean IS NULL THEN disabled_at
                          WHEN $4 THEN coalesce(disabled_at, now()) ELSE NULL END,
       password_hash = coalesce($5, password_hash)
     WHERE id = $1
     RETURNING ${ACCOUNT_COLUMNS}`,
    [id, change.displayName ?? null, change.role ?? null, change.disabled ?? null, change.passwordHash ?? null],
  );
  if (rows[0] && (change.disabled === true || change.passwordHash !== undefined)) {
    await db.query('DELETE FROM user_session WHERE user_id = $1', [id]);
  }
  return rows[0] ?? null;
}

/** The account id of an e-mail (case-insensitively), or null. */
export async function userIdByEmail(db: Queryable, email: string): Promise<number | null> {
  const { rows } = await db.query<{ id: number }>('SELECT id FROM app_user WHERE lower(email) = lower($1)', [email]);
  return rows[0]?.id ?? null;
}
