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
import { installWatchdog, PROJECT_ROOT, startAppServer, type AppServer } from './lib/childProcesses';
import { loadAverage, machineInfo } from './lib/machineInfo';
import { measureBundle, type BundleSize } from './lib/bundleSize';
import { round, trimmedMean } from './lib/stats';
import { startStaticServer } from './lib/staticServer';
import { ensureSynthParcels } from './lib/synthLayer';
import { pickTileCases, type TileLayerRow } from './lib/tileCases';
import { SYNTH_LAYER as SYNTH_LAYER_ROW } from '../seeds/synth/synthLayer';
import { CHROMIUM_ARGS, VIEWPORT } from '../scripts/chromium';

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
const options = {
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

/** In the app's page: the moment it marks the map ready (first idle after its sources were added). */
const APP_HOOK = `(() => {
  window.__benchReady = null;
  const mark = () => {
    if (window.__benchReady === null && document.documentElement.dataset.mapReady === 'true') window.__benchReady = performance.now();
  };
  // The init script runs before <html> exists: watch the whole document, the element included once added.
  new MutationObserver(mark).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-map-ready'] });
})();`;

interface MapInfo {
  width: number;
  height: number;
  center: { lng: number; lat: number };
  zoom: number;
  style: { sources: Record<string, Record<string, unknown>>; [key: string]: unknown };
}

interface RunSample {
  ms: number;
  /** Distinct tile paths the page loaded (query left out). */
  tiles: number;
  tileBytes: number;
  pageErrors: string[];
  loadavgStart: number[];
  loadavgEnd: number[];
}

interface ScenarioResult {
  name: string;
  path: string;
  app: { runs: RunSample[]; trimmedMeanMs: number | null };
  bare: { runs: RunSample[]; trimmedMeanMs: number | null; missing: string[] };
  /** Tile paths loaded by one page and not the other in the same round (should be empty). */
  tileDifference: { onlyApp: string[]; onlyBare: string[] };
  ratio: number | null;
  pass: boolean;
  map: { width: number; height: number; zoom: number; center: [number, number] };
}

const tilePathOf = (url: string) => {
  const u = new URL(url);
  return u.pathname.startsWith('/tiles/') ? u.pathname : null;
};

/** One page load in a fresh browser context: ms from navigation start to ready, and the tiles it loaded. */
async function loadOnce({
  browser,
  url,
  kind,
  recordTiles,
  collectMap,
}: {
  browser: Browser;
  url: string;
  kind: 'app' | 'bare';
  recordTiles?: Map<string, { status: number; body: Buffer }>;
  collectMap?: boolean;
}): Promise<RunSample & { map?: MapInfo; paths: Set<string> }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    const tiles = new Map<string, number>();
    const bodies: Promise<void>[] = [];
    page.on('response', (response) => {
      const path = tilePathOf(response.url());
      if (path === null) return;
      bodies.push(
        response.body().then(
          (body) => {
            tiles.set(path, body.length);
            if (recordTiles && response.status() !== 304) recordTiles.set(path, { status: response.status(), body });
          },
          () => {
            tiles.set(path, 0);
            if (recordTiles && response.status() === 204) recordTiles.set(path, { status: 204, body: Buffer.alloc(0) });
          },
        ),
      );
    });
    if (kind === 'app') await page.addInitScript(APP_HOOK);
    const loadavgStart = loadAverage();
    await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
    const ready = await page
      .waitForFunction(() => (window as unknown as { __benchReady?: number | null }).__benchReady ?? null, null, {
        timeout: 120_000,
        polling: 50,
      })
      .catch((err: Error) => {
        throw new Error(`${kind} ${url}: ${err.message}; page errors: ${pageErrors.join(' | ') || 'none'}`);
      });
    const ms = (await ready.jsonValue()) as number;
    const loadavgEnd = loadAverage();
    const map = collectMap
      ? await page.evaluate(() => {
          const m = (
            window as unknown as {
              __koegeMap: {
                getContainer(): HTMLElement;
                getCenter(): { lng: number; lat: number };
                getZoom(): number;
                getStyle(): unknown;
              };
            }
          ).__koegeMap;
          const c = m.getContainer();
          return {
            width: c.clientWidth,
            height: c.clientHeight,
            center: m.getCenter(),
            zoom: m.getZoom(),
            style: m.getStyle(),
          } as MapInfo;
        })
      : undefined;
    await Promise.all(bodies);
    if (pageErrors.length) log(`${kind} ${url}: page errors: ${pageErrors.slice(0, 3).join(' | ')}`);
    return {
      ms,
      tiles: tiles.size,
      tileBytes: [...tiles.values()].reduce((a, b) => a + b, 0),
      pageErrors,
      loadavgStart,
      loadavgEnd,
      ...(map ? { map } : {}),
      paths: new Set(tiles.keys()),
    };
  } finally {
    await context.close();
  }
}

/** The bare page: maplibre-gl's own dist files, a style.json, nothing else. */
function barePage({
  styleUrl,
  width,
  height,
  center,
  zoom,
}: {
  styleUrl: string;
  width: number;
  height: number;
  center: [number, number];
  zoom: number;
}) {
  return `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/maplibre/maplibre-gl.css">
<style>html, body { margin: 0; } #map { position: absolute; top: 0; left: 0; width: ${width}px; height: ${height}px; }</style>
</head>
<body>
<div id="map"></div>
<script type="module">
import { Map, setWorkerUrl } from '/maplibre/maplibre-gl.mjs';
setWorkerUrl('/maplibre/maplibre-gl-worker.mjs');
window.__benchReady = null;
const map = new Map({ container: 'map', style: ${JSON.stringify(styleUrl)}, center: ${JSON.stringify(center)}, zoom: ${zoom} });
map.once('idle', () => { window.__benchReady = performance.now(); });
</script>
</body>
</html>
`;
}

/**
 * The app's style as MapLibre holds it after the first idle (same sources and layers), pointed at the
 * static server: vector tile URLs lose the origin and `?v=`, GeoJSON data goes to a static file.
 */
async function writeBareStyle({
  style,
  staticOrigin,
  dir,
  scenario,
}: {
  style: MapInfo['style'];
  staticOrigin: string;
  dir: string;
  scenario: string;
}) {
  const sources: Record<string, Record<string, unknown>> = {};
  for (const [id, source] of Object.entries(style.sources)) {
    if (source.type === 'vector' && Array.isArray(source.tiles)) {
      sources[id] = {
        ...source,
        tiles: (source.tiles as string[]).map((t) => t.replace(/^https?:\/\/[^/]+/, staticOrigin).replace(/\?.*$/, '')),
      };
    } else if (source.type === 'geojson' && typeof source.data === 'object') {
      const file = `geojson/${scenario}-${id}.json`;
      await mkdir(join(dir, 'geojson'), { recursive: true });
      await writeFile(join(dir, file), JSON.stringify(source.data));
      sources[id] = { ...source, data: `${staticOrigin}/${file}` };
    } else {
      sources[id] = source;
    }
  }
  const file = `style-${scenario}.json`;
  await writeFile(join(dir, file), JSON.stringify({ ...style, sources }));
  return `/${file}`;
}

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
    const stat = await startStaticServer({ roots: { '/maplibre/': maplibreDist, '/': staticDir }, empty });
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

function roundSample(r: RunSample): RunSample {
  return { ...r, ms: round(r.ms, 1)! };
}

type MapResult = {
  date: string;
  machine: ReturnType<typeof machineInfo>;
  engine: string;
  browser: string;
  viewport: typeof VIEWPORT;
  options: typeof options;
  loadavgStart: number[];
  loadavgEnd: number[];
  bundle: BundleSize;
  bundlePass: boolean;
  scenarios: ScenarioResult[];
};

function mapMarkdown(r: MapResult, jsonName: string): string {
  const kb = (b: number) => `${(b / 1000).toFixed(1)} KB`;
  const range = (runs: RunSample[]) => {
    const ms = runs.map((x) => x.ms);
    return `${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)}`;
  };
  const lines = [
    '# Map load benchmark (issue #3)',
    '',
    `Run ${r.date.slice(0, 16).replace('T', ' ')} UTC, full data in [${jsonName}](${jsonName}). Rerun: \`npm run bench:map\` ` +
      '(embedded engine: default view) or `DATABASE_URL=postgres://… npm run bench:map -- --parcels 100000` ' +
      '(also a z14 view over that many synthetic parcels).',
    '',
    `- Machine: ${r.machine.nproc} × ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB RAM; Node ${r.machine.node}; ${r.browser}; ` +
      `viewport ${r.viewport.width}×${r.viewport.height}; database engine ${r.engine}.`,
    `- Load average (1/5/15 min) at start ${r.loadavgStart.join(' ')}, at end ${r.loadavgEnd.join(' ')}.`,
    `- Time from navigation start to the map's first \`idle\` with all sources added (the app's \`data-map-ready\`), ` +
      `trimmed mean (lowest and highest dropped) of ${r.options.runs} runs after ${r.options.warmup} warm-up, each in a fresh browser context, ` +
      "app and bare page interleaved. The bare page is maplibre-gl's own dist build with the app's style (same sources and layers, " +
      "taken from the app's map after its first idle) and map size, loading the tiles the app loaded as static files from a node:http file server.",
    '',
    '| view | app ms | bare MapLibre ms | ratio | target ≤ 1.2× | app runs min–max | bare runs min–max | tiles app / bare | tile bytes, one load |',
    '| --- | ---: | ---: | ---: | --- | ---: | ---: | --- | ---: |',
    ...r.scenarios.map(
      (s) =>
        `| ${s.name} (\`${s.path}\`, map ${s.map.width}×${s.map.height} px) | ${s.app.trimmedMeanMs} | ${s.bare.trimmedMeanMs} | ${s.ratio}× | ` +
        `${s.pass ? 'PASS' : '**FAIL**'} | ${range(s.app.runs)} | ${range(s.bare.runs)} | ` +
        `${s.app.runs[0]?.tiles ?? '–'} / ${s.bare.runs[0]?.tiles ?? '–'}` +
        `${s.bare.missing.length ? ` (${s.bare.missing.length} not recorded)` : ''}` +
        `${s.tileDifference.onlyApp.length + s.tileDifference.onlyBare.length ? ` (differ: ${s.tileDifference.onlyApp.length} only app, ${s.tileDifference.onlyBare.length} only bare)` : ', same set'} | ` +
        `${kb(s.app.runs[0]?.tileBytes ?? 0)} |`,
    ),
    '',
    '## JS bundle (gzip level 9)',
    '',
    '| part | gzipped |',
    '| --- | ---: |',
    `| app's own JS the page loads at start, without maplibre-gl (source maps) | ${kb(r.bundle.appOwnGzip)} — ${r.bundlePass ? 'PASS' : '**FAIL**'} (target < 150 KB) |`,
    `| app's own JS loaded on demand (sketch tools and panel) | ${kb(r.bundle.lazyOwnGzip ?? 0)} |`,
    `| all JS − maplibre-gl's dist files (includes the on-demand chunks) | ${kb(r.bundle.appOwnBySubtractionGzip)} |`,
    `| maplibre-gl in the build (main-thread part + worker) | ${kb(r.bundle.maplibreGzip)} |`,
    `| all JS | ${kb(r.bundle.totalJsGzip)} |`,
    `| CSS | ${kb(r.bundle.cssGzip)} |`,
    '',
    'Method: vite writes source maps; every character of the generated chunks is attributed to the source file it maps to, ' +
      'the characters from `node_modules/maplibre-gl/` are removed and the rest (React, zustand, proj4, the app) is gzipped; ' +
      "the worker chunk is maplibre-gl's only. The cross-check subtracts the gzipped size of maplibre-gl's own dist files " +
      '(`maplibre-gl.mjs`, `maplibre-gl-shared.mjs`, `maplibre-gl-worker.mjs`) from the gzipped total.',
    '',
    `Files: ${r.bundle.files.map((f) => `\`${f.file}\` ${kb(f.bytes)} (${kb(f.gzip)} gz${f.initial === false ? ', on demand' : ''})`).join(', ')}.`,
    '',
  ];
  return `${lines.join('\n')}\n`;
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`[${NAME}] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
