/**
 * `npm run bench:osm -- --ways 100000`: the OSM importer (issue #16) on a synthetic OSM XML of N roads, generated as
 * it is read, into the database of DATABASE_URL (migrated first; its OSM layers are replaced, then removed). It
 * reports ways per second and the process's peak RSS, against two baselines of the same run: the same file only
 * parsed (SAX, no database), and the built rows only written into `site` (siteWriteFloor), so that the importer's
 * own share is visible on a shared machine. Targets: ≥ 50k ways/s on real PostGIS, RSS under 500 MB whatever the
 * size.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { SaxesParser } from 'saxes';
import { migrate } from '../server/src/platform/db/migrate';
import { importOsm } from '../server/src/modules/registers/osm/importOsm';
import { OSM_LAYERS } from '../server/src/modules/registers';
import { machineInfo } from './lib/machineInfo';
import { syntheticOsm } from './lib/syntheticOsm';

const TARGET_WAYS_PER_S = 50_000;
const TARGET_RSS_MIB = 500;
const { values: args } = parseArgs({ options: { ways: { type: 'string', default: '100000' } } });
const ways = Number(args.ways);
const url = process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL;
if (!url) {
  console.error('bench:osm needs DATABASE_URL (a PostgreSQL with PostGIS)');
  process.exit(2);
}

async function parseOnly(): Promise<number> {
  const started = performance.now();
  const parser = new SaxesParser();
  let count = 0;
  parser.on('opentag', (tag) => {
    if (tag.name === 'way') count++;
  });
  for await (const chunk of syntheticOsm(ways)) parser.write(chunk as string);
  parser.close();
  if (count !== ways) throw new Error(`parsed ${count} ways, expected ${ways}`);
  return (performance.now() - started) / 1000;
}

/**
 * The second same-run baseline: the imported rows, already built, written into `site` once more (new ids, then
 * rolled back) in one INSERT … SELECT. That is the floor of any importer into this table, with its generated
 * EPSG:3857 column, validity check, two GiST indexes, foreign key and triggers.
 */
async function siteWriteFloor(): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query("SET LOCAL koege.register_import = 'on'");
    await client.query(
      `CREATE TEMP TABLE bench_rows ON COMMIT DROP AS
       SELECT id || '-again' AS id, layer_id, name, kind, geom, source, accuracy, attributes FROM site WHERE layer_id = $1`,
      [OSM_LAYERS.roads.id],
    );
    const started = performance.now();
    await client.query(
      `INSERT INTO site (id, layer_id, name, kind, geom, source, accuracy, attributes)
       SELECT id, layer_id, name, kind, geom, source, accuracy, attributes FROM bench_rows`,
    );
    return (performance.now() - started) / 1000;
  } finally {
    await client.query('ROLLBACK');
  }
}

const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  await migrate({ client });
  // Earlier runs leave dead rows and index entries behind (the baseline's rolled-back write, the clean-up): each run
  // starts from a vacuumed table, so that runs compare.
  await client.query('VACUUM ANALYZE site');
  const baseline = await parseOnly();
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const started = performance.now();
  const report = await importOsm({
    client,
    chunks: syntheticOsm(ways) as AsyncIterable<string>,
    location: `synthetic ${ways} ways`,
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  if (report.features !== ways) throw new Error(`imported ${report.features} ways, expected ${ways}`);
  const floor = await siteWriteFloor();
  // One statement-level clean-up, with the import's setting: row by row, the layer-version trigger would update
  // the layer once per deleted site (migration 011).
  await client.query('BEGIN');
  await client.query("SET LOCAL koege.register_import = 'on'");
  await client.query('DELETE FROM site WHERE layer_id = $1', [OSM_LAYERS.roads.id]);
  await client.query('DELETE FROM layer WHERE id = $1', [OSM_LAYERS.roads.id]);
  await client.query('COMMIT');
  const result = {
    at: new Date().toISOString(),
    machine: machineInfo(),
    ways,
    seconds: Math.round(seconds * 10) / 10,
    waysPerSecond: Math.round(ways / seconds),
    parseOnlyWaysPerSecond: Math.round(ways / baseline),
    siteWriteOnlyWaysPerSecond: Math.round(ways / floor),
    // The import against the two baselines added up: 1.0 would be parsing plus the bare write, nothing else.
    againstBaselines: Math.round((seconds / (baseline + floor)) * 100) / 100,
    phasesSeconds: Object.fromEntries(Object.entries(report.phases).map(([k, v]) => [k, Math.round(v * 100) / 100])),
    peakRssMiB: Math.round(peakRss / 1048576),
    targets: { waysPerSecond: TARGET_WAYS_PER_S, rssMiB: TARGET_RSS_MIB },
  };
  await mkdir('bench/results', { recursive: true });
  const stamp = result.at.replace(/[-:]/g, '').slice(0, 13);
  await writeFile(`bench/results/osm-import-${stamp}Z.json`, `${JSON.stringify(result, null, 2)}\n`);
  console.log(
    `${ways.toLocaleString('en')} ways in ${result.seconds} s: ${result.waysPerSecond.toLocaleString('en')} ways/s ` +
      `(target ${TARGET_WAYS_PER_S.toLocaleString('en')}; parsing alone ${result.parseOnlyWaysPerSecond.toLocaleString('en')} ways/s, ` +
      `the bare write into site alone ${result.siteWriteOnlyWaysPerSecond.toLocaleString('en')} ways/s, import / (both) = ${result.againstBaselines}×), ` +
      `peak RSS ${result.peakRssMiB} MiB (target < ${TARGET_RSS_MIB}); phases ${JSON.stringify(result.phasesSeconds)}`,
  );
} finally {
  await client.end();
}
