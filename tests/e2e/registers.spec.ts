import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startTs, waitForHttp, type Child } from '../../bench/lib/childProcesses';
import { fillLayerId, labelLayerId, lineLayerId } from '../../client/src/map/ids';

// Issue #16, part 3, in the browser: after `npm run import` of an OSM extract and of Plandata.dk's lokalplaner
// (both format fixtures), roads and water are drawn under the business layers with their names, and a plot's panel
// lists the plan that covers it with the plan's link. Issue #21: an imported address picked from the search is kept
// in the link (q= and sel=) and comes back with its pin. The app and the imports get their own embedded database (a
// folder of this spec), so the other specs' map is not changed; the importers themselves are tested on both
// engines in tests/api/registers.
const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const APP = `http://127.0.0.1:${E2E_PORT + 1}`;
const FIXTURES = 'tests/fixtures/registers';
const dataDir = join(tmpdir(), `koege-e2e-registers-${Date.now()}`);
const env = () => {
  const { DATABASE_URL: _url, DATABASE_OWNER_URL: _owner, ...rest } = process.env;
  return { ...rest, DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
};

type Rendered = { properties: Record<string, unknown>; layer: { id: string } };
interface RegisterMap {
  getBounds(): { getWest(): number; getSouth(): number; getEast(): number; getNorth(): number };
  getZoom(): number;
  queryRenderedFeatures(geometry?: unknown, options?: { layers?: string[] }): Rendered[];
  getStyle(): { layers: { id: string; type: string }[] };
  getLayer(id: string): unknown;
  jumpTo(o: { center: [number, number]; zoom: number }): void;
  loaded(): boolean;
  areTilesLoaded(): boolean;
  isMoving(): boolean;
}
type RegisterWindow = Window & { __koegeMap: RegisterMap };

async function idle(page: Page) {
  await page.waitForFunction(() => {
    const m = (window as unknown as RegisterWindow).__koegeMap;
    return m.loaded() && m.areTilesLoaded() && !m.isMoving();
  });
}

async function importFile(kind: string, file: string) {
  const run = startTs({ script: 'server/src/modules/registers/importCli.ts', args: [kind, file], env: env() });
  const code = await run.exited;
  expect(code, run.output()).toBe(0);
}

let app: Child | undefined;
test.beforeAll(async () => {
  // Three starts of the embedded engine on a shared machine: the first creates and seeds the folder.
  test.setTimeout(300_000);
  // The first import creates, migrates and seeds the folder; the app opens it when the imports are done.
  await importFile('osm', `${FIXTURES}/koege.format-fixture.osm`);
  await importFile('plandata-lokalplaner', `${FIXTURES}/plandata-lokalplaner.format-fixture.gml`);
  await importFile('adresser', `${FIXTURES}/adresser.format-fixture.csv`);
  app = startTs({ script: 'server/src/server.ts', env: { ...env(), PORT: String(E2E_PORT + 1), HOST: '127.0.0.1' } });
  await waitForHttp({ url: `${APP}/api/health`, child: app, timeoutMs: 220_000 });
});
test.afterAll(async () => {
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('imported OSM roads and water are drawn under the business layers, with their names', async ({ page }) => {
  await page.goto(`${APP}/`);
  await expect(page.locator('html[data-map-ready="true"]')).toHaveCount(1, { timeout: 60_000 });
  await idle(page);
  await page.evaluate(() =>
    (window as unknown as RegisterWindow).__koegeMap.jumpTo({ center: [12.149, 55.4985], zoom: 15 }),
  );
  await page.waitForTimeout(300);
  await idle(page);

  const ids = {
    roads: lineLayerId('osm-roads'),
    water: fillLayerId('osm-water'),
    roadNames: labelLayerId('osm-roads'),
    waterNames: labelLayerId('osm-water'),
    plots: fillLayerId('koege-nord-plots'),
  };
  const drawn = await page.evaluate((layers) => {
    const map = (window as unknown as RegisterWindow).__koegeMap;
    const order = map.getStyle().layers.map((l) => l.id);
    const written = (layer: string) =>
      map.queryRenderedFeatures(undefined, { layers: [layer] }).map((f) => String(f.properties.label));
    return {
      position: Object.fromEntries(Object.entries(layers).map(([k, id]) => [k, order.indexOf(id)])),
      roads: map.queryRenderedFeatures(undefined, { layers: [layers.roads] }).length,
      water: map.queryRenderedFeatures(undefined, { layers: [layers.water] }).length,
      roadNames: [...new Set(written(layers.roadNames))],
      waterNames: [...new Set(written(layers.waterNames))],
    };
  }, ids);

  expect(drawn.roads).toBeGreaterThan(0);
  expect(drawn.water).toBeGreaterThan(0);
  // Under the business layers: the roads and the water come before Køge Nord's plots in the style.
  for (const key of ['roads', 'water'] as const) {
    expect(drawn.position[key]).toBeGreaterThanOrEqual(0);
    expect(drawn.position[key]).toBeLessThan(drawn.position.plots!);
  }
  // Their names, written by MapLibre (collision passed), with ø as in the file.
  expect(drawn.roadNames).toEqual(expect.arrayContaining(['Køgevej', 'Egedesvej']));
  expect(drawn.waterNames).toEqual(['Regnvandsbassin']);
  await page.screenshot({ path: 'test-results/screenshots/osm-import.png' });
});

test('a plot’s panel lists the imported lokalplan that covers it, with the plan’s link', async ({ page }) => {
  await page.goto(`${APP}/?site=kn-01`);
  const plans = page.getByTestId('site-plans');
  await expect(plans).toBeVisible({ timeout: 60_000 });
  await expect(plans).toContainText('1088');
  await expect(plans).toContainText('Erhvervsområde nord for Egedesvej');
  const link = plans.locator('a[href]');
  await expect(link).toHaveAttribute('href', 'https://dokument.plandata.dk/20_1088001_FORMAT_FIXTURE.pdf');
  await expect(link).toHaveAttribute('rel', /noopener/);
});

test('an address picked from the search goes into the link (q=, sel=) and comes back with its pin', async ({
  page,
}) => {
  // Nørregade 12A, 4600 Køge in the address fixture.
  const id = '0a3f50a0-1a1b-32b8-e044-0003ba298019';
  const point: [number, number] = [12.1839, 55.4579];
  const shows = () =>
    page.evaluate((p) => {
      const map = (window as unknown as RegisterWindow).__koegeMap;
      const b = map.getBounds();
      const inside = p[0] > b.getWest() && p[0] < b.getEast() && p[1] > b.getSouth() && p[1] < b.getNorth();
      return inside && map.getZoom() >= 14;
    }, point);
  const pin = page.getByTestId('search-pin');

  await page.goto(`${APP}/`);
  await expect(page.locator('html[data-map-ready="true"]')).toHaveCount(1, { timeout: 60_000 });
  await idle(page);
  expect(await shows()).toBe(false);
  const input = page.getByTestId('search-input');
  await input.focus();
  await page.keyboard.type('Nørregade 12');
  const option = page.getByTestId(`search-hit-address-${id}`);
  await expect(option).toBeVisible();
  const optionId = await option.getAttribute('id');
  for (let i = 0; i < 12 && (await input.getAttribute('aria-activedescendant')) !== optionId; i++) {
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await expect(pin).toBeVisible();
  await expect(pin).toHaveAttribute('aria-label', 'Nørregade 12A, 4600 Køge');
  await expect.poll(shows, { timeout: 10_000 }).toBe(true);
  await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe(`address:${id}`);
  expect(new URL(page.url()).searchParams.get('q')).toBe('Nørregade 12');

  // The link without its view: the pin comes back and the map is framed to it.
  const link = new URL(page.url());
  link.searchParams.delete('map');
  await page.goto(link.toString());
  await expect(page.locator('html[data-map-ready="true"]')).toHaveCount(1, { timeout: 60_000 });
  await expect(pin).toBeVisible();
  await expect(pin).toHaveAttribute('aria-label', 'Nørregade 12A, 4600 Køge');
  await expect.poll(shows, { timeout: 10_000 }).toBe(true);
  await expect(page.getByTestId('search-input')).toHaveValue('Nørregade 12');
  await page.screenshot({ path: 'test-results/screenshots/search-address-link.png' });

  // Emptying the box takes the pin and the selection away.
  await page.getByTestId('search-input').focus();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(pin).toHaveCount(0);
  await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBeNull();
  expect(new URL(page.url()).searchParams.get('q')).toBeNull();
});
