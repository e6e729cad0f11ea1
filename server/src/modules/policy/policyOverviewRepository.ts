import type { ActionProgress } from '@shared/schemas/common';
import { ACTION_ORDER_SQL, type Queryable } from '../../platform/db/queryable';

export interface OverviewAction {
  number: string;
  progress: ActionProgress;
  progress_note: string | null;
  version: number;
  site_ids: string[];
}

export interface OverviewInitiative {
  number: number;
  title: string;
  counts: Record<ActionProgress, number>;
  site_ids: string[];
  actions: OverviewAction[];
}

/** The council's overview: per initiative, its actions by progress state and the sites serving them. */
export async function policyOverview(db: Queryable): Promise<OverviewInitiative[]> {
  const initiatives = await db.query<{ number: number; title: string }>(
    'SELECT number, title FROM initiative ORDER BY number',
  );
  const actions = await db.query<OverviewAction & { initiative_number: number }>(
    `SELECT a.number, a.initiative_number, a.progress, a.progress_note, a.version,
            coalesce(array_agg(sa.site_id ORDER BY sa.site_id) FILTER (WHERE sa.site_id IS NOT NULL), '{}') AS site_ids
       FROM action a LEFT JOIN site_action sa ON sa.action_number = a.number
      GROUP BY a.number
      ORDER BY ${ACTION_ORDER_SQL('a.number')}`,
  );
  return initiatives.rows.map((i) => {
    const own = actions.rows.filter((a) => a.initiative_number === i.number).map(({ initiative_number: _, ...a }) => a);
    const counts: Record<ActionProgress, number> = { not_started: 0, in_progress: 0, done: 0 };
    for (const a of own) counts[a.progress]++;
    return { ...i, counts, site_ids: [...new Set(own.flatMap((a) => a.site_ids))].sort(), actions: own };
  });
}
