/**
 * `npm run bench:scale` (issue #18): the same realistic mix, in one run on one machine, against
 *   A. one app instance on the primary;
 *   B. three instances behind nginx (ops/nginx/koege.conf), reads on a streaming replica (ops/replica/start.sh);
 *   C. the same with Varnish (ops/varnish/default.vcl) in front of the tiles;
 * with 1,000,000 synthetic parcels (`npm run synth`'s generator) and a planner saving a sketch every second.
 * Every configuration is up before any is measured; each gets the same warm-up pass, then they are measured in
 * rounds whose order alternates (A B C, then C B A, …), so that no configuration owes its figure to running first
 * on cold caches or last on warm ones. Then: the replica's lag while bulk writes run on the primary, and Varnish's hit path against bare Varnish
 * serving a static file of the same bytes. On a 2-core machine the absolute numbers do not scale: read the ratios.
 *
 * Needs DATABASE_URL (and DATABASE_OWNER_URL when the app's role owns nothing), wrk, nginx and varnish, and root
 * or the postgres OS user for the standby. Writes bench/results/scale-<time>.json and bench/results/scale.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EdgeStack, freePort } from '../tests/api/scale/edgeStack';
import { HotStandby } from '../tests/api/scale/hotStandby';
import { installWatchdog, PROJECT_ROOT } from './lib/childProcesses';
import { plannerSession, sketchWriter } from './lib/loadActors';
import { loadAverage, machineInfo } from './lib/machineInfo';
import { bulkWriter, lagSampler, scaleMix, wrk, type WrkResult } from './lib/scaleMix';
import { scaleMarkdown } from './lib/scaleMarkdown';
import { startStaticServer } from './lib/staticServer';
import { ensureSynthParcels } from './lib/synthLayer';
import { percentile, round } from './lib/stats';

const PARCELS = Number(process.env.SCALE_PARCELS ?? 1_000_000);
/** SCALE_SECONDS shortens every phase (a smoke run of the script itself); the recorded run uses the defaults. */
const SHORT = process.env.SCALE_SECONDS ? Number(process.env.SCALE_SECONDS) : null;
const LOAD = { connections: 32, durationS: SHORT ?? 20 };
const HIT = { connections: 32, durationS: SHORT ?? 10 };
const LAG_S = SHORT ?? 15;
/**
 * Unrecorded seconds of the same mix for each configuration before the first round (JIT, pools, PostgreSQL's and
 * the instances' caches, Varnish), and again before each measured run.
 */
const WARM_S = SHORT ? 1 : Number(process.env.SCALE_WARM_SECONDS ?? 20);
const REWARM_S = SHORT ? 1 : 5;
/** Measured rounds over the three configurations, the order reversed every other round (SCALE_ROUNDS). */
const ROUNDS = Number(process.env.SCALE_ROUNDS ?? 4);
const REPLICA_PORT = Number(process.env.REPLICA_PORT ?? 5440);

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('[scale] DATABASE_URL must name a PostgreSQL with PostGIS');
  process.exit(2);
}
const ownerUrl = process.env.DATABASE_OWNER_URL ?? databaseUrl;
installWatchdog(20 * 60_000, 'scale');
/** Other work on the machine before this run added its own processes. */
const loadAtStart = loadAverage();
const log = (m: string) => console.log(`[scale] ${m}`);

const dir = await mkdtemp(join(tmpdir(), 'koege-bench-scale-'));
const stack = new EdgeStack(dir);
let standby: HotStandby | null = null;
process.once('exit', () => {
  stack.killAllNow();
  if (standby) execFileSync(join(PROJECT_ROOT, 'ops/replica/stop.sh'), [String(REPLICA_PORT)], { stdio: 'ignore' });
});

type Measured = WrkResult & { writes: number };

/** Unrecorded load of the mix against `origin` for `seconds`. */
const warm = (name: string, origin: string, paths: string[], seconds: number) =>
  wrk(origin, paths, { connections: LOAD.connections, durationS: seconds, scriptFile: join(dir, `${name}-warm.lua`) });

/** The mix at LOAD against `origin` (after REWARM_S unrecorded), with a planner writing a sketch every second. */
async function measure(name: string, origin: string, paths: string[], around: Around = {}): Promise<Measured> {
  await warm(name, origin, paths, REWARM_S);
  around.before?.();
  const planner = await plannerSession(origin);
  const writer = sketchWriter(origin, planner, 10_000);
  const result = await wrk(origin, paths, { ...LOAD, scriptFile: join(dir, `${name}.lua`) });
  const { written, failures } = await writer.stop();
  around.after?.();
  if (failures.length) log(`${name}: ${failures.length} writes failed (${failures[0]})`);
  log(
    `${name}: ${result.reqPerS.toFixed(0)} req/s, p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms, ` +
      `${result.non2xx} non-2xx, ${result.socketErrors} socket errors, ${written} writes (load ${loadAverage()[0]})`,
  );
  return { ...result, writes: written };
}

interface Around {
  before?: () => void;
  after?: () => void;
}

/** The rounds' figures of one configuration, summed (requests, errors, writes) or averaged (rates, percentiles). */
function combined(runs: Measured[]): Measured {
  const mean = (pick: (r: Measured) => number) => runs.reduce((sum, r) => sum + pick(r), 0) / runs.length;
  const sum = (pick: (r: Measured) => number) => runs.reduce((total, r) => total + pick(r), 0);
  return {
    requests: sum((r) => r.requests),
    reqPerS: mean((r) => r.reqPerS),
    p50Ms: mean((r) => r.p50Ms),
    p99Ms: mean((r) => r.p99Ms),
    non2xx: sum((r) => r.non2xx),
    socketErrors: sum((r) => r.socketErrors),
    writes: sum((r) => r.writes),
  };
}

function varnishCounters(workDir: string): { hit: number; miss: number } {
  const json = JSON.parse(execFileSync('varnishstat', ['-n', workDir, '-1', '-j'], { encoding: 'utf8' })) as {
    counters?: Record<string, { value: number }>;
  } & Record<string, { value: number }>;
  const counters = json.counters ?? json;
  return { hit: counters['MAIN.cache_hit']?.value ?? 0, miss: counters['MAIN.cache_miss']?.value ?? 0 };
}

try {
  const env = { DATABASE_URL: databaseUrl, DATABASE_OWNER_URL: ownerUrl, TILE_CACHE_MB: '64' };
  log('A: one instance on the primary (it migrates and seeds an empty database)');
  const single = await stack.instance(env);
  const synth = await ensureSynthParcels({ connectionString: ownerUrl, parcels: PARCELS, log });
  await new Promise((r) => setTimeout(r, 1000)); // the instance re-reads layer versions within 2 × 250 ms
  const paths = await scaleMix(single.origin, synth.layerId);

  log(`standby on ${REPLICA_PORT} (pg_basebackup of the whole cluster)`);
  const backupStarted = performance.now();
  standby = await HotStandby.start(ownerUrl, REPLICA_PORT);
  const basebackupS = (performance.now() - backupStarted) / 1000;
  const ports = { front: await freePort(), internal: await freePort(), varnish: await freePort() };
  const replicated = {
    ...env,
    DATABASE_READ_URL: standby.route(databaseUrl),
    TILE_CACHE_BAN_URLS: `http://127.0.0.1:${ports.varnish}/`,
  };
  const instances: string[] = [];
  for (let i = 0; i < 3; i++) instances.push((await stack.instance(replicated)).origin);
  await stack.nginx(ports, instances);
  await stack.varnish(ports.varnish, ports.internal, 'http://none.invalid');
  const varnishDir = join(dir, 'varnish/work');
  const front = `http://127.0.0.1:${ports.front}`;
  // B is the instances through nginx's internal port, which has no Varnish in front; C is nginx's front port.
  const configurations = [
    { key: 'a', name: 'A', origin: single.origin },
    { key: 'b', name: 'B', origin: `http://127.0.0.1:${ports.internal}` },
    { key: 'c', name: 'C', origin: front },
  ] as const;

  log(`every configuration up; warm-up: ${WARM_S} s of the mix each`);
  for (const c of configurations) await warm(c.name, c.origin, paths, WARM_S);

  const runs: Record<'a' | 'b' | 'c', Measured[]> = { a: [], b: [], c: [] };
  const orders: string[] = [];
  let hits = 0;
  let misses = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? configurations : [...configurations].reverse();
    orders.push(order.map((c) => c.name).join(' '));
    log(`round ${round + 1}: ${orders.at(-1)}`);
    for (const c of order) {
      let before = { hit: 0, miss: 0 };
      const around: Around =
        c.key === 'c'
          ? {
              before: () => (before = varnishCounters(varnishDir)),
              after: () => {
                const after = varnishCounters(varnishDir);
                hits += after.hit - before.hit;
                misses += after.miss - before.miss;
              },
            }
          : {};
      runs[c.key].push(await measure(`${c.name}${round + 1}`, c.origin, paths, around));
    }
  }
  const a = combined(runs.a);
  const b = combined(runs.b);
  const c = combined(runs.c);
  const hitRatio = hits / Math.max(1, hits + misses);
  log(
    `A ${a.reqPerS.toFixed(0)}, B ${b.reqPerS.toFixed(0)}, C ${c.reqPerS.toFixed(0)} req/s (means of ${ROUNDS} rounds)`,
  );
  log(`C: Varnish hit ratio ${(hitRatio * 100).toFixed(1)} % (${hits} hits, ${misses} misses)`);
  await stack.stop(single.process);

  log(`replica lag: bulk writes on the primary for ${LAG_S} s under the C mix`);
  const sampler = lagSampler(ownerUrl, `koege-replica-${REPLICA_PORT}`);
  const writer = bulkWriter(ownerUrl, synth.layerId);
  const underWrites = await wrk(front, paths, {
    connections: LOAD.connections,
    durationS: LAG_S,
    scriptFile: join(dir, 'lag.lua'),
  });
  const rowsWritten = await writer.stop();
  const lag = await sampler.stop();
  const lagMs = lag.map((s) => s.ms);
  const lagFigures = {
    samples: lag.length,
    rowsPerS: round(rowsWritten / LAG_S, 0),
    p50Ms: round(percentile(lagMs, 50), 1),
    p99Ms: round(percentile(lagMs, 99), 1),
    maxMs: round(Math.max(0, ...lagMs), 1),
    maxBytes: Math.max(0, ...lag.map((s) => s.bytes)),
    readReqPerS: round(underWrites.reqPerS, 0),
    readP99Ms: round(underWrites.p99Ms, 1),
  };
  log(`lag: ${JSON.stringify(lagFigures)}`);

  log('hit path: one hot tile from Varnish, against bare Varnish serving a static file of the same bytes');
  const hot = paths.find((p) => p.startsWith('/tiles/sets/'))!;
  const bytes = Buffer.from(await (await fetch(`http://127.0.0.1:${ports.varnish}${hot}`)).arrayBuffer());
  const hitDirect = await wrk(`http://127.0.0.1:${ports.varnish}`, [hot], { ...HIT, scriptFile: join(dir, 'hit.lua') });
  const hitFront = await wrk(front, [hot], { ...HIT, scriptFile: join(dir, 'hit-front.lua') });
  await mkdir(join(dir, 'static'), { recursive: true });
  await writeFile(join(dir, 'static/tile.mvt'), bytes);
  // Varnish keeps the file for its default TTL (120 s): after the first request every one is a hit.
  const staticServer = await startStaticServer({ roots: { '/': join(dir, 'static') }, empty: new Set() });
  const barePort = await freePort();
  await writeFile(
    join(dir, 'bare.vcl'),
    `vcl 4.1;\nbackend static { .host = "127.0.0.1"; .port = "${new URL(staticServer.origin).port}"; }\n`,
  );
  const bare = stack.start('varnishd', [
    '-F',
    '-j',
    'none',
    '-n',
    join(dir, 'bare'),
    '-a',
    `127.0.0.1:${barePort}`,
    '-f',
    join(dir, 'bare.vcl'),
    '-s',
    'malloc,16m',
    '-p',
    'thread_pools=1',
  ]);
  await stack.waitFor(`http://127.0.0.1:${barePort}/tile.mvt`, bare, 60_000);
  const bareHit = await wrk(`http://127.0.0.1:${barePort}`, ['/tile.mvt'], {
    ...HIT,
    scriptFile: join(dir, 'bare.lua'),
  });
  await staticServer.close();
  log(
    `hit path ${hitDirect.reqPerS.toFixed(0)} req/s (through nginx ${hitFront.reqPerS.toFixed(0)}), bare ${bareHit.reqPerS.toFixed(0)}`,
  );

  const stamp = new Date().toISOString().replace(/[-:]/g, '').slice(0, 13) + 'Z';
  const results = {
    date: new Date().toISOString(),
    machine: machineInfo(),
    loadAverage: loadAverage(),
    loadAverageAtStart: loadAtStart,
    parcels: PARCELS,
    synth: synth.action,
    load: LOAD,
    hitDurationS: HIT.durationS,
    warmS: WARM_S,
    rewarmS: REWARM_S,
    rounds: orders,
    runs,
    basebackupS: round(basebackupS, 1),
    configurations: { a, b, c },
    varnish: { hits, misses, hitRatio: round(hitRatio, 3) },
    lag: lagFigures,
    hitPath: { varnish: hitDirect, throughNginx: hitFront, bareVarnishStatic: bareHit, tileBytes: bytes.length },
  };
  await writeFile(join(PROJECT_ROOT, `bench/results/scale-${stamp}.json`), `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(join(PROJECT_ROOT, 'bench/results/scale.md'), scaleMarkdown(results));
  log(`wrote bench/results/scale-${stamp}.json and bench/results/scale.md`);
} finally {
  await stack.stopAll();
  await standby?.stop();
  standby = null;
  await rm(dir, { recursive: true, force: true });
}
