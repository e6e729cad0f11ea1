import type pg from 'pg';
import type { SessionUser } from '../../platform/auth/sessionRepository';
import type { Queryable } from '../../platform/db/queryable';
import type { ActionProgress } from '@shared/schemas/common';

const ISO_UTC = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

export interface ActionProgressState {
  number: string;
  progress: ActionProgress;
  progress_note: string | null;
  progress_updated_at: string | null;
  version: number;
}

export interface ProgressEvent {
  id: string;
  at: string;
  from_progress: ActionProgress | null;
  to_progress: ActionProgress;
  note: string | null;
  actor: { name: string; role: 'planner' | 'admin' | null };
}

const STATE_COLUMNS = `a.number, a.progress, a.progress_note, ${ISO_UTC('a.progress_updated_at')} AS progress_updated_at,
  a.version`;

/** An action's progress with its public history (oldest first); null when no such action. */
export async function getActionProgress(
  db: Queryable,
  number: string,
): Promise<(ActionProgressState & { history: ProgressEvent[] }) | null> {
  const { rows } = await db.query<ActionProgressState>(`SELECT ${STATE_COLUMNS} FROM action a WHERE a.number = $1`, [
    number,
  ]);
  const state = rows[0];
  if (!state) return null;
  const history = await db.query<ProgressEvent>(
    `SELECT id::text AS id, ${ISO_UTC('at')} AS at, from_progress, to_progress, note,
            json_build_object('name', actor, 'role', actor_role) AS actor
       FROM action_progress_event WHERE action_number = $1 ORDER BY at, id`,
    [number],
  );
  return { ...state, history: history.rows };
}

export type ProgressChangeResult =
  { kind: 'changed'; action: ActionProgressState } | { kind: 'not_found' } | { kind: 'stale'; currentVersion: number };

/** Sets an action's progress and appends the event in one transaction; a stale version changes nothing. */
export async function changeProgress(
  pool: Pick<pg.Pool, 'connect'>,
  c: { number: string; progress: ActionProgress; note: string | null; version: number; actor: SessionUser },
): Promise<ProgressChangeResult> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ progress: ActionProgress; version: number }>(
      'SELECT progress, version FROM action WHERE number = $1 FOR UPDATE',
      [c.number],
    );
    const current = rows[0];
    if (!current || current.version !== c.version) {
      await client.query('ROLLBACK');
      return current ? { kind: 'stale', currentVersion: current.version } : { kind: 'not_found' };
    }
    const updated = await client.query<ActionProgressState>(
      `UPDATE action a SET progress = $3, progress_note = $4, progress_updated_at = now(), version = a.version + 1
        WHERE a.number = $1 AND a.version = $2
        RETURNING ${STATE_COLUMNS}`,
      [c.number, c.version, c.progress, c.note],
    );
    await client.query(
      `INSERT INTO action_progress_event (action_number, actor, actor_role, actor_user_id, from_progress, to_progress, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [c.number, c.actor.displayName, c.actor.role, c.actor.id, current.progress, c.progress, c.note],
    );
    await client.query('COMMIT');
    return { kind: 'changed', action: updated.rows[0]! };
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}
