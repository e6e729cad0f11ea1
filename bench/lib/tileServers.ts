import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { decodeMvt } from '../../server/src/modules/tiles/tileQueries';
import type { BareSqlCase } from '../bareSqlTileServer';
import type { BareTileIndexEntry } from '../bareTileServer';
import { freePort, startTs, waitForHttp, type Child } from './childProcesses';
import { httpGet, mapLimit } from './httpGet';
import { type TileCase, type TileLayerRow } from './tileCases';

// The servers bench:tiles measures against: the ceiling's check, bare node:http + pg (2'), bare node:http (4).

/** Every distinct tile from `server` (raw, no gzip): status and bytes; anything but 200/204 is a harness error. */
export async function fetchTiles(origin: string, paths: readonly string[]) {
  const tiles = new Map<string, { status: 200 | 204; body: Buffer; cache?: string }>();
  await mapLimit(paths, 4, async (path) => {
    const r = await httpGet(origin + path);
    if (r.status !== 200 && r.status !== 204)
      throw new Error(`GET ${path} answered ${r.status}: ${r.body.toString('utf8').slice(0, 200)}`);
    tiles.set(path, { status: r.status, body: r.body, cache: String(r.headers['x-tile-cache'] ?? '') });
  });
  return tiles;
}

/** Checks that the ceiling really runs the server's SQL: same bytes for every distinct tile. */
export async function compareWithCeiling(
  cases: readonly TileCase[],
  tiles: Map<string, { body: Buffer }>,
  sql: string,
  databaseUrl: string,
) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    for (const c of cases) {
      const { rows } = await db.query<{ mvt: string | null }>({ name: 'bench-tile', text: sql, values: c.params });
      const sqlBytes = decodeMvt(rows[0]);
      const served = tiles.get(c.path)!.body;
      if (!sqlBytes.equals(served)) {
        throw new Error(
          `the ceiling SQL and the server disagree on ${c.path} (${sqlBytes.length} vs ${served.length} bytes): ` +
            'the benchmark no longer runs the server’s tile query (server/src/modules/tiles/tileService.ts render()).',
        );
      }
    }
  } finally {
    await db.end();
  }
}

/** (2'): bare node:http + pg in front of the same SQL, for the paths of the tile list. */
export async function startBareSqlServer(
  dir: string,
  cases: readonly TileCase[],
  table: TileLayerRow['source_table'],
  databaseUrl: string,
) {
  const file = join(dir, 'cases.json');
  await writeFile(file, JSON.stringify(cases.map((c): BareSqlCase => ({ path: c.path, params: c.params }))));
  const port = await freePort();
  const child = startTs({
    script: 'bench/bareSqlTileServer.ts',
    args: [file, table, String(port), String(Number(process.env.PG_POOL_SIZE || 10))],
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitForHttp({ url: origin + cases[0]!.path, child, timeoutMs: 30_000 });
  return { ...child, origin };
}

/** (4): bare node:http serving the bytes the server sent, from one file. */
export async function startBareServer(
  dir: string,
  tiles: Map<string, { status: 200 | 204; body: Buffer }>,
): Promise<Child & { origin: string }> {
  const index: BareTileIndexEntry[] = [];
  const chunks: Buffer[] = [];
  let offset = 0;
  for (const [path, t] of tiles) {
    index.push({ path, status: t.status, offset, length: t.body.length });
    chunks.push(t.body);
    offset += t.body.length;
  }
  await writeFile(join(dir, 'index.json'), JSON.stringify(index));
  await writeFile(join(dir, 'tiles.bin'), Buffer.concat(chunks));
  const port = await freePort();
  const child = startTs({ script: 'bench/bareTileServer.ts', args: [dir, String(port)], env: process.env });
  const origin = `http://127.0.0.1:${port}`;
  const [first] = tiles.keys();
  await waitForHttp({ url: origin + first, child, timeoutMs: 30_000 });
  for (const [path, t] of [...tiles].slice(0, 20)) {
    const r = await httpGet(origin + path);
    if (r.status !== t.status || !r.body.equals(t.body)) throw new Error(`bare server: wrong answer for ${path}`);
  }
  return { ...child, origin };
}
