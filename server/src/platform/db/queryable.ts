import type pg from 'pg';

/** What a repository needs: a pool or a checked-out client. */
export type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

/** Orders "1.10" after "1.9": action numbers sort by their numeric parts. */
export const ACTION_ORDER_SQL = (column: string) =>
  `split_part(${column}, '.', 1)::int, split_part(${column}, '.', 2)::int`;
