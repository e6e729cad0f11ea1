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
