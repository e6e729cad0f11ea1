import type { Initiative, PolicyAction } from '../schemas/policy';
import { ACTION_ORDER_SQL, type Queryable } from './queryable';

/** The policy: initiatives in order, each with its actions and the ids of the sites that serve them. */
export async function getPolicy(db: Queryable): Promise<Initiative[]> {
  const initiatives = await db.query<Omit<Initiative, 'actions'>>(
    'SELECT number, title, goal FROM initiative ORDER BY number',
  );
  const actions = await db.query<PolicyAction & { initiative_number: number }>(
    `SELECT a.number, a.initiative_number, a.text, a.progress,
            coalesce(array_agg(sa.site_id ORDER BY sa.site_id) FILTER (WHERE sa.site_id IS NOT NULL), '{}') AS site_ids
       FROM action a LEFT JOIN site_action sa ON sa.action_number = a.number
      GROUP BY a.number
      ORDER BY ${ACTION_ORDER_SQL('a.number')}`,
  );
  return initiatives.rows.map((i) => ({
    ...i,
    actions: actions.rows.filter((a) => a.initiative_number === i.number).map(({ initiative_number: _, ...a }) => a),
  }));
}
