import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { LayerList } from '@shared/schemas/layer';
import type { MapConfig } from '@shared/schemas/mapConfig';
import { startTs, waitForHttp, type Child } from '../../bench/lib/childProcesses';
import { fillLayerId } from '../../client/src/map/ids';
import { startTileStandIn, TILE_RGB } from './tileStandIn';

const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

// The app under test here and its tile stand-in get the two ports after the e2e server's (3200–3299 on CI).
const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const APP = `http://127.0.0.1:${E2E_PORT + 1}`;
const TILE_PORT = E2E_PORT + 2;
const TILES = `http://127.0.0.1:${TILE_PORT}`;
const ATTRIBUTION = '© Stand-in tiles <loopback>';

/** The part of the map these checks use; map.spec.ts declares its own view of `(window as unknown as BasemapWindow).__koegeMap`. */
interface BasemapMap {
  getStyle(): { layers: { id: string; type: string }[]; sources: Record<string, { type: string }> };
  getLayer(id: string): unknown;
  queryRenderedFeatures(): { properties: Record<string, unknown> }[];
  loaded(): boolean;
  areTilesLoaded(): boolean;
  isMoving(): boolean;
  getZoom(): number;
  getPaintProperty(layerId: string, name: string): unknown;
  panBy(offset: [number, number], options: { animate: boolean }): void;
}
/** `__basemapNotices`: how many times a basemap notice was put into the page (countNotices). */
type BasemapWindow = Window & { __koegeMap: BasemapMap; __basemapNotices: number };

/** Counts every basemap notice put into the page, from the first script on: "once" is a count of one. */
function countNotices() {
  const counted = window as unknown as BasemapWindow;
  counted.__basemapNotices = 0;
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (
          node instanceof Element &&
          (node.matches('[data-testid=basemap-notice]') || node.querySelector('[data-testid=basemap-notice]'))
        ) {
          counted.__basemapNotices += 1;
        }
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

async function openMap(page: Page, url: string) {
  await page.addInitScript(countNotices);
  await page.goto(url);
  await expect(page.locator('html[data-map-ready="true"]')).toHaveCount(1, { timeout: 60_000 });
  await page.waitForFunction(() => {
    const m = (window as unknown as BasemapWindow).__koegeMap;
    return m.loaded() && m.areTilesLoaded() && !m.isMoving();
  });
}

const renderedLayers = (page: Page) =>
  page.evaluate(() =>
    [
      ...new Set(
        (window as unknown as BasemapWindow).__koegeMap.queryRenderedFeatures().map((f) => String(f.properties.layer)),
      ),
    ].sort(),
  );

/** The fill opacity of every context polygon layer (the offline basemap): see-through only over an online one. */
const contextOpacities = (page: Page, layers: LayerList['layers']) =>
  page.evaluate(
    (ids) => ids.map((id) => (window as unknown as BasemapWindow).__koegeMap.getPaintProperty(id, 'fill-opacity')),
    layers.filter((l) => l.theme === 'kontekst' && l.geometry_type === 'polygon').map((l) => fillLayerId(l.id)),
  );

/** The ids of the layers drawn from the map's zoom on (the postcode lines wait for a closer view), sorted. */
async function drawnAtThisZoom(page: Page, layers: LayerList['layers']): Promise<string[]> {
  const zoom = await page.evaluate(() => (window as unknown as BasemapWindow).__koegeMap.getZoom());
  return layers
    .filter((l) => l.min_zoom <= zoom)
    .map((l) => l.id)
    .sort();
}

/** The map's screenshot as counts: pixels of the stand-in's hue, and distinct colours (a blank map has one or two). */
async function mapPixels(page: Page, path: string): Promise<{ tileHued: number; colours: number; total: number }> {
  const png = await page.locator('.map').screenshot({ path });
  return page.evaluate(
    async ({ base64, rgb }) => {
      // An <img> (the CSP allows data: images, not data: fetches) decodes the screenshot.
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const bitmap = await createImageBitmap(image);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      let tileHued = 0;
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
        // The stand-in's magenta, pure or under the context fills' 35 % (red and blue well above green).
        if (r - g > 60 && b - g > 50 && Math.abs(r - rgb[0]) < 90) tileHued += 1;
        colours.add((r << 16) | (g << 8) | b);
      }
      return { tileHued, colours: colours.size, total: data.length / 4 };
    },
    { base64: png.toString('base64'), rgb: TILE_RGB },
  );
}

const dataDir = join(tmpdir(), `koege-e2e-basemap-${Date.now()}`);
test.afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The app on its own port and data folder with the basemap settings `basemap`, until the describe block ends. */
function appWithBasemap(basemap: Record<string, string>) {
  let app: Child | undefined;
  // The first start of the embedded engine creates and seeds its folder; the second reopens it.
  test.describe.configure({ timeout: 240_000 });
  test.beforeAll(async () => {
    app = startTs({
      script: 'server/src/server.ts',
      env: {
        ...process.env,
        PORT: String(E2E_PORT + 1),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        ...basemap,
      },
    });
    await waitForHttp({ url: `${APP}/api/health`, child: app, timeoutMs: 220_000 });
  });
  test.afterAll(async () => {
    await app?.stop();
  });
}

test.describe('an online raster basemap configured at run time (issue #16)', () => {
  appWithBasemap({ BASEMAP_URL: `${TILES}/{z}/{x}/{y}.png`, BASEMAP_ATTRIBUTION: ATTRIBUTION });

  test('draws the stand-in’s tiles under the offline layers, credited, fetching only from the two origins', async ({
    page,
    request,
  }) => {
    const tiles = await startTileStandIn({ port: TILE_PORT });
    try {
      const elsewhere: string[] = [];
      page.on('request', (r) => {
        const url = r.url();
        if (![APP, TILES, 'blob:', 'data:'].some((prefix) => url.startsWith(prefix))) elsewhere.push(url);
      });
      await openMap(page, `${APP}/`);
      const { layers } = (await (await request.get(`${APP}/api/layers`)).json()) as LayerList;

      expect(tiles.requests.length).toBeGreaterThan(0);
      // The basemap lies right above the background, under every offline layer, which all still draw.
      const style = await page.evaluate(() => (window as unknown as BasemapWindow).__koegeMap.getStyle());
      expect(style.layers.slice(0, 2).map((l) => `${l.id}:${l.type}`)).toEqual([
        'background:background',
        'basemap:raster',
      ]);
      expect(style.sources.basemap?.type).toBe('raster');
      expect(await renderedLayers(page)).toEqual(await drawnAtThisZoom(page, layers));
      // The context fills let the tiles show through, once the first tile came.
      expect(new Set(await contextOpacities(page, layers))).toEqual(new Set([0.35]));
      const pixels = await mapPixels(page, `${SHOTS}/40-basemap-online.png`);
      expect(pixels.tileHued / pixels.total, 'the stand-in’s tiles show on screen').toBeGreaterThan(0.2);
      // The credit line is the configured text, escaped: shown as written, never as markup.
      await expect(page.locator('.maplibregl-ctrl-attrib-inner')).toContainText(ATTRIBUTION);
      expect(await page.locator('.maplibregl-ctrl-attrib-inner loopback').count()).toBe(0);
      await expect(page.getByTestId('basemap-notice')).toHaveCount(0);
      const csp = (await request.get(`${APP}/`)).headers()['content-security-policy'] ?? '';
      expect(csp).toContain(`img-src 'self' data: blob: ${TILES}`);
      expect(elsewhere).toEqual([]);
    } finally {
      await tiles.close();
    }
  });

  test('with the tile server down, keeps the offline map and says so once', async ({ page, request }) => {
    await openMap(page, `${APP}/`);
    const { layers } = (await (await request.get(`${APP}/api/layers`)).json()) as LayerList;
    const notice = page.getByTestId('basemap-notice');
    await expect(notice).toHaveCount(1);
    await expect(notice).toContainText(/Baggrundskortet kunne ikke hentes/);
    // The basemap is gone from the style; every offline layer draws, and the map is not blank.
    expect(
      await page.evaluate(() => Boolean((window as unknown as BasemapWindow).__koegeMap.getLayer('basemap'))),
    ).toBe(false);
    expect(await renderedLayers(page)).toEqual(await drawnAtThisZoom(page, layers));
    expect(new Set(await contextOpacities(page, layers))).toEqual(new Set([1]));
    // Moving the map asks for no more tiles and says nothing more.
    const tilesAskedLater: string[] = [];
    page.on('request', (r) => r.url().startsWith(TILES) && tilesAskedLater.push(r.url()));
    await page.evaluate(() => (window as unknown as BasemapWindow).__koegeMap.panBy([300, 200], { animate: false }));
    await page.waitForTimeout(1500);
    const pixels = await mapPixels(page, `${SHOTS}/41-basemap-down.png`);
    expect(pixels.tileHued).toBe(0);
    expect(pixels.colours, 'the offline map draws, never a blank one').toBeGreaterThan(20);
    await expect(notice).toHaveCount(1);
    expect(await page.evaluate(() => (window as unknown as BasemapWindow).__basemapNotices)).toBe(1);
    expect(tilesAskedLater).toEqual([]);
  });

  test('with a tile server that never answers, gives up after the timeout and says so once', async ({ page }) => {
    const tiles = await startTileStandIn({ port: TILE_PORT, hang: true });
    try {
      await page.addInitScript(countNotices);
      await page.goto(`${APP}/`);
      // Ready means the offline layers drew; the hanging basemap does not hold the map up.
      await expect(page.locator('html[data-map-ready="true"]')).toHaveCount(1, { timeout: 60_000 });
      expect(tiles.requests.length).toBeGreaterThan(0);
      await expect(page.getByTestId('basemap-notice')).toHaveCount(1, { timeout: 30_000 });
      expect(
        await page.evaluate(() => Boolean((window as unknown as BasemapWindow).__koegeMap.getLayer('basemap'))),
      ).toBe(false);
      expect(await page.evaluate(() => (window as unknown as BasemapWindow).__basemapNotices)).toBe(1);
    } finally {
      await tiles.close();
    }
  });
});

test.describe('an online basemap given as a MapLibre style (issue #16)', () => {
  appWithBasemap({ BASEMAP_STYLE_URL: `${TILES}/style.json` });

  test('puts the style’s sources and layers under the offline layers, without its labels', async ({
    page,
    request,
  }) => {
    const tiles = await startTileStandIn({ port: TILE_PORT });
    try {
      await openMap(page, `${APP}/`);
      const { layers } = (await (await request.get(`${APP}/api/layers`)).json()) as LayerList;
      const style = await page.evaluate(() => (window as unknown as BasemapWindow).__koegeMap.getStyle());
      expect(style.layers.slice(0, 3).map((l) => l.id)).toEqual(['background', 'basemap:paper', 'basemap:tiles']);
      // The style's labels are left out: the names on the map are the app's own.
      expect(style.layers.some((l) => l.id.startsWith('basemap') && l.type === 'symbol')).toBe(false);
      expect(await renderedLayers(page)).toEqual(await drawnAtThisZoom(page, layers));
      expect(tiles.requests.length).toBeGreaterThan(0);
      // The style, and nothing for its labels (no glyphs).
      expect(tiles.otherRequests).toEqual(['/style.json']);
      const pixels = await mapPixels(page, `${SHOTS}/42-basemap-style.png`);
      expect(pixels.tileHued / pixels.total).toBeGreaterThan(0.2);
      // The style's own credit line, as text: its link is dropped.
      await expect(page.locator('.maplibregl-ctrl-attrib-inner')).toContainText('© Stand-in style');
      expect(await page.locator('.maplibregl-ctrl-attrib-inner a', { hasText: 'Stand-in' }).count()).toBe(0);
      await expect(page.getByTestId('basemap-notice')).toHaveCount(0);
    } finally {
      await tiles.close();
    }
  });

  test('with the style out of reach, keeps the offline map and says so once', async ({ page, request }) => {
    await openMap(page, `${APP}/`);
    const { layers } = (await (await request.get(`${APP}/api/layers`)).json()) as LayerList;
    await expect(page.getByTestId('basemap-notice')).toHaveCount(1);
    const style = await page.evaluate(() => (window as unknown as BasemapWindow).__koegeMap.getStyle());
    expect(style.layers.filter((l) => l.id.startsWith('basemap'))).toEqual([]);
    expect(await renderedLayers(page)).toEqual(await drawnAtThisZoom(page, layers));
    expect(await page.evaluate(() => (window as unknown as BasemapWindow).__basemapNotices)).toBe(1);
  });
});

test('the default app has no basemap and fetches nothing from another origin', async ({ page, request, baseURL }) => {
  expect(((await (await request.get('/api/map-config')).json()) as MapConfig).basemap).toBeNull();
  const elsewhere: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (![baseURL!, 'blob:', 'data:'].some((prefix) => url.startsWith(prefix))) elsewhere.push(url);
  });
  const configAsked = page.waitForResponse((r) => r.url().endsWith('/api/map-config'));
  await openMap(page, '/');
  expect((await configAsked).status()).toBe(200);
  const style = await page.evaluate(() => (window as unknown as BasemapWindow).__koegeMap.getStyle());
  expect(Object.values(style.sources).some((source) => source.type === 'raster')).toBe(false);
  await expect(page.getByTestId('basemap-notice')).toHaveCount(0);
  expect(elsewhere).toEqual([]);
});
