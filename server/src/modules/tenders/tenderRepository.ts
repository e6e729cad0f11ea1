import { inTransaction } from '../../platform/db/inTransaction';
import type pg from 'pg';
import type { SessionUser } from '../../platform/auth/sessionRepository';
import type { Queryable } from '../../platform/db/queryable';
import { allowedNext, isAllowedTransition, type TenderState } from './tenderTransitions';
import { scheduleFaults, type FieldFault, type TenderSchedule } from './tenderChangeRules';

export interface CurrentTender extends TenderSchedule {
  site_id: string;
  status: TenderState;
  version: number;
  updated_at: string;
}

const TENDER_COLUMNS = `t.site_id, t.status, t.planned_year, to_char(t.opens_on, 'YYYY-MM-DD') AS opens_on,
  to_char(t.closes_on, 'YYYY-MM-DD') AS closes_on, t.notice_url, t.version,
  to_char(t.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at`;

/** The tender of a site, or null when the site has none. */
export async function getTender(db: Queryable, siteId: string): Promise<CurrentTender | null> {
  const { rows } = await db.query<CurrentTender>(`SELECT ${TENDER_COLUMNS} FROM tender t WHERE t.site_id = $1`, [
    siteId,
  ]);
  return rows[0] ?? null;
}

export interface TenderChange extends Partial<TenderSchedule> {
  siteId: string;
  to: TenderState;
  /** The version the user saw. */
  version: number;
  note: string | null;
  actor: SessionUser;
}

export type TenderChangeResult =
  | { kind: 'changed'; tender: CurrentTender }
  | { kind: 'not_found' }
  | { kind: 'stale'; currentVersion: number }
  | { kind: 'illegal'; from: TenderState; allowed: readonly TenderState[] }
  | { kind: 'invalid'; faults: FieldFault[] };

/**
 * Moves a tender to `to` and appends the event, in one transaction. The row is locked first, so of several
 * requests naming the same version exactly one passes the version check; the UPDATE repeats the check anyway.
 * Every other outcome rolls back and changes nothing.
 */
export async function changeTender(pool: Pick<pg.Pool, 'connect'>, change: TenderChange): Promise<TenderChangeResult> {
  return inTransaction(
    pool,
    (client) => changeInTransaction(client, change),
    (result) => result.kind === 'changed',
  );
}

async function changeInTransaction(client: pg.PoolClient, c: TenderChange): Promise<TenderChangeResult> {
  const { rows } = await client.query<CurrentTender & { id: number }>(
    `SELECT t.id, ${TENDER_COLUMNS} FROM tender t WHERE t.site_id = $1 FOR UPDATE`,
    [c.siteId],
  );
  const current = rows[0];
  if (!current) return { kind: 'not_found' };
  if (current.version !== c.version) return { kind: 'stale', currentVersion: current.version };
  if (!isAllowedTransition(current.status, c.to)) {
    return { kind: 'illegal', from: current.status, allowed: allowedNext(current.status) };
  }
  const merged: TenderSchedule = {
    planned_year: c.planned_year ?? current.planned_year,
    opens_on: c.opens_on ?? current.opens_on,
    closes_on: c.closes_on ?? current.closes_on,
    notice_url: c.notice_url ?? current.notice_url,
  };
  const faults = scheduleFaults(merged);
  if (faults.length > 0) return { kind: 'invalid', faults };

  const updated = await client.query<CurrentTender>(
    `UPDATE tender t SET status = $3, planned_year = $4, opens_on = $5, closes_on = $6, notice_url = $7,
            version = t.version + 1, updated_at = now()
      WHERE t.id = $1 AND t.version = $2
      RETURNING ${TENDER_COLUMNS}`,
    [current.id, c.version, c.to, merged.planned_year, merged.opens_on, merged.closes_on, merged.notice_url],
  );
  const tender = updated.rows[0];
  if (!tender) return { kind: 'stale', currentVersion: current.version };
  await client.query(
    `INSERT INTO tender_event (tender_id, actor, actor_role, actor_user_id, from_status, to_status, note,
                               planned_year, opens_on, closes_on, notice_url)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      current.id,
      c.actor.displayName,
      c.actor.role,
      c.actor.id,
      current.status,
      c.to,
      c.note,
      merged.planned_year,
      merged.opens_on,
      merged.closes_on,
      merged.notice_url,
    ],
  );
  return { kind: 'changed', tender };
}
