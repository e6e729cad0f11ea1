import type { Queryable } from '../../platform/db/queryable';

export interface ChangeFeedEvent {
  kind: 'tender' | 'action';
  id: string;
  at: string;
  /** The site id of a tender change, the action number of a progress change. */
  subject_id: string;
  /** The site's name, or the action's text. */
  subject_name: string;
  from: string | null;
  to: string;
  note: string | null;
  actor_name: string;
  actor_role: 'planner' | 'admin' | null;
}

/** The newest tender and action-progress changes, newest first. */
export async function latestChanges(db: Queryable, limit: number): Promise<ChangeFeedEvent[]> {
  const { rows } = await db.query<ChangeFeedEvent & { sort_at?: unknown; sort_id?: unknown }>(
    `SELECT 'tender' AS kind, e.id::text AS id, e.at AS sort_at, e.id AS sort_id,
            to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at,
            s.id AS subject_id, s.name AS subject_name, e.from_status AS "from", e.to_status AS "to", e.note,
            e.actor AS actor_name, e.actor_role
       FROM tender_event e JOIN tender t ON t.id = e.tender_id JOIN site s ON s.id = t.site_id
     UNION ALL
     SELECT 'action', p.id::text, p.at, p.id, to_char(p.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
            a.number, a.text, p.from_progress, p.to_progress, p.note, p.actor, p.actor_role
       FROM action_progress_event p JOIN action a ON a.number = p.action_number
     ORDER BY sort_at DESC, kind, sort_id DESC
     LIMIT $1`,
    [limit],
  );
  return rows.map(({ sort_at: _, sort_id: __, ...e }) => e);
}
