/**
 * The floor of the uncached-tile benchmark (not a target, a diagnostic): bare `node:http` with a `pg` pool of
 * the server's size, running the server's tile SQL (mvtSql, named statements, base64 decoded as the server
 * does) for the paths of the tile list, nothing else: no routing library, validation, headers or cache. What
 * it adds over the ceiling is what any Node server in front of the same SQL adds. Started by bench/tiles.ts:
 *   DATABASE_URL=… node --import tsx bench/bareSqlTileServer.ts <cases.json> <source table> <port> <pool size>
 * Prints "ready" once listening.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import pg from 'pg';
import { decodeMvt, mvtSql } from '../server/src/modules/tiles/tileQueries';
import type { TileLayer } from '../server/src/modules/tiles/layerRegistry';

export interface BareSqlCase {
  path: string;
  params: readonly unknown[];
}

const [casesFile, table, portText, poolText] = process.argv.slice(2);
if (!casesFile || (table !== 'site' && table !== 'parcel') || !portText || !poolText || !process.env.DATABASE_URL) {
  console.error('usage: DATABASE_URL=… bareSqlTileServer.ts <cases.json> <site|parcel> <port> <pool size>');
  process.exit(2);
}
const cases = new Map(
  (JSON.parse(readFileSync(casesFile, 'utf8')) as BareSqlCase[]).map((c) => [c.path, c.params] as const),
);
const sql = mvtSql(table as TileLayer['sourceTable']);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(poolText) });

const server = createServer((request, response) => {
  const params = cases.get(request.url ?? '');
  if (!params) {
    response.writeHead(404).end();
    return;
  }
  pool.query<{ mvt: string | null }>({ name: 'bare-tile', text: sql, values: [...params] }).then(
    ({ rows }) => {
      const body = decodeMvt(rows[0]);
      if (body.length === 0) {
        response.writeHead(204).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/vnd.mapbox-vector-tile', 'content-length': body.length });
      response.end(body);
    },
    (error: Error) => response.writeHead(500).end(error.message),
  );
});
server.keepAliveTimeout = 72_000; // as Fastify's default, so neither side reconnects during a run
server.listen(Number(portText), '127.0.0.1', () => console.log('ready'));
process.once('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
