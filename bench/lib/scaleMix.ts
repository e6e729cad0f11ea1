import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import pg from 'pg';
import { prng } from './prng';

const run = promisify(execFile);

// The request mix and the load generator of `npm run bench:scale` (issue #18).

/** Køge: where the map's views fall (EPSG:4326). */
const AREA = { west: 12.05, south: 55.4, east: 12.25, north: 55.52 };
/** A 1280×800 map: 5 × 4 tiles of 256 px at each zoom. */
const VIEW_TILES = { x: 5, y: 4 };

function tileOf(lon: number, lat: number, z: number) {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return {
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n),
  };
}

interface LayerEntry {
  id: string;
  version: number;
  tileset: { id: string; version: string } | null;
}

/**
 * A realistic mix, as the map asks: 70 % tiles at z12–16 over the visible area of 40 views (the `sites` tileset,
 * and the synthetic parcels from z13), with the versioned URLs the client uses; views are picked by a Zipf law
 * (a few areas are popular), 10 % the layer list, 10 % feature lists and the plot finder, 10 % site details.
 */
export async function scaleMix(origin: string, parcelLayer: string, count = 4000): Promise<string[]> {
  const { layers } = (await (await fetch(`${origin}/api/layers`)).json()) as { layers: LayerEntry[] };
  const parcels = layers.find((l) => l.id === parcelLayer);
  const sites = layers.find((l) => l.tileset?.id === 'sites')?.tileset;
  if (!parcels || !sites) throw new Error(`no ${parcelLayer} layer or sites tileset in /api/layers`);
  const plots = (await (await fetch(`${origin}/api/layers/koege-nord-plots/features`)).json()) as {
    features: { properties: { id: string } }[];
  };
  const siteIds = plots.features.map((f) => f.properties.id);
  const random = prng(18);
  const views = Array.from({ length: 40 }, () => ({
    lon: AREA.west + random() * (AREA.east - AREA.west),
    lat: AREA.south + random() * (AREA.north - AREA.south),
    z: 12 + Math.floor(random() * 5),
  }));
  const weights = views.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const pickView = () => {
    let r = random() * total;
    for (let i = 0; i < views.length; i++) if ((r -= weights[i]!) <= 0) return views[i]!;
    return views.at(-1)!;
  };
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 10;
    if (kind < 7) {
      const view = pickView();
      const centre = tileOf(view.lon, view.lat, view.z);
      const x = centre.x - 2 + Math.floor(random() * VIEW_TILES.x);
      const y = centre.y - 2 + Math.floor(random() * VIEW_TILES.y);
      const parcelsToo = view.z >= 13 && random() < 0.5;
      paths.push(
        parcelsToo
          ? `/tiles/${parcelLayer}/${view.z}/${x}/${y}.mvt?v=${parcels.version}`
          : `/tiles/sets/sites/${view.z}/${x}/${y}.mvt?v=${sites.version}`,
      );
    } else if (kind === 7) {
      paths.push('/api/layers');
    } else if (kind === 8) {
      paths.push(i % 20 === 8 ? '/api/layers/koege-nord-plots/features' : '/api/plots?min_area=10000');
    } else {
      paths.push(`/api/sites/${siteIds[i % siteIds.length]}`);
    }
  }
  return paths;
}

export interface WrkResult {
  requests: number;
  reqPerS: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  socketErrors: number;
}

/**
 * wrk (one thread, `connections`, `durationS`) over `paths` picked at random per request, or one URL when
 * `paths` has one entry; latency percentiles from wrk's own histogram.
 */
export async function wrk(
  origin: string,
  paths: string[],
  { connections, durationS, scriptFile }: { connections: number; durationS: number; scriptFile: string },
): Promise<WrkResult> {
  const lua = `
local paths = { ${paths.map((p) => JSON.stringify(p)).join(',\n')} }
local i = 0
math.randomseed(18)
request = function()
  i = math.random(#paths)
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  io.write(string.format('WRK {"requests":%d,"durationUs":%d,"p50":%d,"p99":%d,"non2xx":%d,"socket":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
`;
  await writeFile(scriptFile, lua);
  const { stdout } = await run(
    'wrk',
    ['-t1', `-c${connections}`, `-d${durationS}s`, '--timeout', '10s', '-s', scriptFile, origin],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  const line = /WRK (\{.*\})/.exec(stdout)?.[1];
  if (!line) throw new Error(`wrk said:\n${stdout}`);
  const r = JSON.parse(line) as {
    requests: number;
    durationUs: number;
    p50: number;
    p99: number;
    non2xx: number;
    socket: number;
  };
  return {
    requests: r.requests,
    reqPerS: r.requests / (r.durationUs / 1e6),
    p50Ms: r.p50 / 1000,
    p99Ms: r.p99 / 1000,
    non2xx: r.non2xx,
    socketErrors: r.socket,
  };
}

/**
 * Runs `step` on one connection to `url` again and again in the background until `stop()`, which waits for the
 * step under way and answers what `result` says then.
 */
function background<T>(url: string, step: (client: pg.Client) => Promise<void>, result: () => T) {
  let running = true;
  const loop = (async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      while (running) await step(client);
    } finally {
      await client.end();
    }
  })();
  return {
    async stop(): Promise<T> {
      running = false;
      await loop;
      return result();
    },
  };
}

/**
 * Samples the standby's replay lag as the primary sees it (pg_stat_replication, by its application_name) every
 * 200 ms until `stop()`: time lag (replay_lag) and bytes not yet replayed.
 */
export function lagSampler(primaryUrl: string, applicationName: string) {
  const samples: { ms: number; bytes: number }[] = [];
  return background(
    primaryUrl,
    async (client) => {
      const { rows } = await client.query<{ ms: number | null; bytes: string | null }>(
        `SELECT extract(epoch FROM replay_lag) * 1000 AS ms,
                pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint::text AS bytes
           FROM pg_stat_replication WHERE application_name = $1`,
        [applicationName],
      );
      if (rows[0]) samples.push({ ms: Number(rows[0].ms ?? 0), bytes: Number(rows[0].bytes ?? 0) });
      await new Promise((r) => setTimeout(r, 200));
    },
    () => samples,
  );
}

/**
 * Bulk writes on the primary until `stop()`: batches of 2,000 synthetic parcels rewritten in place (their stored
 * EPSG:3857 copy and area are recomputed), so the standby has real WAL to replay. Returns the rows written.
 */
export function bulkWriter(ownerUrl: string, layerId: string) {
  let rows = 0;
  let range: { lo: number; hi: number } | null = null;
  let next = 0;
  return background(
    ownerUrl,
    async (client) => {
      if (!range) {
        const { rows: found } = await client.query<{ lo: string; hi: string }>(
          'SELECT min(id)::text AS lo, max(id)::text AS hi FROM parcel WHERE layer_id = $1',
          [layerId],
        );
        range = { lo: Number(found[0]!.lo), hi: Number(found[0]!.hi) };
        next = range.lo;
      }
      const r = await client.query(
        'UPDATE parcel SET geom = ST_SetSRID(geom, 25832) WHERE layer_id = $1 AND id >= $2 AND id < $3',
        [layerId, next, next + 2000],
      );
      rows += r.rowCount ?? 0;
      next = next + 2000 > range.hi ? range.lo : next + 2000;
    },
    () => rows,
  );
}
