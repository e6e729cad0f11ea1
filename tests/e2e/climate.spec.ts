import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { FLOOD_COMPARE_FILL_LAYER_ID, FLOOD_FILL_LAYER_ID } from '../../client/src/map/ids';

const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

/** The part of the map these checks use; map.spec.ts declares its own view of `window.__koegeMap`. */
interface ClimateMap {
  loaded(): boolean;
  areTilesLoaded(): boolean;
  isMoving(): boolean;
  queryRenderedFeatures(options: { layers: string[] }): unknown[];
  getLayer(id: string): unknown;
}
type ClimateWindow = Window & { __koegeMap: ClimateMap };

interface AffectedAnswer {
  count: number;
  flooded_area_m2: number;
  sites: { id: string }[];
}

async function openClimate(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('html[data-map-ready="true"]')).toHaveCount(1, { timeout: 60_000 });
  await expect(page.getByTestId('climate-panel')).toBeVisible();
}

async function idle(page: Page) {
  await page.waitForFunction(() => {
    const m = (window as unknown as ClimateWindow).__koegeMap;
    return m.loaded() && m.areTilesLoaded() && !m.isMoving();
  });
}

/** How many features of a flood layer the map draws in the current view (0 before the layer exists). */
const rendered = (page: Page, layer: string) =>
  page.evaluate((id) => {
    const m = (window as unknown as ClimateWindow).__koegeMap;
    return m.getLayer(id) ? m.queryRenderedFeatures({ layers: [id] }).length : 0;
  }, layer);

/** Waits until the panel shows the flood of `level` and `dike`, fully loaded. */
async function shows(page: Page, level: string, dike: 'with' | 'without') {
  const summary = page.getByTestId('climate-summary');
  await expect(summary).toHaveAttribute('data-status', 'ready');
  await expect(summary).toHaveAttribute('data-level', level);
  await expect(summary).toHaveAttribute('data-dike', dike);
}

const listedIds = (page: Page) =>
  page.getByTestId('climate-affected-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-site-id')));

test('the slider and the dike change the flood, the list of what it reaches and the link', async ({
  page,
  request,
}) => {
  await openClimate(page, '/?tab=climate');
  await expect(page.getByRole('tab', { name: 'Klima' })).toHaveAttribute('aria-selected', 'true');
  await shows(page, '1.8', 'with');
  await expect(page).toHaveURL(/[?&]tab=climate&level=1\.8&dike=with(&|$)/);
  await expect(page.getByTestId('climate-terrain')).toContainText('illustrativ terrænmodel');
  await expect(page.getByTestId('climate-scenario-storm-2023')).toHaveAttribute('aria-pressed', 'true');

  // Three steps of 5 cm by keyboard: 1.80 → 1.95 m, asked for once after the slider rests.
  const slider = page.getByRole('slider', { name: 'Vandstand' });
  await slider.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('climate-level-value')).toHaveText('1,95 m DVR90');
  await expect(slider).toHaveAttribute('aria-valuetext', '1,95 m DVR90');
  await shows(page, '1.95', 'with');
  await expect(page).toHaveURL(/[?&]level=1\.95&dike=with(&|$)/);
  await expect(page.getByTestId('climate-scenario-storm-2023')).toHaveAttribute('aria-pressed', 'false');

  const withDike = (await (await request.get('/api/flood/affected?level=1.95&dike=with')).json()) as AffectedAnswer;
  await expect(page.getByTestId('climate-affected-count')).toHaveAttribute('data-count', String(withDike.count));
  await expect(page.getByTestId('climate-affected-item')).toHaveCount(withDike.sites.length);
  expect(await listedIds(page)).toEqual(withDike.sites.map((site) => site.id));

  const without = (await (await request.get('/api/flood/affected?level=1.95&dike=without')).json()) as AffectedAnswer;
  expect(without.flooded_area_m2).not.toBe(withDike.flooded_area_m2);
  await page.getByTestId('climate-dike-without').check();
  await shows(page, '1.95', 'without');
  await expect(page.getByTestId('climate-summary')).toHaveAttribute('data-area', String(without.flooded_area_m2));
  await expect(page.getByTestId('climate-affected-count')).toHaveAttribute('data-count', String(without.count));
  expect(await listedIds(page)).toEqual(without.sites.map((site) => site.id));
  await expect(page).toHaveURL(/[?&]level=1\.95&dike=without(&|$)/);
  await expect(page.getByTestId('dike-overtop')).toHaveAttribute('data-overtops', 'false');

  await idle(page);
  await expect.poll(() => rendered(page, FLOOD_FILL_LAYER_ID)).toBeGreaterThan(0);
  await page.screenshot({ path: `${SHOTS}/30-climate-1.95-without-dike.png` });

  await page.reload();
  await expect(page.locator('html[data-map-ready="true"]')).toHaveCount(1, { timeout: 60_000 });
  await shows(page, '1.95', 'without');
  await expect(page.getByTestId('climate-dike-without')).toBeChecked();
  await expect(page.getByTestId('climate-level-value')).toHaveText('1,95 m DVR90');
  await idle(page);
  await expect.poll(() => rendered(page, FLOOD_FILL_LAYER_ID)).toBeGreaterThan(0);

  // An item of the list selects its site, as a click on the map does.
  if (without.sites.length > 0) {
    const first = without.sites[0]!.id;
    await page.locator(`[data-testid="climate-affected-item"][data-site-id="${first}"] button`).click();
    await expect(page.getByTestId('site-panel')).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`[?&]site=${first}(&|$)`));
  }
});

test('named scenarios and sea-level rise set the level, and the dike line says when it is overtopped', async ({
  page,
}) => {
  await openClimate(page, '/?tab=climate');
  const rise = page.getByTestId('climate-rise');
  await page.getByTestId('climate-scenario-thousand-year-2115').click();
  await shows(page, '3.45', 'with');
  await expect(rise).toBeDisabled();
  await expect(page.getByTestId('dike-overtop')).toHaveAttribute('data-overtops', 'true');

  await page.getByTestId('climate-scenario-storm-2023').click();
  await expect(rise).toBeEnabled();
  await rise.selectOption('high-emissions');
  await shows(page, '2.3', 'with');
  await expect(page).toHaveURL(/[?&]level=2\.3(&|$)/);
  await expect(page.getByTestId('dike-overtop')).toHaveAttribute('data-overtops', 'false');

  // The chosen rise stays on another scenario: 2.8 + 0.5 m.
  await page.getByTestId('climate-scenario-dike-design-1872').click();
  await shows(page, '3.3', 'with');
  await expect(rise).toHaveValue('high-emissions');
  await expect(page.getByTestId('dike-overtop')).toHaveAttribute('data-overtops', 'true');
  await expect(page.getByTestId('dike-panel')).toContainText('koege.dk (Køge Dige)');
  await expect(page.getByTestId('dike-section')).toHaveCount(2);
});

test('two scenarios side by side: B under A on the map, each area and the difference in the legend', async ({
  page,
  request,
}) => {
  const a = (await (await request.get('/api/flood/affected?level=1.8&dike=with')).json()) as AffectedAnswer;
  const b = (await (await request.get('/api/flood/affected?level=3.45&dike=without')).json()) as AffectedAnswer;
  await openClimate(page, '/?tab=climate&level=1.8&dike=with&compare_to=3.45/without');
  await shows(page, '1.8', 'with');
  await expect(page.getByTestId('climate-compare-toggle')).toBeChecked();
  await expect(page.getByTestId('climate-compare-level')).toHaveValue('3.45');
  await expect(page.getByTestId('climate-compare-dike')).toHaveValue('without');
  const km2 = (m2: number) => `${(m2 / 1e6).toLocaleString('da-DK', { maximumFractionDigits: 2 })} km²`;
  await expect(page.getByTestId('climate-compare-a-area')).toHaveText(km2(a.flooded_area_m2));
  await expect(page.getByTestId('climate-compare-b-area')).toHaveText(km2(b.flooded_area_m2));
  await expect(page.getByTestId('climate-compare-difference')).toContainText(
    km2(b.flooded_area_m2 - a.flooded_area_m2),
  );
  await idle(page);
  await expect.poll(() => rendered(page, FLOOD_FILL_LAYER_ID)).toBeGreaterThan(0);
  await expect.poll(() => rendered(page, FLOOD_COMPARE_FILL_LAYER_ID)).toBeGreaterThan(0);
  await page.screenshot({ path: `${SHOTS}/31-climate-compare.png` });

  await page.getByTestId('climate-compare-toggle').uncheck();
  await expect(page).not.toHaveURL(/compare_to/);
  await idle(page);
  await expect.poll(() => rendered(page, FLOOD_COMPARE_FILL_LAYER_ID)).toBe(0);
  await expect.poll(() => rendered(page, FLOOD_FILL_LAYER_ID)).toBeGreaterThan(0);
});

/** The part of either map (`__koegeMap`, the swipe's `__koegeSwipeMap`) the swipe test uses. */
interface SwipeTestMap extends ClimateMap {
  queryRenderedFeatures(options: { layers: string[] }): { properties: Record<string, unknown> }[];
  getCenter(): { lng: number; lat: number };
  getZoom(): number;
  panBy(offset: [number, number], options: { duration: number }): void;
}
type SwipeHook = '__koegeMap' | '__koegeSwipeMap';
type SwipeWindow = Window & Partial<Record<SwipeHook, SwipeTestMap>>;

async function mapIdle(page: Page, hook: SwipeHook) {
  await page.waitForFunction((name) => {
    const m = (window as unknown as SwipeWindow)[name];
    return m !== undefined && m.loaded() && m.areTilesLoaded() && !m.isMoving();
  }, hook);
}

/** The scenarios ("3.45/without") whose flood a map draws in a layer, in the current view. */
const scenariosOn = (page: Page, hook: SwipeHook, layer: string) =>
  page.evaluate(
    ([name, id]) => {
      const m = (window as unknown as SwipeWindow)[name];
      if (m === undefined || !m.getLayer(id)) return [];
      const found = m
        .queryRenderedFeatures({ layers: [id] })
        .map((f) => `${String(f.properties.level_m)}/${String(f.properties.dike)}`);
      return [...new Set(found)];
    },
    [hook, layer] as const,
  );

const cameraOf = (page: Page, hook: SwipeHook) =>
  page.evaluate((name) => {
    const m = (window as unknown as SwipeWindow)[name]!;
    const { lng, lat } = m.getCenter();
    return { lng: Number(lng.toFixed(6)), lat: Number(lat.toFixed(6)), zoom: Number(m.getZoom().toFixed(4)) };
  }, hook);

test('swipe: scenario B on a second map right of a divider the keyboard moves, both cameras in step', async ({
  page,
}) => {
  await openClimate(page, '/?tab=climate&level=3.45&dike=without&compare_to=1.8/with&compare_view=swipe');
  await shows(page, '3.45', 'without');
  await expect(page.getByTestId('climate-compare-view-swipe')).toBeChecked();
  await expect(page.getByTestId('swipe-label-a')).toHaveText('A: 3,45 m uden diget');
  await expect(page.getByTestId('swipe-label-b')).toHaveText('B: 1,80 m med Køge Dige');
  await mapIdle(page, '__koegeMap');
  await mapIdle(page, '__koegeSwipeMap');

  // The main map draws A alone, the second map B alone.
  await expect.poll(() => scenariosOn(page, '__koegeSwipeMap', FLOOD_COMPARE_FILL_LAYER_ID)).toEqual(['1.8/with']);
  await expect.poll(() => scenariosOn(page, '__koegeMap', FLOOD_FILL_LAYER_ID)).toEqual(['3.45/without']);
  expect(await scenariosOn(page, '__koegeMap', FLOOD_COMPARE_FILL_LAYER_ID)).toEqual([]);
  expect(await scenariosOn(page, '__koegeSwipeMap', FLOOD_FILL_LAYER_ID)).toEqual([]);

  // The divider is a slider in the tab order after the map and its buttons.
  const divider = page.getByRole('slider', { name: 'Skillelinje mellem A og B' });
  const clip = () => page.getByTestId('swipe-map').evaluate((el) => getComputedStyle(el).clipPath);
  await expect(divider).toHaveAttribute('aria-valuenow', '50');
  expect(await clip()).toBe('inset(0px 0px 0px 50%)');
  await page.locator('.maplibregl-canvas').first().focus();
  for (let i = 0; i < 10 && !(await divider.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(divider).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(divider).toHaveAttribute('aria-valuenow', '40');
  expect(await clip()).toBe('inset(0px 0px 0px 40%)');
  await page.keyboard.press('End');
  await expect(divider).toHaveAttribute('aria-valuenow', '100');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect(divider).toHaveAttribute('aria-valuenow', '5');
  expect(await clip()).toBe('inset(0px 0px 0px 5%)');

  // A pointer drags it to three quarters of the map's width.
  const frame = (await page.getByTestId('swipe-compare').boundingBox())!;
  const handle = (await divider.boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(frame.x + frame.width * 0.75, handle.y + handle.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(divider).toHaveAttribute('aria-valuenow', '75');
  expect(await clip()).toBe('inset(0px 0px 0px 75%)');
  await page.screenshot({ path: `${SHOTS}/32-climate-swipe.png` });

  // Panning either map moves the other to the same camera.
  const start = await cameraOf(page, '__koegeSwipeMap');
  await page.evaluate(() => (window as unknown as SwipeWindow).__koegeMap!.panBy([200, 120], { duration: 0 }));
  const moved = await cameraOf(page, '__koegeMap');
  expect(moved).not.toEqual(start);
  expect(await cameraOf(page, '__koegeSwipeMap')).toEqual(moved);
  await page.evaluate(() => (window as unknown as SwipeWindow).__koegeSwipeMap!.panBy([-80, 40], { duration: 0 }));
  const back = await cameraOf(page, '__koegeSwipeMap');
  expect(back).not.toEqual(moved);
  expect(await cameraOf(page, '__koegeMap')).toEqual(back);

  // Back to the overlay: the second map goes, B is under A on the one map again, and the link says so.
  await page.getByTestId('climate-compare-view-overlay').check();
  await expect(page.getByTestId('swipe-compare')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as SwipeWindow).__koegeSwipeMap === undefined)).toBe(true);
  await expect(page).not.toHaveURL(/compare_view/);
  await mapIdle(page, '__koegeMap');
  await expect.poll(() => scenariosOn(page, '__koegeMap', FLOOD_COMPARE_FILL_LAYER_ID)).toEqual(['1.8/with']);
});

test('hand-edited climate parameters are ignored and reported', async ({ page }) => {
  await openClimate(page, '/?tab=climate&level=9&dike=maybe&compare_to=x');
  await expect(page.getByTestId('climate-ignored')).toBeVisible();
  await shows(page, '1.8', 'with');
  await expect(page).toHaveURL(/[?&]tab=climate&level=1\.8&dike=with$/);
  await expect(page.getByTestId('climate-compare-toggle')).not.toBeChecked();
});

test('the finder’s flood and the climate view’s do not mix: the open tab decides', async ({ page }) => {
  await openClimate(page, '/?tab=climate&level=3.45&dike=without&outside_flood=1.57');
  await shows(page, '3.45', 'without');
  await page.getByRole('tab', { name: 'Find grund' }).click();
  await expect(page.getByTestId('finder-flood-summary')).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('finder-flood-summary')).toContainText('1,57 m');
  await page.getByRole('tab', { name: 'Lag' }).click();
  await idle(page);
  await expect.poll(() => rendered(page, FLOOD_FILL_LAYER_ID)).toBe(0);
});
