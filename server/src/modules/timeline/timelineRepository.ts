import type { Queryable } from '../../platform/db/queryable';
import type { TenderState } from '../tenders';

const ISO_UTC = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** Most events one timeline answer carries; the query names its window, so a reader can narrow it. */
export const TIMELINE_EVENT_LIMIT = 2000;

export interface TimelineActor {
  /** Display name, never an e-mail address. */
  name: string;
  /** Null for events from before accounts existed (the seed's history). */
  role: 'planner' | 'admin' | null;
}

export interface TimelineEvent {
  kind: 'tender' | 'action';
  id: string;
  at: string;
  site_id: string | null;
  site_name: string | null;
  action_number: string | null;
  from: string | null;
  to: string;
  note: string | null;
  actor: TimelineActor;
}

export interface TimelinePlot {
  site_id: string;
  site_name: string;
  layer: string;
  status: TenderState;
  /** The plan: the year and the dates as currently scheduled. */
  planned: { year: number | null; opens_on: string | null; closes_on: string | null };
  /** The reality: when the tender last reached each state (absent: never). */
  reached: Partial<Record<TenderState, string>>;
}

/** The plots (or the one site) with their planned schedule and the dates each state was actually reached. */
export async function timelinePlots(db: Queryable, siteId: string | null): Promise<TimelinePlot[]> {
  const { rows } = await db.query<TimelinePlot>(
    `SELECT s.id AS site_id, s.name AS site_name, s.layer_id AS layer, t.status,
            json_build_object('year', t.planned_year, 'opens_on', to_char(t.opens_on, 'YYYY-MM-DD'),
                              'closes_on', to_char(t.closes_on, 'YYYY-MM-DD')) AS planned,
            coalesce((SELECT json_object_agg(r.to_status, r.at)
                        FROM (SELECT e.to_status, ${ISO_UTC('max(e.at)')} AS at
                                FROM tender_event e WHERE e.tender_id = t.id GROUP BY e.to_status) r),
                     '{}'::json) AS reached
       FROM site s JOIN tender t ON t.site_id = s.id
      WHERE ($1::text IS NULL AND s.kind = 'plot') OR s.id = $1
      ORDER BY s.id`,
    [siteId],
  );
  return rows;
}

/**
 * Tender events of the plots (or the site) and progress events of the actions (or those the site serves),
 * from `from` to `to` inclusive (ISO dates), oldest first.
 */
export async function timelineEvents(
  db: Queryable,
  q: { siteId: string | null; from: string; to: string },
): Promise<TimelineEvent[]> {
  const { rows } = await db.query<TimelineEvent>(
    `SELECT * FROM (
       SELECT 'tender' AS kind, e.id::text AS id, e.at AS sort_at, e.id AS sort_id, ${ISO_UTC('e.at')} AS at,
              s.id AS site_id, s.name AS site_name, NULL::text AS action_number,
              e.from_status AS "from", e.to_status AS "to", e.note,
              json_build_object('name', e.actor, 'role', e.actor_role) AS actor
         FROM tender_event e JOIN tender t ON t.id = e.tender_id JOIN site s ON s.id = t.site_id
        WHERE e.at >= $2::date AND e.at < $3::date + 1
          AND (($1::text IS NULL AND s.kind = 'plot') OR s.id = $1)
       UNION ALL
       SELECT 'action', p.id::text, p.at, p.id, ${ISO_UTC('p.at')}, NULL, NULL, p.action_number,
              p.from_progress, p.to_progress, p.note, json_build_object('name', p.actor, 'role', p.actor_role)
         FROM action_progress_event p
        WHERE p.at >= $2::date AND p.at < $3::date + 1
          AND ($1::text IS NULL OR EXISTS (
                SELECT 1 FROM site_action sa WHERE sa.action_number = p.action_number AND sa.site_id = $1))
     ) ev
     ORDER BY sort_at, kind, sort_id
     LIMIT $4`,
    [q.siteId, q.from, q.to, TIMELINE_EVENT_LIMIT],
  );
  return rows.map(({ sort_at: _, sort_id: __, ...e }: TimelineEvent & { sort_at?: unknown; sort_id?: unknown }) => e);
}

/** True when a site with that id exists. */
export async function siteExists(db: Queryable, siteId: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM site WHERE id = $1', [siteId])).rows.length > 0;
}
