/**
 * `npm run bench:tiles`: tile throughput on real PostGIS against the limits measured in the same run
 * (issue #3, DESIGN.md "Measuring performance"). For each parcel count × connection count it measures
 *   (1) ceiling: the server's own tile SQL (mvtSql) straight on the database, pg prepared statements,
 *       one client per connection, looping for the duration;
 *   (2) our server with the tile cache off (TILE_CACHE_MB=0);
 *   (3) our server with a warm cache (every tile requested once before);
 *   (4) bare node:http serving the same tile bytes from memory,
 * all with the same deterministic random tile list, then checks the ratios against the issue's targets.
 * Missed targets are reported, not fatal (a measurement, not a test); harness failures exit 1.
 *
 *   DATABASE_URL=postgres://… npm run bench:tiles -- --parcels 100000,1000000 --duration 10 --connections 10,50
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { mvtSql } from '../server/src/modules/tiles/tileQueries';
import { installWatchdog, PROJECT_ROOT, startAppServer, type Child } from './lib/childProcesses';
import { httpGet } from './lib/httpGet';
import { runHttpLoad, runSqlLoad } from './lib/loadRuns';
import { loadAverage, machineInfo } from './lib/machineInfo';
import { readCpuMs, RssSampler } from './lib/RssSampler';
import { round } from './lib/stats';
import { currentSynthCount, ensureSynthParcels } from './lib/synthLayer';
import {
  LIMITS,
  MODE_LABELS,
  MODES,
  type DatasetRecord,
  type RunRecord,
  type TilesOptions,
  type TilesResult,
} from './lib/tileBenchTypes';
import { BANDS, pickTileCases, type TileCase, type TileLayerRow } from './lib/tileCases';
import { compareWithCeiling, fetchTiles, startBareServer, startBareSqlServer } from './lib/tileServers';
import { tilesMarkdown } from './lib/tilesMarkdown';
import { evaluateTargets } from './lib/tileTargets';

const NAME = 'bench:tiles';
const log = (message: string) => console.log(`[${NAME}] ${message}`);

function usage(message: string): never {
  console.error(`[${NAME}] ${message}`);
  console.error(
    'usage: DATABASE_URL=postgres://… npm run bench:tiles -- [--parcels 100000,1000000] [--duration 10] ' +
      '[--connections 10,50] [--warmup 2] [--tiles 600] [--seed 3] [--max-minutes 45] [--layer <existing layer id>]',
  );
  process.exit(2);
}

function numberList(text: string, name: string): number[] {
  const values = text.split(',').map((v) => Number(v.trim()));
  if (values.length === 0 || values.some((v) => !Number.isInteger(v) || v <= 0))
    usage(`--${name} must be positive integers, comma-separated`);
  return values;
}

function positive(text: string, name: string): number {
  const v = Number(text);
  if (!Number.isFinite(v) || v <= 0) usage(`--${name} must be a positive number`);
  return v;
}

const { values: args } = parseArgs({
  options: {
    parcels: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10,50' },
    warmup: { type: 'string', default: '2' },
    tiles: { type: 'string', default: '600' },
    seed: { type: 'string', default: '3' },
    'max-minutes': { type: 'string', default: '45' },
    layer: { type: 'string' },
  },
  strict: true,
});
const options: TilesOptions = {
  parcels: numberList(args.parcels!, 'parcels'),
  durationS: positive(args.duration!, 'duration'),
  connections: numberList(args.connections!, 'connections'),
  warmupS: Number(args.warmup) >= 0 ? Number(args.warmup) : usage('--warmup must be 0 or more seconds'),
  tiles: Math.round(positive(args.tiles!, 'tiles')),
  seed: Math.round(positive(args.seed!, 'seed')),
  maxMinutes: positive(args['max-minutes']!, 'max-minutes'),
  layer: args.layer ?? null,
};

const databaseUrl: string =
  process.env.DATABASE_URL ||
  usage(
    'needs a real PostgreSQL with PostGIS: set DATABASE_URL. The embedded engine (PGlite) is one session ' +
      'without ST_AsMVT, so it has neither the ceiling nor the concurrency this benchmark measures.',
  );

const elapsed = (t0: number) => round((performance.now() - t0) / 1000, 1)!;

async function checkDatabase(db: pg.Client) {
  try {
    await db.query("SELECT ST_AsMVT(q, 'probe') FROM (SELECT ST_Point(0, 0, 3857) AS geom) q");
  } catch (err) {
    usage(`DATABASE_URL has no working ST_AsMVT (${(err as Error).message}); the ceiling needs PostGIS with protobuf.`);
  }
  const { rows } = await db.query<{
    server_version: string;
    postgis: string;
    geos: string;
    max_conn: number;
    used: number;
  }>(
    `SELECT current_setting('server_version') AS server_version, postgis_lib_version() AS postgis,
            postgis_geos_version() AS geos, current_setting('max_connections')::int AS max_conn,
            (SELECT count(*)::int FROM pg_stat_activity) AS used`,
  );
  const r = rows[0]!;
  // The ceiling's clients plus two server pools (PG_POOL_SIZE, default 10) must fit next to everyone else's.
  const pool = Number(process.env.PG_POOL_SIZE || 10);
  const needed = Math.max(...options.connections) + 2 * pool + 2;
  if (r.max_conn - r.used < needed) {
    throw new Error(
      `the database has ${r.max_conn - r.used} free connections (max_connections ${r.max_conn}), the benchmark needs ${needed}`,
    );
  }
  return {
    postgresql: r.server_version,
    postgis: r.postgis,
    geos: r.geos,
    maxConnections: r.max_conn,
    serverPoolSize: pool,
  };
}

/** `parcels`: the synthetic layer with that many parcels; or an existing layer as it is (`--layer`). */
async function benchDataset(target: { parcels: number } | { layer: string }): Promise<DatasetRecord> {
  const t0 = performance.now();
  const synth =
    'parcels' in target
      ? await ensureSynthParcels({ connectionString: databaseUrl!, parcels: target.parcels, log })
      : { action: 'existing' as const, layerId: target.layer };
  const synthSeconds = synth.action === 'generated' ? elapsed(t0) : null;
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  let cases: TileCase[];
  let zoomRange: [number, number];
  let layer: TileLayerRow;
  let parcels: number;
  try {
    const { rows } = await db.query<TileLayerRow>(
      'SELECT id, source_table, min_zoom, max_zoom, tile_feature_cap, version FROM layer WHERE id = $1',
      [synth.layerId],
    );
    if (!rows[0]) throw new Error(`layer ${synth.layerId} is missing after the synthetic data was written`);
    layer = rows[0];
    ({
      cases,
      zoomRange,
      features: parcels,
    } = await pickTileCases({ db, layer, count: options.tiles, seed: options.seed }));
  } finally {
    await db.end();
  }
  log(`— layer ${layer.id}: ${parcels.toLocaleString('en')} features —`);
  const sql = mvtSql(layer.source_table);
  const distinctCases = [...new Map(cases.map((c) => [c.path, c])).values()];
  log(
    `${cases.length} tile requests, ${distinctCases.length} distinct, z${zoomRange[0]}–${zoomRange[1]} (layer ${layer.id}, min_zoom ${layer.min_zoom}, cap ${layer.tile_feature_cap})`,
  );

  const servers: Child[] = [];
  const tmp = await mkdtemp(join(tmpdir(), 'koege-bench-tiles-'));
  try {
    const env = { DATABASE_URL: databaseUrl!, TILE_ENCODER: 'postgis' };
    const serverOff = await startAppServer({ env: { ...env, TILE_CACHE_MB: '0' } });
    servers.push(serverOff);
    // RSS over each server's whole life (warming included), besides the maximum during each run.
    const lifetimeRss = { off: new RssSampler(serverOff.pid).start(), warm: null as RssSampler | null };
    const tiles = await fetchTiles(
      serverOff.origin,
      distinctCases.map((c) => c.path),
    );
    await compareWithCeiling(distinctCases, tiles, sql, databaseUrl);
    log('the ceiling SQL returns the same bytes as the server for every tile');

    const totalBytes = [...tiles.values()].reduce((s, t) => s + t.body.length, 0);
    // Room for every distinct tile (the server's default is 64 MB), so that "warm" means all hits.
    const serverCacheMb = Math.max(64, Math.ceil((totalBytes * 1.25) / 2 ** 20) + 8);
    const serverWarm = await startAppServer({ env: { ...env, TILE_CACHE_MB: String(serverCacheMb) } });
    servers.push(serverWarm);
    lifetimeRss.warm = new RssSampler(serverWarm.pid).start();
    await fetchTiles(
      serverWarm.origin,
      distinctCases.map((c) => c.path),
    );
    const second = await fetchTiles(
      serverWarm.origin,
      distinctCases.map((c) => c.path),
    );
    const misses = [...second.values()].filter((t) => t.cache !== 'hit').length;
    if (misses > 0) log(`warning: ${misses} of ${second.size} tiles were not cache hits after warming`);

    const bare = await startBareServer(tmp, tiles);
    servers.push(bare);
    const bareSql = await startBareSqlServer(tmp, distinctCases, layer.source_table, databaseUrl);
    servers.push(bareSql);
    for (const c of distinctCases.slice(0, 20)) {
      const r = await httpGet(bareSql.origin + c.path);
      if (!r.body.equals(tiles.get(c.path)!.body)) throw new Error(`bare SQL server: wrong answer for ${c.path}`);
    }

    const sizeOf = (path: string) => tiles.get(path)?.body.length ?? Number.NaN;
    const runs: RunRecord[] = [];
    for (const connections of options.connections) {
      for (const mode of MODES) {
        const run = async (durationS: number) =>
          mode === 'ceiling' || mode === 'ceiling-unnamed'
            ? runSqlLoad({
                connectionString: databaseUrl!,
                sql,
                cases,
                connections,
                durationS,
                prepared: mode === 'ceiling',
              })
            : runHttpLoad({
                origin: {
                  'bare-node-pg': bareSql,
                  'server-cache-off': serverOff,
                  'server-cache-warm': serverWarm,
                  'bare-node-http': bare,
                }[mode].origin,
                cases,
                connections,
                durationS,
                sizeOf,
              });
        if (options.warmupS > 0) await run(options.warmupS);
        const pid = {
          ceiling: null,
          'ceiling-unnamed': null,
          'bare-node-pg': bareSql.pid,
          'server-cache-off': serverOff.pid,
          'server-cache-warm': serverWarm.pid,
          'bare-node-http': bare.pid,
        }[mode];
        const rss = pid === null ? null : new RssSampler(pid).start();
        const loadavgStart = loadAverage();
        const cpuStart = { server: pid === null ? Number.NaN : readCpuMs(pid), bench: process.cpuUsage() };
        const result = await run(options.durationS);
        const benchCpu = process.cpuUsage(cpuStart.bench);
        const perRequest = (ms: number) => (result.requests > 0 ? round(ms / result.requests, 3) : null);
        const record: RunRecord = {
          mode,
          connections,
          ...result,
          rssMaxMiB: rss ? round(rss.stop(), 1) : null,
          cpuMsPerRequest: {
            server: pid === null ? null : perRequest(readCpuMs(pid) - cpuStart.server),
            loadGenerator: perRequest((benchCpu.user + benchCpu.system) / 1000),
          },
          loadavgStart,
          loadavgEnd: loadAverage(),
        };
        runs.push(record);
        log(
          `${parcels} parcels, ${String(connections).padStart(3)} conns, ${MODE_LABELS[mode].padEnd(32)} ` +
            `${String(record.reqPerSec).padStart(8)} req/s  p50 ${record.p50} ms  p99 ${record.p99} ms  ` +
            `errors ${record.errors + record.non2xx}${record.rssMaxMiB !== null ? `  RSS ${record.rssMaxMiB} MiB` : ''}` +
            `  load ${loadavgStart[0]}→${record.loadavgEnd[0]}`,
        );
      }
    }

    const serverRssMaxMiB = {
      cacheOff: round(lifetimeRss.off.stop(), 1),
      cacheWarm: round(lifetimeRss.warm.stop(), 1),
    };
    const sizes = distinctCases.map((c) => ({ path: c.path, z: c.z, bytes: tiles.get(c.path)!.body.length }));
    const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    const z14 = sizes.filter((s) => s.z === 14);
    const z14Largest = z14.length ? z14.reduce((a, b) => (b.bytes > a.bytes ? b : a)) : null;
    const perRequest = cases.map((c) => sizeOf(c.path));
    const tileBytes: DatasetRecord['tileBytes'] = {
      max: largest.bytes,
      maxPath: largest.path,
      z14Max: z14Largest?.bytes ?? null,
      z14MaxPath: z14Largest?.path ?? null,
      meanPerRequest: round(perRequest.reduce((a, b) => a + b, 0) / perRequest.length, 0),
      meanByBand: Object.fromEntries(
        BANDS.map((band) => {
          const inBand = cases.filter((c) => c.band === band).map((c) => sizeOf(c.path));
          return [band, inBand.length ? round(inBand.reduce((a, b) => a + b, 0) / inBand.length, 0) : null];
        }),
      ),
    };
    return {
      parcels,
      layer: layer.id,
      synth: { action: synth.action, seconds: synthSeconds },
      tileSet: {
        requests: cases.length,
        distinct: distinctCases.length,
        zoomRange,
        byBand: Object.fromEntries(
          BANDS.map((band) => [
            band,
            {
              requests: cases.filter((c) => c.band === band).length,
              distinct: distinctCases.filter((c) => c.band === band).length,
            },
          ]),
        ),
        emptyDistinct: [...tiles.values()].filter((t) => t.status === 204).length,
      },
      tileBytes,
      serverCacheMb,
      serverRssMaxMiB,
      runs,
      targets: evaluateTargets(parcels, runs, tileBytes, serverRssMaxMiB, options.connections),
    };
  } finally {
    for (const server of servers) await server.stop();
    await rm(tmp, { recursive: true, force: true });
  }
}

async function main() {
  installWatchdog(options.maxMinutes * 60_000, NAME);
  const started = new Date();
  const loadavgStart = loadAverage();
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const database = await checkDatabase(db).finally(() => db.end());
  const machine = machineInfo();
  log(
    `${machine.nproc} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, PostgreSQL ${database.postgresql}, PostGIS ${database.postgis}`,
  );
  log(`load average at start: ${loadavgStart.join(' ')}`);

  const datasets: DatasetRecord[] = [];
  if (options.layer) {
    datasets.push(await benchDataset({ layer: options.layer }));
  } else {
    // Start with the count the database already holds, if asked for: one synthetic load fewer.
    const current = await currentSynthCount(databaseUrl!);
    const order = [...options.parcels].sort((a, b) => Number(b === current) - Number(a === current));
    for (const parcels of order) datasets.push(await benchDataset({ parcels }));
    datasets.sort((a, b) => options.parcels.indexOf(a.parcels) - options.parcels.indexOf(b.parcels));
  }

  const result: TilesResult = {
    benchmark: 'tiles',
    issue: 3,
    date: started.toISOString(),
    finished: new Date().toISOString(),
    machine,
    database: { ...database, url: databaseUrl!.replace(/\/\/[^@/]*@/, '//…@') },
    options,
    limits: LIMITS,
    loadavgStart,
    loadavgEnd: loadAverage(),
    datasets,
  };
  const stamp = started.toISOString().slice(0, 16).replace(':', '').replace(/$/, 'Z');
  const jsonFile = join(PROJECT_ROOT, 'bench/results', `tiles-${stamp}.json`);
  await writeFile(jsonFile, `${JSON.stringify(result, null, 2)}\n`);
  await writeFile(join(PROJECT_ROOT, 'bench/results/tiles.md'), tilesMarkdown(result, `tiles-${stamp}.json`));
  console.log('');
  for (const d of datasets) {
    for (const t of d.targets) {
      console.log(
        `${t.pass ? 'PASS' : 'FAIL'}  ${d.parcels} parcels${t.connections ? `, ${t.connections} conns` : ''}: ${t.target}: ${t.measured}`,
      );
    }
  }
  log(`wrote ${jsonFile} and bench/results/tiles.md`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`[${NAME}] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
