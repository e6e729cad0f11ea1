import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { bbox as turfBbox, pointOnFeature } from '@turf/turf';
import type { FeatureCollection } from '@shared/schemas/site';
import type { LayerList } from '@shared/schemas/layer';

const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

type MapHandle = {
  queryRenderedFeatures(): { properties: Record<string, unknown> }[];
  project(lngLat: [number, number]): { x: number; y: number };
  getBounds(): { getWest(): number; getSouth(): number; getEast(): number; getNorth(): number };
  getZoom(): number;
  getCenter(): { lng: number; lat: number };
  jumpTo(o: { center: [number, number]; zoom: number }): void;
  once(event: string, cb: () => void): void;
  loaded(): boolean;
  areTilesLoaded(): boolean;
  isMoving(): boolean;
};
declare global {
  interface Window {
    __koegeMap: MapHandle;
  }
}

async function openMap(page: Page, path = '/') {
  await page.goto(path);
  await expect(page.locator('html[data-map-ready="true"]')).toHaveCount(1, { timeout: 60_000 });
}

/** Resolves once the map has finished moving and rendering. */
async function idle(page: Page) {
  await page.waitForFunction(() => {
    const m = window.__koegeMap;
    return m.loaded() && m.areTilesLoaded() && !m.isMoving();
  });
}

const renderedLayers = (page: Page) =>
  page.evaluate(() =>
    [...new Set(window.__koegeMap.queryRenderedFeatures().map((f) => String(f.properties.layer)))].sort(),
  );

test('the map opens on Køge Kommune and renders every seed layer', async ({ page, request }) => {
  const consoleErrors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  const offline: string[] = [];
  page.on(
    'request',
    (r) =>
      !r.url().startsWith('http://127.0.0.1') &&
      !r.url().startsWith('blob:') &&
      !r.url().startsWith('data:') &&
      offline.push(r.url()),
  );

  const { layers } = (await (await request.get('/api/layers')).json()) as LayerList;
  await openMap(page);
  await idle(page);
  const zoom = await page.evaluate(() => window.__koegeMap.getZoom());
  // Every layer drawn from this zoom on (the postcode lines wait for a closer view).
  const drawn = layers.filter((l) => l.min_zoom <= zoom);
  expect(drawn.length).toBeGreaterThan(layers.length - 2);
  expect(await renderedLayers(page)).toEqual(drawn.map((l) => l.id).sort());
  const center = await page.evaluate(() => window.__koegeMap.getCenter());
  expect(center.lng).toBeGreaterThan(11.9);
  expect(center.lng).toBeLessThan(12.3);
  expect(center.lat).toBeGreaterThan(55.38);
  expect(center.lat).toBeLessThan(55.56);
  // The layer panel groups by theme and marks illustrative layers.
  const panel = page.getByTestId('layer-panel');
  for (const theme of ['erhverv', 'energi', 'klima', 'infrastruktur', 'kontekst'])
    await expect(panel).toContainText(new RegExp(theme, 'i'));
  await expect(panel).toContainText(/illustrativ/i);
  await page.screenshot({ path: `${SHOTS}/01-overview.png` });
  expect(offline, 'no request may leave the machine').toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('a layer toggle hides and shows its layer', async ({ page }) => {
  await openMap(page);
  await idle(page);
  const toggle = page.getByTestId('layer-toggle-energy-zones');
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await idle(page);
  expect(await renderedLayers(page)).not.toContain('energy-zones');
  expect(page.url()).toContain('off=energy-zones');
  await toggle.check();
  await idle(page);
  expect(await renderedLayers(page)).toContain('energy-zones');
});

test('clicking a Køge Nord plot shows action 1.4 and its tender status', async ({ page, request }) => {
  const plots = (await (await request.get('/api/layers/koege-nord-plots/features')).json()) as FeatureCollection;
  const plot = plots.features.find((f) => f.properties.tender_status === 'sold') ?? plots.features[0]!;
  const [lon, lat] = pointOnFeature(plot as Parameters<typeof pointOnFeature>[0]).geometry.coordinates as [
    number,
    number,
  ];
  await openMap(page, `/?map=15/${lat}/${lon}`);
  await idle(page);
  const canvas = page.locator('.maplibregl-canvas');
  const box = (await canvas.boundingBox())!;
  const px = await page.evaluate(([x, y]) => window.__koegeMap.project([x, y]), [lon, lat] as [number, number]);
  await page.mouse.click(box.x + px.x, box.y + px.y);

  const panel = page.getByTestId('site-panel');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText(plot.properties.name);
  await expect(page.getByTestId('site-actions')).toContainText('1.4');
  await expect(page.getByTestId('site-actions')).toContainText('udbudsprocesser');
  await expect(page.getByTestId('site-tender-status')).toContainText(
    /solgt|sold|planlagt|planned|udbud|tender|reserveret|reserved|evaluering|evaluation|forberedelse|preparation/i,
  );
  await expect(page.getByTestId('site-accuracy')).toContainText(/illustrativ/i);
  // Illustrative geometry is flagged at the top of the panel, not only in the source section.
  await expect(page.getByTestId('site-illustrative-warning')).toBeVisible();
  await expect(panel).toContainText('Erhvervsgrund');
  await expect(page.getByTestId('site-area')).toContainText('m²');
  await expect(page).toHaveURL(new RegExp(`site=${plot.properties.id}`));
  await page.screenshot({ path: `${SHOTS}/02-plot-panel.png` });
});

test("the policy panel zooms to action 3.6's dike", async ({ page, request }) => {
  const dike = (await (await request.get('/api/layers/koege-dige/features')).json()) as FeatureCollection;
  const [w, s, e, n] = turfBbox(dike as Parameters<typeof turfBbox>[0]);
  await openMap(page);
  await idle(page);
  const zoomBefore = await page.evaluate(() => window.__koegeMap.getZoom());
  await page.getByRole('tab', { name: /politik|policy/i }).click();
  await expect(page.getByTestId('policy-panel')).toBeVisible();
  await page.getByTestId('policy-action-3.6').click();
  await page.waitForFunction(() => !window.__koegeMap.isMoving());
  await idle(page);
  const view = await page.evaluate(() => {
    const b = window.__koegeMap.getBounds();
    return { w: b.getWest(), s: b.getSouth(), e: b.getEast(), n: b.getNorth(), zoom: window.__koegeMap.getZoom() };
  });
  // The view holds the whole dike and is fitted to it, closer than the municipality overview.
  expect(view.w).toBeLessThanOrEqual(w);
  expect(view.e).toBeGreaterThanOrEqual(e);
  expect(view.s).toBeLessThanOrEqual(s);
  expect(view.n).toBeGreaterThanOrEqual(n);
  expect(view.zoom).toBeGreaterThan(zoomBefore);
  expect(await renderedLayers(page)).toContain('koege-dige');
  await expect(page).toHaveURL(/action=3\.6/);
  await page.screenshot({ path: `${SHOTS}/03-action-3.6.png` });
});

test('a permalink restores view, selected site and language', async ({ page, browser }) => {
  await openMap(page, '/?map=14/55.4785/12.169&site=bellingeparken&lang=en');
  await idle(page);
  await expect(page.getByTestId('site-panel')).toContainText('Bellingeparken');
  await expect(page.getByTestId('site-actions')).toContainText('10.4');
  await expect(page.getByTestId('lang-switch')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const link = page.url();

  const other = await browser.newPage();
  await openMap(other, link);
  await idle(other);
  await expect(other.getByTestId('site-panel')).toContainText('Bellingeparken');
  await expect(other.locator('html')).toHaveAttribute('lang', 'en');
  const [a, b] = await Promise.all(
    [page, other].map((p) => p.evaluate(() => ({ ...window.__koegeMap.getCenter(), z: window.__koegeMap.getZoom() }))),
  );
  expect(Math.abs(a!.lng - b!.lng)).toBeLessThan(1e-4);
  expect(Math.abs(a!.lat - b!.lat)).toBeLessThan(1e-4);
  expect(Math.abs(a!.z - b!.z)).toBeLessThan(0.01);
  await other.close();
});

test('Danish by default, English by the switch', async ({ page }) => {
  await openMap(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await expect(page.locator('header')).toContainText('Køge Erhvervskort');
  await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('header')).toContainText('Køge Business Map');
  await expect(page).toHaveURL(/lang=en/);
});

test('a failed request shows an error with a retry, not a blank map', async ({ page }) => {
  let fail = true;
  await page.route('**/api/layers', (route) =>
    fail
      ? route.fulfill({
          status: 503,
          contentType: 'application/problem+json',
          body: '{"type":"about:blank","title":"Unavailable","status":503}',
        })
      : route.continue(),
  );
  await page.goto('/');
  const banner = page.getByTestId('error-banner');
  await expect(banner).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/04-error.png` });
  fail = false;
  await banner.getByRole('button').click();
  await expect(page.locator('html[data-map-ready="true"]')).toHaveCount(1, { timeout: 60_000 });
  await expect(banner).toBeHidden();
});
