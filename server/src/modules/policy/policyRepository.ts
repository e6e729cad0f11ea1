import type { Initiative, PolicyAction } from '@shared/schemas/policy';
import { ACTION_ORDER_SQL, type Queryable } from '../../platform/db/queryable';

/** The policy: initiatives in order, each with its actions, the sites that serve them and their extent. */
export async function getPolicy(db: Queryable): Promise<Initiative[]> {
  const initiatives = await db.query<Omit<Initiative, 'actions'>>(
    'SELECT number, title, goal FROM initiative ORDER BY number',
  );
  const actions = await db.query<PolicyAction & { initiative_number: number }>(
    `SELECT number, initiative_number, text, progress, sites,
            CASE WHEN ext IS NOT NULL THEN ARRAY[ST_XMin(ext), ST_YMin(ext), ST_XMax(ext), ST_YMax(ext)] END AS bbox
       FROM (SELECT a.number, a.initiative_number, a.text, a.progress,
                    coalesce(json_agg(json_build_object('id', s.id, 'layer', s.layer_id) ORDER BY s.id)
                               FILTER (WHERE s.id IS NOT NULL), '[]') AS sites,
                    ST_Extent(ST_Transform(s.geom, 4326)) AS ext
               FROM action a
               LEFT JOIN site_action sa ON sa.action_number = a.number
               LEFT JOIN site s ON s.id = sa.site_id
              GROUP BY a.number) per_action
      ORDER BY ${ACTION_ORDER_SQL('number')}`,
  );
  return initiatives.rows.map((i) => ({
    ...i,
    actions: actions.rows.filter((a) => a.initiative_number === i.number).map(({ initiative_number: _, ...a }) => a),
  }));
}
