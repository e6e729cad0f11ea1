import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser } from 'playwright-core';
import { VIEWPORT } from '../../scripts/chromium';
import { loadAverage } from './machineInfo';

// The pages bench:map loads: ours with its readiness hook, and the bare MapLibre page with the same style.

const log = (message: string) => console.log(`[bench:map] ${message}`);

/** In the app's page: the moment it marks the map ready (first idle after its sources were added). */
export const APP_HOOK = `(() => {
  window.__benchReady = null;
  const mark = () => {
    if (window.__benchReady === null && document.documentElement.dataset.mapReady === 'true') window.__benchReady = performance.now();
  };
  // The init script runs before <html> exists: watch the whole document, the element included once added.
  new MutationObserver(mark).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-map-ready'] });
})();`;

export interface MapInfo {
  width: number;
  height: number;
  center: { lng: number; lat: number };
  zoom: number;
  style: { sources: Record<string, Record<string, unknown>>; [key: string]: unknown };
}

export interface RunSample {
  ms: number;
  /** Distinct tile paths the page loaded (query left out). */
  tiles: number;
  tileBytes: number;
  pageErrors: string[];
  loadavgStart: number[];
  loadavgEnd: number[];
}

const tilePathOf = (url: string) => {
  const u = new URL(url);
  return u.pathname.startsWith('/tiles/') ? u.pathname : null;
};

/** One page load in a fresh browser context: ms from navigation start to ready, and the tiles it loaded. */
export async function loadOnce({
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
export function barePage({
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
export async function writeBareStyle({
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
  // The app's glyph URL points at the app; the bare page reads the same font files from its own server.
  const glyphs = typeof style.glyphs === 'string' ? style.glyphs.replace(/^https?:\/\/[^/]+/, staticOrigin) : undefined;
  const file = `style-${scenario}.json`;
  await writeFile(join(dir, file), JSON.stringify({ ...style, sources, ...(glyphs ? { glyphs } : {}) }));
  return `/${file}`;
}
