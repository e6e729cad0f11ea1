/**
 * `npm run bench:search`: the search box's autocomplete on real PostGIS (issue #21). It fills the address table with
 * synthetic addresses (3.5M by default, the size of the national register) beside the seed's places, sites and
 * policy and synthetic parcels, starts the server, and sends prefixes of 2–12 characters of real names (addresses,
 * parcels, places, actions) to GET /api/search at 10 connections over HTTP on loopback. The baseline, in the same
 * run and with the same prefixes: a plain `ILIKE '%q%'` scan of the same rows, straight on the database (no HTTP,
 * which only favours it). Targets: p95 ≤ 30 ms and p99 ≤ 80 ms. Then, without a target, typos: address prefixes with
 * two letters swapped, which nothing matches as text, so that the search looks for them by trigram similarity in the
 * registers. Results: bench/results/search-*.json and search.md.
 *
 *   DATABASE_URL=postgres://…/koege_bench npm run bench:search -- [--addresses 3500000] [--parcels 100000]
 *     [--duration 20] [--baseline-duration 20] [--typo-duration 10] [--connections 10] [--prefixes 2000] [--seed 21]
 *     [--near 12.1,55.47 | none]
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { prepareDatabase } from '../server/src/platform/db/openDatabase';
import { installWatchdog, PROJECT_ROOT, startAppServer } from './lib/childProcesses';
import { loadAverage, machineInfo } from './lib/machineInfo';
import { prng } from './lib/prng';
import { percentile, round } from './lib/stats';
import { ensureSynthAddresses } from './lib/synthAddresses';
import { ensureSynthParcels } from './lib/synthLayer';

const NAME = 'bench:search';
const log = (message: string) => console.log(`[${NAME}] ${message}`);
const TARGET = { p95: 30, p99: 80 };

const { values: args } = parseArgs({
  options: {
    addresses: { type: 'string', default: '3500000' },
    parcels: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '20' },
    'baseline-duration': { type: 'string', default: '20' },
    'typo-duration': { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    // What the search box sends: the map's centre, here the default view's (Køge); "none" leaves it out.
    near: { type: 'string', default: '12.1,55.47' },
    prefixes: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '21' },
    'max-minutes': { type: 'string', default: '60' },
  },
});
const int = (name: keyof typeof args) => {
  const v = Number(args[name]);
  if (!Number.isInteger(v) || v <= 0) {
    console.error(`[${NAME}] --${name} must be a positive integer`);
    process.exit(2);
  }
  return v;
};
const connectionString = process.env.DATABASE_URL;
if (!connectionString) {
  console.error(`[${NAME}] set DATABASE_URL to a PostgreSQL + PostGIS database of its own (it writes 3.5M rows)`);
  process.exit(2);
}
installWatchdog(int('max-minutes') * 60_000, NAME);

interface Prefix {
  q: string;
  /** What the prefix was cut from. */
  kind: 'address' | 'parcel' | 'place' | 'action';
}

/** Prefixes of 2–12 characters of names the database holds, as a person starts typing them (seeded). */
async function pickPrefixes(db: pg.Client, n: number, seed: number): Promise<Prefix[]> {
  const random = prng(seed);
  const names = async (kind: Prefix['kind'], sql: string, share: number) => {
    const { rows } = await db.query<{ name: string }>(sql, [Math.ceil(n * share)]);
    return rows.map((r) => ({ kind, name: r.name }));
  };
  // TABLESAMPLE-free sampling by a stable hash order: the same rows every run of the same data.
  const pool = [
    ...(await names(
      'address',
      `SELECT vejnavn || ' ' || husnr || ', ' || postnr || ' ' || postnrnavn AS name FROM address
        ORDER BY md5(id::text) LIMIT $1`,
      0.7,
    )),
    ...(await names(
      'parcel',
      `SELECT matrikelnr || ' ' || ejerlav AS name FROM parcel ORDER BY md5(id::text) LIMIT $1`,
      0.1,
    )),
    ...(await names('place', `SELECT name FROM site ORDER BY md5(id) LIMIT $1`, 0.15)),
    ...(await names('action', `SELECT number || ' ' || text AS name FROM action ORDER BY md5(number) LIMIT $1`, 0.05)),
  ];
  const prefixes: Prefix[] = [];
  for (let i = 0; i < n; i++) {
    const { kind, name } = pool[Math.floor(random() * pool.length)]!;
    const length = 2 + Math.floor(random() * 11);
    const q = name.slice(0, length).trimEnd();
    prefixes.push({ kind, q: q.length >= 2 ? q : name.slice(0, 2) });
  }
  return prefixes;
}

/**
 * Address prefixes of 6–12 characters with two neighbouring letters of the street name swapped ("Vsetergade 1"),
 * kept only when the swap changed them (seeded).
 */
function typosOf(prefixes: Prefix[], seed: number): Prefix[] {
  const random = prng(seed);
  const typos = new Set<string>();
  for (const p of prefixes) {
    const word = p.q.includes(' ') ? p.q.indexOf(' ') : p.q.length;
    if (p.kind !== 'address' || p.q.length < 6 || word < 4) continue;
    const at = 1 + Math.floor(random() * (word - 2));
    const q = p.q.slice(0, at) + p.q[at + 1]! + p.q[at]! + p.q.slice(at + 2);
    if (q !== p.q) typos.add(q);
  }
  return [...typos].map((q) => ({ kind: 'address', q }));
}

interface RunResult {
  requests: number;
  reqPerSec: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  errors: number;
  non2xx: number;
  /** p95 by prefix length: 2–3, 4–6 and 7–12 characters. */
  byLength: Record<string, { requests: number; p95: number | null; p99: number | null }>;
  meanHits?: number | null;
}

const LENGTH_BANDS: [string, number, number][] = [
  ['2–3', 2, 3],
  ['4–6', 4, 6],
  ['7–12', 7, 12],
];

function summarise(samples: { ms: number; length: number }[], durationS: number, errors: number, non2xx: number) {
  const all = samples.map((s) => s.ms);
  const byLength: RunResult['byLength'] = {};
  for (const [label, lo, hi] of LENGTH_BANDS) {
    const band = samples.filter((s) => s.length >= lo && s.length <= hi).map((s) => s.ms);
    byLength[label] = {
      requests: band.length,
      p95: round(percentile(band, 95), 2),
      p99: round(percentile(band, 99), 2),
    };
  }
  return {
    requests: all.length,
    reqPerSec: round(all.length / durationS, 1),
    p50: round(percentile(all, 50), 2),
    p95: round(percentile(all, 95), 2),
    p99: round(percentile(all, 99), 2),
    max: round(Math.max(...all), 2),
    errors,
    non2xx,
    byLength,
  } satisfies RunResult;
}

/** GET /api/search with every prefix in turn, `connections` keep-alive connections, for `durationS`. */
async function searchLoad(origin: string, prefixes: Prefix[], connections: number, durationS: number) {
  const near = args.near === 'none' ? '' : `&near=${encodeURIComponent(args.near)}`;
  const paths = prefixes.map((p) => `/api/search?q=${encodeURIComponent(p.q)}&limit=10${near}`);
  const lengthOf = new Map(prefixes.map((p, i) => [paths[i]!, p.q.length]));
  const samples: { ms: number; length: number }[] = [];
  let next = 0;
  let non2xx = 0;
  let firstError: string | undefined;
  const instance = autocannon({
    url: origin,
    connections,
    duration: durationS,
    pipelining: 1,
    timeout: 10,
    requests: [{ method: 'GET', setupRequest: (r) => ({ ...r, path: paths[next++ % paths.length]! }) }],
  });
  instance.on('response', (client, status, _bytes, ms) => {
    const buffer = client.requestIterator?.currentRequest?.requestBuffer;
    const path = buffer?.toString('latin1', 4, buffer.indexOf(' HTTP/1.1'));
    if (status !== 200) {
      non2xx++;
      firstError ??= `HTTP ${status} for ${path}`;
      return;
    }
    samples.push({ ms, length: (path ? lengthOf.get(path) : undefined) ?? 0 });
  });
  const result = await instance;
  if (firstError) log(`first non-2xx: ${firstError}`);
  return summarise(samples, result.duration, result.errors, non2xx);
}

/**
 * The baseline: what a search without an index does, `ILIKE '%q%'` over the same display texts (addresses, parcels,
 * sites, actions), ten hits each, by `connections` clients straight on the database for `durationS`.
 */
async function ilikeLoad(prefixes: Prefix[], connections: number, durationS: number) {
  const sql = `SELECT name FROM (
      (SELECT vejnavn || ' ' || husnr || ', ' || postnr || ' ' || postnrnavn AS name FROM address
        WHERE vejnavn || ' ' || husnr || ', ' || postnr || ' ' || postnrnavn ILIKE $1 LIMIT 10)
      UNION ALL (SELECT matrikelnr || ' ' || ejerlav FROM parcel WHERE matrikelnr || ' ' || ejerlav ILIKE $1 LIMIT 10)
      UNION ALL (SELECT name FROM site WHERE name ILIKE $1 LIMIT 10)
      UNION ALL (SELECT number || ' ' || text FROM action WHERE number || ' ' || text ILIKE $1 LIMIT 10)) hits
    LIMIT 10`;
  const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const clients = Array.from({ length: connections }, () => new pg.Client({ connectionString }));
  await Promise.all(clients.map((c) => c.connect()));
  const samples: { ms: number; length: number }[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + durationS * 1000;
  try {
    await Promise.all(
      clients.map(async (c) => {
        await c.query(`SET statement_timeout = '30s'`);
        while (performance.now() < deadline) {
          const p = prefixes[next++ % prefixes.length]!;
          const t0 = performance.now();
          try {
            await c.query({ name: 'ilike', text: sql, values: [like(p.q)] });
            const t1 = performance.now();
            if (t1 <= deadline) samples.push({ ms: t1 - t0, length: p.q.length });
          } catch {
            errors++;
          }
        }
      }),
    );
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  }
  return summarise(samples, (performance.now() - started) / 1000, errors, 0);
}

async function indexSizes(db: pg.Client) {
  const { rows } = await db.query<{ name: string; table: string; bytes: string }>(
    `SELECT c.relname AS name, t.relname AS table, pg_relation_size(c.oid)::text AS bytes
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
      WHERE c.relname LIKE '%search%' ORDER BY c.relname`,
  );
  const table = await db.query<{ bytes: string; rows: string }>(
    `SELECT pg_relation_size('address')::text AS bytes, (SELECT count(*) FROM address)::text AS rows`,
  );
  return {
    indexes: rows.map((r) => ({ name: r.name, table: r.table, mib: round(Number(r.bytes) / 2 ** 20, 1) })),
    addressTableMiB: round(Number(table.rows[0]!.bytes) / 2 ** 20, 1),
    addresses: Number(table.rows[0]!.rows),
  };
}

const fmt = (v: number | null) => (v === null ? '–' : v.toLocaleString('en', { maximumFractionDigits: 1 }));

function markdown(r: {
  at: string;
  machine: ReturnType<typeof machineInfo>;
  load: number[];
  data: Awaited<ReturnType<typeof indexSizes>> & { parcels: number; sites: number };
  generation: { loadSeconds: number; indexSeconds: number };
  connections: number;
  prefixes: number;
  search: RunResult;
  baseline: RunResult;
  typos: RunResult & { prefixes: number };
  near: string;
}): string {
  const pass = (v: number | null, t: number) => (v !== null && v <= t ? `✓ (≤ ${t})` : `✗ (target ≤ ${t})`);
  const row = (label: string, x: RunResult) =>
    `| ${label} | ${x.requests.toLocaleString('en')} | ${fmt(x.reqPerSec)} | ${fmt(x.p50)} | ${fmt(x.p95)} | ${fmt(x.p99)} | ${fmt(x.max)} | ${x.errors + x.non2xx} |`;
  const lengths = (x: RunResult) =>
    LENGTH_BANDS.map(([l]) => `${l}: ${fmt(x.byLength[l]!.p95)} / ${fmt(x.byLength[l]!.p99)}`).join('; ');
  return [
    `# bench:search — ${r.at}`,
    '',
    `${r.machine.nproc} × ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}; load average at the start ${r.load.map((v) => v.toFixed(1)).join(' / ')}.`,
    `Data: ${r.data.addresses.toLocaleString('en')} addresses (synthetic), ${r.data.parcels.toLocaleString('en')} parcels, ${r.data.sites} sites and the policy; ${r.prefixes} prefixes of 2–12 characters, ${r.connections} connections, ${r.near === 'none' ? 'no near' : `near=${r.near} (ranked by distance, as the search box asks)`}.`,
    '',
    '| run | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    row('GET /api/search over HTTP (trigram + prefix indexes)', r.search),
    row("baseline: ILIKE '%q%' straight on the database", r.baseline),
    row(`typos, no target: ${r.typos.prefixes} address prefixes with two letters swapped`, r.typos),
    '',
    `- p95 ${pass(r.search.p95, TARGET.p95)}, p99 ${pass(r.search.p99, TARGET.p99)}.`,
    `- p95 / p99 by prefix length (ms), search: ${lengths(r.search)}; baseline: ${lengths(r.baseline)}.`,
    `- Baseline / search at p95: ${r.search.p95 && r.baseline.p95 ? (r.baseline.p95 / r.search.p95).toFixed(0) : '–'}×.`,
    `- Index sizes: ${r.data.indexes.map((i) => `${i.name} ${fmt(i.mib)} MiB`).join(', ')}; the address table itself ${fmt(r.data.addressTableMiB)} MiB.`,
    r.generation.loadSeconds > 0
      ? `- Writing the addresses took ${r.generation.loadSeconds.toFixed(0)} s, building their indexes ${r.generation.indexSeconds.toFixed(0)} s.`
      : '- The addresses of an earlier run were reused.',
    '',
  ].join('\n');
}

async function main() {
  const addresses = int('addresses');
  const parcels = int('parcels');
  const connections = int('connections');
  await prepareDatabase({ connectionString: connectionString!, seed: 'if-empty', log });
  await ensureSynthParcels({ connectionString: connectionString!, parcels, log });
  const generation = await ensureSynthAddresses({ connectionString: connectionString!, count: addresses, log });
  const db = new pg.Client({ connectionString });
  await db.connect();
  const prefixes = await pickPrefixes(db, int('prefixes'), int('seed'));
  const sizes = await indexSizes(db);
  const counts = (
    await db.query<{ parcels: number; sites: number }>(
      'SELECT (SELECT count(*)::int FROM parcel) AS parcels, (SELECT count(*)::int FROM site) AS sites',
    )
  ).rows[0]!;
  await db.end();
  const load = loadAverage();
  const server = await startAppServer({ env: { DATABASE_URL: connectionString! } });
  let search: RunResult;
  let typos: RunResult;
  const typoPrefixes = typosOf(prefixes, int('seed') + 1);
  try {
    log('warming up (3 s)');
    await searchLoad(server.origin, prefixes, connections, 3);
    log(`GET /api/search, ${connections} connections, ${args.duration} s`);
    search = await searchLoad(server.origin, prefixes, connections, int('duration'));
    log(`p50 ${search.p50} ms, p95 ${search.p95} ms, p99 ${search.p99} ms, ${search.reqPerSec} req/s`);
    log(`typos (${typoPrefixes.length} address prefixes with two letters swapped), ${args['typo-duration']} s`);
    typos = await searchLoad(server.origin, typoPrefixes, connections, int('typo-duration'));
    log(`typos p50 ${typos.p50} ms, p95 ${typos.p95} ms, p99 ${typos.p99} ms, ${typos.reqPerSec} req/s`);
  } finally {
    await server.stop();
  }
  log(`baseline ILIKE '%q%', ${connections} connections, ${args['baseline-duration']} s`);
  const baseline = await ilikeLoad(prefixes, connections, int('baseline-duration'));
  log(`baseline p50 ${baseline.p50} ms, p95 ${baseline.p95} ms, p99 ${baseline.p99} ms`);
  const at = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const result = {
    at,
    machine: machineInfo(),
    load,
    data: { ...sizes, ...counts },
    generation,
    connections,
    prefixes: prefixes.length,
    search,
    baseline,
    typos: { prefixes: typoPrefixes.length, ...typos },
    near: args.near,
    targets: TARGET,
  };
  const stamp = at.replace(/[-:]/g, '').replace(/\d{2}Z$/, 'Z');
  await writeFile(`${PROJECT_ROOT}bench/results/search-${stamp}.json`, `${JSON.stringify(result, null, 2)}\n`);
  await writeFile(`${PROJECT_ROOT}bench/results/search.md`, markdown(result));
  log(`written bench/results/search-${stamp}.json and bench/results/search.md`);
}

main().catch((err: unknown) => {
  console.error(`[${NAME}] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
