/**
 * `npm run bench:map`: time from navigation to the map's first idle with every source added, in headless
 * Chromium, for our app and for a bare MapLibre page loading the same tiles as static files in the same
 * run (issue #3, DESIGN.md "Measuring performance"); plus the app's JS bundle size gzipped without
 * maplibre-gl. Missed targets are reported, not fatal; harness failures exit 1.
 *
 *   npm run bench:map                                  embedded engine in a temporary DATA_DIR: default view
 *   DATABASE_URL=postgres://… npm run bench:map        also a view over the synthetic parcels, if present
 *
 * Options: --runs 8 (measured, after --warmup 1), --parcels N (with DATABASE_URL: first make the synthetic
 * layer hold N parcels), --client-dist <dir> (use that build instead of building
 * one into a temporary folder), --max-minutes 20.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, VIEWPORT } from '../scripts/chromium';
import { SYNTH_LAYER as SYNTH_LAYER_ROW } from '../seeds/synth/synthLayer';
import { measureBundle, type BundleSize } from './lib/bundleSize';
import { installWatchdog, PROJECT_ROOT, startAppServer, type AppServer } from './lib/childProcesses';
import { loadAverage, machineInfo } from './lib/machineInfo';
import { barePage, loadOnce, writeBareStyle, type RunSample } from './lib/mapPage';
import { mapMarkdown, roundSample, type MapBenchOptions, type ScenarioResult } from './lib/mapReport';
import { startStaticServer } from './lib/staticServer';
import { round, trimmedMean } from './lib/stats';
import { ensureSynthParcels } from './lib/synthLayer';
import { pickTileCases, type TileLayerRow } from './lib/tileCases';

const NAME = 'bench:map';
const log = (message: string) => console.log(`[${NAME}] ${message}`);

/** Issue #3: app at most 1.2× the bare page; app code without maplibre-gl under 150 KB gzipped (KB = 1000 B). */
const LIMITS = { loadRatio: 1.2, appOwnGzipBytes: 150_000 };
/** Our synthetic parcel layer (npm run synth). */
const SYNTH_LAYER = SYNTH_LAYER_ROW.id;

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '8' },
    warmup: { type: 'string', default: '1' },
    'client-dist': { type: 'string' },
    'max-minutes': { type: 'string', default: '20' },
    parcels: { type: 'string' },
  },
  strict: true,
});
const options: MapBenchOptions = {
  runs: Number(args.runs),
  warmup: Number(args.warmup),
  clientDist: args['client-dist'] ? resolve(args['client-dist']) : null,
  maxMinutes: Number(args['max-minutes']),
  /** With DATABASE_URL: make the synthetic layer hold this many parcels first (as bench:tiles does). */
  parcels: args.parcels === undefined ? null : Number(args.parcels),
};
if (
  !Number.isInteger(options.runs) ||
  options.runs < 3 ||
  !Number.isInteger(options.warmup) ||
  options.warmup < 1 ||
  !(options.maxMinutes > 0) ||
  (options.parcels !== null && !(Number.isInteger(options.parcels) && options.parcels > 0))
) {
  console.error(
    `[${NAME}] usage: npm run bench:map -- [--runs 8 (≥ 3)] [--warmup 1 (≥ 1)] [--client-dist <dir>] [--max-minutes 20] [--parcels N]`,
  );
  process.exit(2);
}
const databaseUrl = process.env.DATABASE_URL || null;

/** A z14 view over the densest of a few seeded-random spots of the synthetic parcels, or null without them. */
async function synthView(): Promise<{ lat: number; lon: number; parcels: number; parcelsInTile: number } | null> {
  if (!databaseUrl) return null;
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<TileLayerRow>(
      'SELECT id, source_table, min_zoom, max_zoom, tile_feature_cap, version FROM layer WHERE id = $1',
      [SYNTH_LAYER],
    );
    const layer = rows[0];
    if (!layer) return null;
    const { rows: any } = await db.query('SELECT 1 FROM parcel WHERE layer_id = $1 LIMIT 1', [layer.id]);
    if (any.length === 0) return null;
    const { cases } = await pickTileCases({
      db,
      layer: { ...layer, min_zoom: 0, max_zoom: 22 },
      count: 30,
      seed: 14,
      zooms: [14, 14],
    });
    let best = { n: -1, z: 14, x: 0, y: 0 };
    for (const c of new Map(cases.map((c) => [c.path, c])).values()) {
      const { rows: counted } = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM parcel WHERE layer_id = $1 AND geom_3857 && ST_TileEnvelope($2::int, $3::int, $4::int)',
        [layer.id, c.z, c.x, c.y],
      );
      if (counted[0]!.n > best.n) best = { n: counted[0]!.n, z: c.z, x: c.x, y: c.y };
    }
    const n = 2 ** best.z;
    const lon = ((best.x + 0.5) / n) * 360 - 180;
    const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * (best.y + 0.5)) / n))) * 180) / Math.PI;
    log(`parcel view: z14 tile ${best.x}/${best.y} with ${best.n} parcels`);
    const { rows: total } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM parcel WHERE layer_id = $1', [
      layer.id,
    ]);
    return { lat: round(lat, 5)!, lon: round(lon, 5)!, parcels: total[0]!.n, parcelsInTile: best.n };
  } finally {
    await db.end();
  }
}

async function main() {
  installWatchdog(options.maxMinutes * 60_000, NAME);
  const started = new Date();
  const machine = machineInfo();
  const loadavgStart = loadAverage();
  log(
    `${machine.nproc} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}; load ${loadavgStart.join(' ')}`,
  );
  const tmp = await mkdtemp(join(tmpdir(), 'koege-bench-map-'));
  let server: AppServer | null = null;
  let browser: Browser | null = null;
  let closeStatic: (() => Promise<void>) | null = null;
  try {
    let distDir = options.clientDist;
    let buildSeconds: number | null = null;
    if (distDir === null) {
      distDir = join(tmp, 'dist');
      log('building the client into a temporary folder (vite build)…');
      const t0 = performance.now();
      execFileSync(
        join(PROJECT_ROOT, 'node_modules/.bin/vite'),
        // e2e mode: the run reads the map through the test hook (window.__koegeMap), a few bytes of the bundle.
        ['build', '--mode', 'e2e', '--outDir', distDir, '--emptyOutDir', '--logLevel', 'warn'],
        {
          cwd: PROJECT_ROOT,
          stdio: 'inherit',
          // measureBundle tells maplibre-gl's share of each chunk from its source map; builds have none by default.
          env: { ...process.env, VITE_SOURCEMAP: 'true' },
        },
      );
      buildSeconds = round((performance.now() - t0) / 1000, 1);
    }
    if (!existsSync(join(distDir, 'index.html')))
      throw new Error(`no built client in ${distDir} (node_modules/.bin/vite build)`);
    const maplibreDist = dirname(join(PROJECT_ROOT, 'node_modules/maplibre-gl/dist/maplibre-gl.mjs'));
    const bundle: BundleSize = measureBundle({ distDir, maplibreDist });
    log(
      `bundle: initial app JS without maplibre-gl ${(bundle.appOwnGzip / 1000).toFixed(1)} KB gzipped; loaded on demand ${(bundle.lazyOwnGzip / 1000).toFixed(1)} KB (all JS − maplibre-gl's dist files ${(bundle.appOwnBySubtractionGzip / 1000).toFixed(1)} KB)`,
    );

    log(
      databaseUrl
        ? 'starting the server on DATABASE_URL…'
        : 'starting the server on the embedded engine in a temporary DATA_DIR…',
    );
    server = await startAppServer({
      script: 'bench/mapBenchServer.ts',
      env: { BENCH_CLIENT_ROOT: distDir, ...(databaseUrl ? {} : { DATA_DIR: join(tmp, 'data') }) },
      timeoutMs: 240_000,
    });
    const health = (await (await fetch(`${server.origin}/api/health`)).json()) as { engine?: string };

    const staticDir = join(tmp, 'static');
    await mkdir(staticDir, { recursive: true });
    const empty = new Set<string>();
    // The label fonts too: the app serves them from data/glyphs, the bare page gets the same files.
    const stat = await startStaticServer({
      roots: { '/maplibre/': maplibreDist, '/glyphs/': join(PROJECT_ROOT, 'data/glyphs'), '/': staticDir },
      empty,
    });
    closeStatic = stat.close;
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });

    if (options.parcels !== null) {
      if (!databaseUrl) throw new Error('--parcels needs DATABASE_URL (the synthetic parcels are for PostgreSQL)');
      await ensureSynthParcels({ connectionString: databaseUrl, parcels: options.parcels, log });
    }
    const scenarios: { name: string; path: string }[] = [{ name: 'default view', path: '/' }];
    const view = await synthView();
    if (view) {
      scenarios.push({
        name: `z14 over ${view.parcels.toLocaleString('en')} ${SYNTH_LAYER}`,
        path: `/?map=14/${view.lat}/${view.lon}`,
      });
    } else
      log(
        `no ${SYNTH_LAYER} layer${databaseUrl ? ' in the database (npm run synth)' : ' (needs DATABASE_URL)'}: default view only`,
      );

    const results: ScenarioResult[] = [];
    for (const [index, scenario] of scenarios.entries()) {
      const key = `s${index}`;
      const recorded = new Map<string, { status: number; body: Buffer }>();
      const written = new Set<string>();
      const flushTiles = async () => {
        for (const [path, tile] of recorded) {
          if (written.has(path)) continue;
          written.add(path);
          if (tile.status === 204 || tile.body.length === 0) {
            empty.add(path);
            continue;
          }
          const file = join(staticDir, path);
          await mkdir(dirname(file), { recursive: true });
          await writeFile(file, tile.body);
        }
      };
      const appUrl = server.origin + scenario.path;
      const app = async () => {
        const r = await loadOnce({
          browser: browser!,
          url: appUrl,
          kind: 'app',
          recordTiles: recorded,
          collectMap: true,
        });
        await flushTiles();
        return r;
      };
      const first = await app();
      for (let i = 1; i < options.warmup; i++) await app();
      const info = first.map!;
      const center: [number, number] = [info.center.lng, info.center.lat];
      const styleUrl = await writeBareStyle({
        style: info.style,
        staticOrigin: stat.origin,
        dir: staticDir,
        scenario: key,
      });
      await writeFile(
        join(staticDir, `${key}.html`),
        barePage({ styleUrl, width: info.width, height: info.height, center, zoom: info.zoom }),
      );
      const bareUrl = `${stat.origin}/${key}.html`;
      const missingBefore = stat.missing.length;
      for (let i = 0; i < options.warmup; i++) await loadOnce({ browser, url: bareUrl, kind: 'bare' });
      const appRuns: RunSample[] = [];
      const bareRuns: RunSample[] = [];
      // Tiles one page loaded and the other did not, over all runs (both should be none).
      const onlyApp = new Set<string>();
      const onlyBare = new Set<string>();
      for (let i = 0; i < options.runs; i++) {
        // Interleaved, so that a busy moment of the shared machine falls on both sides.
        const { map: _map, paths: appPaths, ...a } = await app();
        appRuns.push(a);
        const { paths: barePaths, ...b } = await loadOnce({ browser, url: bareUrl, kind: 'bare' });
        bareRuns.push(b);
        for (const p of appPaths) if (!barePaths.has(p)) onlyApp.add(p);
        for (const p of barePaths) if (!appPaths.has(p)) onlyBare.add(p);
        log(
          `${scenario.name} run ${i + 1}/${options.runs}: app ${a.ms.toFixed(0)} ms (${a.tiles} tiles), bare ${bareRuns.at(-1)!.ms.toFixed(0)} ms (${bareRuns.at(-1)!.tiles} tiles)`,
        );
      }
      const appMean = trimmedMean(appRuns.map((r) => r.ms));
      const bareMean = trimmedMean(bareRuns.map((r) => r.ms));
      const ratio = appMean / bareMean;
      results.push({
        name: scenario.name,
        path: scenario.path,
        app: { runs: appRuns.map(roundSample), trimmedMeanMs: round(appMean, 1) },
        bare: {
          runs: bareRuns.map(roundSample),
          trimmedMeanMs: round(bareMean, 1),
          missing: [...new Set(stat.missing.slice(missingBefore))],
        },
        tileDifference: { onlyApp: [...onlyApp], onlyBare: [...onlyBare] },
        ratio: round(ratio, 3),
        pass: ratio <= LIMITS.loadRatio,
        map: {
          width: info.width,
          height: info.height,
          zoom: round(info.zoom, 2)!,
          center: [round(center[0], 5)!, round(center[1], 5)!],
        },
      });
    }

    const result = {
      benchmark: 'map',
      issue: 3,
      date: started.toISOString(),
      finished: new Date().toISOString(),
      machine,
      engine: health.engine ?? (databaseUrl ? 'postgis' : 'pglite'),
      browser: `Chromium ${browser.version()} (headless, SwiftShader WebGL)`,
      viewport: VIEWPORT,
      options,
      limits: LIMITS,
      loadavgStart,
      loadavgEnd: loadAverage(),
      buildSeconds,
      parcels: view ? view.parcels : null,
      bundle,
      bundlePass: bundle.appOwnGzip < LIMITS.appOwnGzipBytes,
      scenarios: results,
    };
    const stamp = `${started.toISOString().slice(0, 16).replace(':', '')}Z`;
    const jsonFile = join(PROJECT_ROOT, 'bench/results', `map-${stamp}.json`);
    await writeFile(jsonFile, `${JSON.stringify(result, null, 2)}\n`);
    await writeFile(join(PROJECT_ROOT, 'bench/results/map.md'), mapMarkdown(result, `map-${stamp}.json`));
    console.log('');
    for (const s of results) {
      console.log(
        `${s.pass ? 'PASS' : 'FAIL'}  ${s.name}: app ${s.app.trimmedMeanMs} ms / bare ${s.bare.trimmedMeanMs} ms = ${s.ratio}× (target ≤ ${LIMITS.loadRatio}×)`,
      );
    }
    console.log(
      `${result.bundlePass ? 'PASS' : 'FAIL'}  initial app JS without maplibre-gl: ${(bundle.appOwnGzip / 1000).toFixed(1)} KB gzipped (target < ${LIMITS.appOwnGzipBytes / 1000} KB)`,
    );
    log(`wrote ${jsonFile} and bench/results/map.md`);
  } finally {
    await browser?.close();
    await closeStatic?.();
    await server?.stop();
    await rm(tmp, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`[${NAME}] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
