/**
 * `npm run bench:osm -- --ways 100000`: the OSM importer (issue #16) on a synthetic OSM XML of N roads, generated as
 * it is read, into the database of DATABASE_URL (migrated first; its OSM layers are replaced, then removed). It
 * reports ways per second and the process's peak RSS, against a baseline of the same run: the same file only
 * parsed by a general SAX parser (saxes, no database), which the importer (field-made scanner, geometry built while
 * reading, COPY, swap into `osm_feature`) should beat, so that its standing is visible on a shared machine.
 * Targets: ≥ 50k ways/s on real PostGIS, RSS under 500 MB whatever the size. `--node-capacity N` makes the reader's
 * node store smaller, so that a file of a few hundred MB takes the path of one beyond 8M nodes (nodes and ways by
 * node id to the database).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
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
const { values: args } = parseArgs({
  options: { ways: { type: 'string', default: '100000' }, 'node-capacity': { type: 'string' } },
});
const ways = Number(args.ways);
/** A smaller node store than the importer's (8M nodes), to measure the path of a file whose nodes outgrow it. */
const nodeCapacity = args['node-capacity'] === undefined ? undefined : Number(args['node-capacity']);
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

const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  await migrate({ client });
  const baseline = await parseOnly();
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const started = performance.now();
  const report = await importOsm({
    client,
    chunks: syntheticOsm(ways) as AsyncIterable<string>,
    location: `synthetic ${ways} ways`,
    limits: { nodes: nodeCapacity },
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  if (report.features !== ways) throw new Error(`imported ${report.features} ways, expected ${ways}`);
  await client.query('BEGIN');
  await client.query('DELETE FROM osm_feature WHERE layer_id = $1', [OSM_LAYERS.roads.id]);
  await client.query('DELETE FROM layer WHERE id = $1', [OSM_LAYERS.roads.id]);
  await client.query('COMMIT');
  const result = {
    at: new Date().toISOString(),
    machine: machineInfo(),
    ways,
    ...(nodeCapacity === undefined ? {} : { nodeCapacity }),
    seconds: Math.round(seconds * 10) / 10,
    waysPerSecond: Math.round(ways / seconds),
    parseOnlyWaysPerSecond: Math.round(ways / baseline),
    // The import's time against the SAX parse alone: below 1.0, the whole import is faster than that parse.
    againstSaxParse: Math.round((seconds / baseline) * 100) / 100,
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    phasesSeconds: Object.fromEntries(Object.entries(report.phases).map(([k, v]) => [k, Math.round(v * 100) / 100])),
    peakRssMiB: Math.round(peakRss / 1048576),
    targets: { waysPerSecond: TARGET_WAYS_PER_S, rssMiB: TARGET_RSS_MIB },
  };
  await mkdir('bench/results', { recursive: true });
  const stamp = result.at.replace(/[-:]/g, '').slice(0, 15);
  await writeFile(`bench/results/osm-import-${stamp}Z.json`, `${JSON.stringify(result, null, 2)}\n`);
  console.log(
    `${ways.toLocaleString('en')} ways in ${result.seconds} s: ${result.waysPerSecond.toLocaleString('en')} ways/s ` +
      `(target ${TARGET_WAYS_PER_S.toLocaleString('en')}; a SAX parse alone ${result.parseOnlyWaysPerSecond.toLocaleString('en')} ways/s, ` +
      `import / SAX parse = ${result.againstSaxParse}×), load average ${result.loadAverage.join(' ')}, ` +
      `peak RSS ${result.peakRssMiB} MiB (target < ${TARGET_RSS_MIB}); phases ${JSON.stringify(result.phasesSeconds)}`,
  );
} finally {
  await client.end();
}
