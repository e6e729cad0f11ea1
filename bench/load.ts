/**
 * `npm run test:load` (issue #8): a mixed load on loopback against our server on real PostgreSQL, then the same
 * server while PostgreSQL restarts.
 *
 * 1. Mixed load: tiles, feature lists, site details, the public timeline and the policy at 50 connections for
 *    60 s (autocannon, no pipelining), while a planner saves a sketch every second. Targets: zero errors, p99
 *    reported, RSS growth between the first and the last 10 s at most 20 %.
 * 1b. Worst case (issue #19): the cheap routes (tiles, lists, readiness) alone at 20 connections for 20 s, then
 *    the same with every tenth request an expensive one (constraint checks of the largest polygon a visitor may send, the
 *    review's stars, OGC bbox queries, exports, new flood levels), per-client limits lifted as for an attacker
 *    with many addresses. Targets: the cheap routes' p99 rises at most 2×, with zero errors on them.
 * 2. Restart: a lighter load goes on while PostgreSQL is stopped for a few seconds and started again. Targets:
 *    every answer is 2xx or 503 with Retry-After (never another 5xx, never a request over 5 s), readiness says
 *    "not ready" while it is gone, and the server serves again within 5 s of the database returning, with no
 *    restart of its own.
 *
 * Needs DATABASE_URL (PostgreSQL with PostGIS) and, for phase 2, a way to stop and start it: LOAD_PG_STOP and
 * LOAD_PG_START (shell commands), by default `pg_ctlcluster <newest> main stop|start`. Phase 2 stops the whole
 * cluster: run it where nothing else needs that PostgreSQL for half a minute.
 */
import autocannon from 'autocannon';
import { execSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { installWatchdog, PROJECT_ROOT, startAppServer, type AppServer } from './lib/childProcesses';
import { plannerSession, rssSeries, sketchWriter } from './lib/loadActors';
import { machineInfo } from './lib/machineInfo';
import { prng } from './lib/prng';
import { readRssMiB } from './lib/RssSampler';
import { mean, percentile, round } from './lib/stats';
import { expensiveRequests, mixIn, runTaggedLoad, type TagFigures, type TaggedRequest } from './lib/worstCaseMix';

const MIXED = { connections: 50, durationS: 60 };
const RESTART = { connections: 10, durationS: 30, stopAtS: 8, downS: 4 };
const WORST = { connections: 20, durationS: 20, everyNth: 10, maxP99Ratio: 2 };
const LIMITS = { memoryGrowth: 0.2, recoveryMs: 5000, slowMs: 5000 };

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('[load] DATABASE_URL must name a PostgreSQL with PostGIS (the load test runs on the real engine)');
  process.exit(2);
}
installWatchdog(10 * 60_000, 'load');

const newestCluster = () =>
  readdirSync('/etc/postgresql')
    .sort((a, b) => Number(a) - Number(b))
    .at(-1);
const stopCommand = process.env.LOAD_PG_STOP ?? `pg_ctlcluster ${newestCluster()} main stop -m fast`;
const startCommand = process.env.LOAD_PG_START ?? `pg_ctlcluster ${newestCluster()} main start`;

/** Køge: the area the tile requests sample (EPSG:4326). */
const AREA = { west: 12.0, south: 55.38, east: 12.3, north: 55.55 };

function tilePath(layer: string, z: number, lon: number, lat: number): string {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return `/tiles/${layer}/${z}/${x}/${y}.mvt`;
}

/** The read mix: one list of paths every connection cycles through. */
async function readMix(origin: string): Promise<string[]> {
  const { layers } = (await (await fetch(`${origin}/api/layers`)).json()) as {
    layers: { id: string; geometry_type: string }[];
  };
  const polygons = layers.filter((l) => l.geometry_type !== 'point').map((l) => l.id);
  const plots = (await (await fetch(`${origin}/api/layers/koege-nord-plots/features`)).json()) as {
    features: { properties: { id: string } }[];
  };
  const siteIds = plots.features.map((f) => f.properties.id);
  const random = prng(8);
  const paths: string[] = [];
  for (let i = 0; i < 400; i++) {
    const kind = i % 10;
    if (kind < 5) {
      const layer = polygons[Math.floor(random() * polygons.length)]!;
      const z = 10 + Math.floor(random() * 7);
      const lon = AREA.west + random() * (AREA.east - AREA.west);
      const lat = AREA.south + random() * (AREA.north - AREA.south);
      paths.push(tilePath(layer, z, lon, lat));
    } else if (kind < 7) {
      paths.push(`/api/layers/${polygons[i % polygons.length]}/features`);
    } else if (kind === 7) {
      paths.push(`/api/sites/${siteIds[i % siteIds.length]}`);
    } else if (kind === 8) {
      paths.push(i % 20 === 8 ? '/api/timeline' : `/api/timeline?site=${siteIds[i % siteIds.length]}`);
    } else {
      paths.push(i % 20 === 9 ? '/api/policy' : '/api/plots?min_area=10000');
    }
  }
  return paths;
}

interface LoadCounts {
  requests: number;
  statuses: Record<string, number>;
  socketErrors: number;
  timeouts: number;
  p50: number;
  p99: number;
  max: number;
  reqPerS: number;
}

async function runLoad(origin: string, paths: string[], connections: number, durationS: number): Promise<LoadCounts> {
  let next = 0;
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  const instance = autocannon({
    url: origin,
    connections,
    duration: durationS,
    pipelining: 1,
    timeout: LIMITS.slowMs / 1000,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    latencies.push(responseTime);
  });
  const result = await instance;
  return {
    requests: latencies.length,
    statuses,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    p50: round(percentile(latencies, 50), 1) ?? Number.NaN,
    p99: round(percentile(latencies, 99), 1) ?? Number.NaN,
    max: round(Math.max(...latencies), 1) ?? Number.NaN,
    reqPerS: latencies.length / result.duration,
  };
}

/** Probes one uncached, database-backed route and readiness every 100 ms; keeps every answer with its time. */
function outageProbe(origin: string) {
  const answers: { t: number; url: string; status: number; retryAfter: string | null; ms: number }[] = [];
  let running = true;
  const start = performance.now();
  const loop = (async () => {
    while (running) {
      for (const url of ['/api/policy/overview', '/api/health/ready']) {
        const sent = performance.now();
        let status = 0;
        let retryAfter: string | null = null;
        try {
          const response = await fetch(`${origin}${url}`, { signal: AbortSignal.timeout(LIMITS.slowMs + 1000) });
          await response.arrayBuffer();
          status = response.status;
          retryAfter = response.headers.get('retry-after');
        } catch {
          status = -1;
        }
        answers.push({ t: sent - start, url, status, retryAfter, ms: performance.now() - sent });
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    start,
    async stop() {
      running = false;
      await loop;
      return answers;
    },
  };
}

/** One line of phase 1b's table. */
const tagRow = (name: string, f: TagFigures) =>
  `| ${name} | ${f.requests} | ${Object.entries(f.statuses)
    .map(([c, n]) => `${n} × ${c}`)
    .join(', ')} | ${f.p50} ms | ${f.p99} ms |`;

function waitForPostgres(timeoutMs: number): number {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    try {
      execSync('pg_isready -q -h 127.0.0.1 -p 5432', { stdio: 'ignore' });
      return performance.now();
    } catch {
      execSync('sleep 0.05');
    }
  }
  throw new Error('PostgreSQL did not come back');
}

async function main() {
  // Per-client limits lifted: phase 1b stands for an attacker with many addresses, whom only the budgets stop.
  const server: AppServer = await startAppServer({
    env: { DATABASE_URL: databaseUrl!, LOG_LEVEL: 'error', WRITE_RATE_LIMIT: '100000', EXPENSIVE_RATE_LIMIT: '100000' },
  });
  const checks: { name: string; pass: boolean; detail: string }[] = [];
  const check = (name: string, pass: boolean, detail: string) => {
    checks.push({ name, pass, detail });
    console.log(`${pass ? 'PASS' : 'FAIL'}  ${name}: ${detail}`);
  };
  try {
    const paths = await readMix(server.origin);
    const planner = await plannerSession(server.origin);

    // Warm-up, so the first 10 s of the measured run compare a running server with itself.
    await runLoad(server.origin, paths, 10, 5);

    console.log(`[load] phase 1: ${MIXED.connections} connections for ${MIXED.durationS} s + a planner writing`);
    const rss = rssSeries(server.pid);
    const writer = sketchWriter(server.origin, planner, LIMITS.slowMs);
    const mixed = await runLoad(server.origin, paths, MIXED.connections, MIXED.durationS);
    const writes = await writer.stop();
    const series = rss.stop();
    const first = mean(series.filter((s) => s.t <= 10).map((s) => s.mib));
    const last = mean(series.filter((s) => s.t > MIXED.durationS - 10).map((s) => s.mib));
    const growth = last / first - 1;
    const bad = Object.entries(mixed.statuses).filter(([code]) => !/^2\d\d$/.test(code));
    check(
      'mixed load without errors',
      bad.length === 0 && mixed.socketErrors === 0 && writes.failures.length === 0,
      `${mixed.requests} reads (${Object.entries(mixed.statuses)
        .map(([c, n]) => `${n} × ${c}`)
        .join(
          ', ',
        )}), ${mixed.socketErrors} socket errors, ${writes.written} sketches saved, ${writes.failures.length} failed writes`,
    );
    check(
      'memory',
      growth <= LIMITS.memoryGrowth,
      `RSS ${first.toFixed(0)} MiB in the first 10 s, ${last.toFixed(0)} MiB in the last 10 s (${(growth * 100).toFixed(1)} %, limit ${LIMITS.memoryGrowth * 100} %); max ${Math.max(...series.map((s) => s.mib)).toFixed(0)} MiB`,
    );
    console.log(
      `[load] ${mixed.reqPerS.toFixed(0)} req/s, p50 ${mixed.p50} ms, p99 ${mixed.p99} ms, max ${mixed.max} ms`,
    );

    console.log(
      `[load] phase 1b: cheap routes alone, then with every ${WORST.everyNth}th request expensive (${WORST.connections} connections, ${WORST.durationS} s each)`,
    );
    const cheapItems: TaggedRequest[] = paths
      .filter((path) => path.startsWith('/tiles/') || path.startsWith('/api/layers/') || path.startsWith('/api/plots'))
      .map((path, i) => ({ tag: 'cheap', method: 'GET', path: i % 10 === 0 ? '/api/health/ready' : path }));
    const alone = await runTaggedLoad(server.origin, cheapItems, WORST.connections, WORST.durationS, LIMITS.slowMs);
    const mixedItems = mixIn(cheapItems, expensiveRequests(60), WORST.everyNth);
    const worst = await runTaggedLoad(server.origin, mixedItems, WORST.connections, WORST.durationS, LIMITS.slowMs);
    const cheapBad = Object.entries(worst.cheap.statuses).filter(([code]) => !/^2\d\d$/.test(code));
    const ratio = worst.cheap.p99 / alone.cheap.p99;
    const summary = (f: TagFigures) =>
      `${f.requests} requests (${Object.entries(f.statuses)
        .map(([c, n]) => `${n} × ${c}`)
        .join(', ')}; ${f.errors} failed), p50 ${f.p50} ms, p99 ${f.p99} ms`;
    check(
      'worst-case mix: cheap routes without errors',
      cheapBad.length === 0 && worst.cheap.errors === 0,
      `cheap alone: ${summary(alone.cheap)}; with the mix: ${summary(worst.cheap)}`,
    );
    check(
      `worst-case mix: cheap p99 at most ${WORST.maxP99Ratio}×`,
      ratio <= WORST.maxP99Ratio,
      `p99 ${alone.cheap.p99} ms alone, ${worst.cheap.p99} ms with the mix (${ratio.toFixed(2)}×); expensive: ${summary(worst.expensive)}`,
    );

    console.log(`[load] phase 2: PostgreSQL stops at ${RESTART.stopAtS} s for ${RESTART.downS} s under load`);
    const probe = outageProbe(server.origin);
    const background = runLoad(server.origin, paths, RESTART.connections, RESTART.durationS);
    await new Promise((r) => setTimeout(r, RESTART.stopAtS * 1000));
    execSync(stopCommand, { stdio: 'inherit' });
    const stoppedAt = performance.now() - probe.start;
    await new Promise((r) => setTimeout(r, RESTART.downS * 1000));
    execSync(startCommand, { stdio: 'inherit' });
    const backAt = waitForPostgres(60_000) - probe.start;
    const restartLoad = await background;
    const answers = await probe.stop();

    const during = answers.filter((a) => a.t > stoppedAt + 200 && a.t < backAt);
    const unavailable = during.filter((a) => a.status === 503);
    const wrong = answers.filter((a) => a.status !== 200 && !(a.status === 503 && a.retryAfter !== null));
    const slow = answers.filter((a) => a.ms > LIMITS.slowMs);
    const recovered = answers.find((a) => a.t >= backAt && a.url === '/api/policy/overview' && a.status === 200);
    const recoveryMs = recovered ? recovered.t + recovered.ms - backAt : Number.POSITIVE_INFINITY;
    const readyDown = during.some((a) => a.url === '/api/health/ready' && a.status === 503);
    const restartBad = Object.entries(restartLoad.statuses).filter(([code]) => !/^(2\d\d|503)$/.test(code));
    check(
      'database gone: 503 with Retry-After, never another error or a hang',
      unavailable.length > 0 && wrong.length === 0 && slow.length === 0 && restartBad.length === 0,
      `${during.length} probe answers while it was gone: ${unavailable.length} × 503; ${wrong.length} other; ${slow.length} over ${LIMITS.slowMs} ms; load: ${Object.entries(
        restartLoad.statuses,
      )
        .map(([c, n]) => `${n} × ${c}`)
        .join(', ')}, ${restartLoad.socketErrors} socket errors`,
    );
    check('readiness says not ready while it is gone', readyDown, readyDown ? '503 seen' : 'never 503');
    check(
      'recovers by itself',
      recoveryMs <= LIMITS.recoveryMs,
      `first 200 ${Number.isFinite(recoveryMs) ? `${recoveryMs.toFixed(0)} ms` : 'never'} after PostgreSQL accepted connections again (limit ${LIMITS.recoveryMs} ms)`,
    );
    check('server process survived', server.pid > 0 && readRssMiB(server.pid) > 0, `pid ${server.pid} still running`);

    const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', 'T');
    const record = {
      at: new Date().toISOString(),
      machine: machineInfo(),
      mixed: { ...mixed, writes, rss: { first, last, growth: round(growth, 3), series } },
      worstCase: { ...WORST, alone, withMix: worst, p99Ratio: round(ratio, 2) },
      restart: {
        stoppedAt,
        backAt,
        recoveryMs,
        load: restartLoad,
        answers: answers.length,
        unavailable: unavailable.length,
      },
      checks,
    };
    mkdirSync(`${PROJECT_ROOT}bench/results`, { recursive: true });
    const jsonName = `load-${stamp}Z.json`;
    writeFileSync(`${PROJECT_ROOT}bench/results/${jsonName}`, `${JSON.stringify(record, null, 2)}\n`);
    writeFileSync(
      `${PROJECT_ROOT}bench/results/load.md`,
      [
        `# Load and fault test (\`npm run test:load\`), ${record.at.slice(0, 16)} UTC`,
        '',
        `Machine: ${record.machine.nproc} × ${record.machine.cpuModel}, ${record.machine.memoryGiB} GiB, Node ${record.machine.node}. Raw data: \`${jsonName}\`.`,
        '',
        `Phase 1: ${MIXED.connections} connections for ${MIXED.durationS} s on loopback (tiles, feature lists, site details, timeline, policy, plot search), a planner saving a sketch every second.`,
        '',
        '| figure | value |',
        '|---|---|',
        `| requests | ${mixed.requests} (${mixed.reqPerS.toFixed(0)} req/s) |`,
        `| statuses | ${Object.entries(mixed.statuses)
          .map(([c, n]) => `${n} × ${c}`)
          .join(', ')} |`,
        `| latency p50 / p99 / max | ${mixed.p50} / ${mixed.p99} / ${mixed.max} ms |`,
        `| sketches saved / failed | ${writes.written} / ${writes.failures.length} |`,
        `| RSS first 10 s → last 10 s | ${first.toFixed(0)} → ${last.toFixed(0)} MiB (${(growth * 100).toFixed(1)} %) |`,
        '',
        `Phase 1b (issue #19): cheap routes (tiles, lists, readiness) at ${WORST.connections} connections for ${WORST.durationS} s, alone and then with every ${WORST.everyNth}th request expensive; per-client limits lifted.`,
        '',
        '| cheap routes | requests | statuses | p50 | p99 |',
        '|---|---|---|---|---|',
        tagRow('alone', alone.cheap),
        tagRow('with 10 % expensive', worst.cheap),
        tagRow('(the expensive ones)', worst.expensive),
        '',
        `Phase 2: ${RESTART.connections} connections for ${RESTART.durationS} s; PostgreSQL stopped at ${(stoppedAt / 1000).toFixed(1)} s and accepting again at ${(backAt / 1000).toFixed(1)} s.`,
        '',
        '| check | result |',
        '|---|---|',
        ...checks.map((c) => `| ${c.pass ? 'PASS' : 'FAIL'} ${c.name} | ${c.detail} |`),
        '',
      ].join('\n'),
    );
  } finally {
    await server.stop();
  }
  const failed = checks.filter((c) => !c.pass);
  console.log(failed.length === 0 ? '[load] all checks passed' : `[load] ${failed.length} check(s) failed`);
  process.exit(failed.length === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(`[load] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
