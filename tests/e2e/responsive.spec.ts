import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { Layer } from '@shared/schemas/layer';
import type { PlotList } from '@shared/schemas/plot';
import type { FeatureCollection } from '@shared/schemas/site';
import { DIKE_LAYER_ID } from '../../client/src/map/ids';

// Issue #20: phones, tablets and desktops; the map answers every action. Screenshots go to test-results/.
const SHOTS = 'test-results/responsive';
mkdirSync(SHOTS, { recursive: true });

type Bbox = [number, number, number, number];

/** The part of the map these tests read; other specs declare their own view of `window.__koegeMap`. */
interface ResponsiveMap {
  project(lngLat: [number, number]): { x: number; y: number };
  getPadding(): { top: number; right: number; bottom: number; left: number };
  getZoom(): number;
  getContainer(): HTMLElement;
  isMoving(): boolean;
}
type ResponsiveWindow = Window & { __koegeMap: ResponsiveMap };

/** The widths the issue names; all but the desktop are touch screens. */
const WIDTHS = [
  { width: 320, height: 640, touch: true },
  { width: 390, height: 844, touch: true },
  { width: 768, height: 1024, touch: true },
  { width: 1024, height: 768, touch: true },
  { width: 1440, height: 900, touch: false },
] as const;

async function open(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('html[data-map-ready="true"]')).toHaveCount(1, { timeout: 60_000 });
}

/**
 * Where a bbox lies against the part of the map that panels leave visible, once the camera is at rest: 'inside'
 * when all of it is in view. Measured in the page from the map's own projection and padding.
 */
async function bboxPlacement(page: Page, bbox: Bbox): Promise<string> {
  return page.evaluate((b) => {
    const map = (window as unknown as ResponsiveWindow).__koegeMap;
    if (map.isMoving()) return 'moving';
    const pad = map.getPadding();
    const { clientWidth, clientHeight } = map.getContainer();
    const sw = map.project([b[0], b[1]]);
    const ne = map.project([b[2], b[3]]);
    const inside =
      sw.x >= pad.left - 1 &&
      ne.x <= clientWidth - pad.right + 1 &&
      ne.y >= pad.top - 1 &&
      sw.y <= clientHeight - pad.bottom + 1;
    return inside
      ? 'inside'
      : `outside: sw ${sw.x.toFixed(0)},${sw.y.toFixed(0)} ne ${ne.x.toFixed(0)},${ne.y.toFixed(0)}`;
  }, bbox);
}

const zoomOf = (page: Page) => page.evaluate(() => (window as unknown as ResponsiveWindow).__koegeMap.getZoom());

/** Every plot's bbox, from the API (sold and withdrawn too). */
async function plotBboxes(page: Page): Promise<Map<string, Bbox>> {
  const all = (await (await page.request.get('/api/plots')).json()) as PlotList;
  return new Map(all.plots.map((plot) => [plot.id, plot.bbox as Bbox]));
}

for (const { width, height, touch } of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height }, hasTouch: touch, isMobile: touch });

    test('no sideways scrolling, no overlapping header, touch-sized buttons, the open plot in view', async ({
      page,
    }) => {
      await open(page, '/?tab=finder');
      await expect(page.getByTestId('finder-item').first()).toBeVisible();

      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      // Every tab's name stays on one line ("Find grund" wrapped before, issue #20).
      const tabLines = await page.getByRole('tab').evaluateAll((tabs) =>
        tabs.map((tab) => {
          const range = document.createRange();
          range.selectNodeContents(tab);
          return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
        }),
      );
      expect(tabLines).toEqual(tabLines.map(() => 1));

      // The header's visible controls and title do not overlap one another.
      const boxes = await page
        .locator('.app-header__titles, .search-box, .app-header > button, .app-header__actions > *')
        .evaluateAll((elements) =>
          elements
            .map((element) => element.getBoundingClientRect())
            .filter((rect) => rect.width > 1 && rect.height > 1)
            .map((rect) => ({ left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom })),
        );
      expect(boxes.length).toBeGreaterThanOrEqual(2);
      for (const [i, a] of boxes.entries()) {
        for (const b of boxes.slice(i + 1)) {
          const overlap =
            a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
          expect(overlap, `header boxes ${JSON.stringify(a)} and ${JSON.stringify(b)} overlap`).toBe(false);
        }
      }
      for (const box of boxes) expect(box.right).toBeLessThanOrEqual(width);

      if (touch) {
        // Every button on screen (and in the sheet's scrolled content) is at least 44 × 44 px.
        const small = await page.locator('button, [role="button"], a.button').evaluateAll((elements) =>
          elements
            .filter((element) => element.getClientRects().length > 0)
            .map((element) => ({ element, rect: element.getBoundingClientRect() }))
            .filter(({ rect }) => rect.width < 44 || rect.height < 44)
            .map(({ element, rect }) => `${element.outerHTML.slice(0, 80)} ${rect.width}×${rect.height}`),
        );
        expect(small).toEqual([]);
      }

      // On phones and tablets the results come before the long form.
      const resultsTop = (await page.locator('#finder-results-heading').boundingBox())?.y ?? NaN;
      const formTop = (await page.getByTestId('finder-form').boundingBox())?.y ?? NaN;
      if (width <= 1024) expect(resultsTop).toBeLessThan(formTop);
      else expect(resultsTop).toBeGreaterThan(formTop);

      // Open the largest available plot from the results.
      await page.getByTestId('finder-item').first().locator('button').first().click();
      await expect(page.getByTestId('site-panel')).toBeVisible();
      const openedId = await page.evaluate(() => new URL(location.href).searchParams.get('site'));
      expect(openedId).not.toBeNull();
      const bbox = (await plotBboxes(page)).get(openedId ?? '');
      expect(bbox).toBeDefined();
      await expect.poll(() => bboxPlacement(page, bbox as Bbox), { timeout: 10_000 }).toBe('inside');
      expect(await zoomOf(page)).toBeLessThanOrEqual(15.0001);
      // Its nearest station and motorway junction are in the frame too when they lie within 1.5 km: so they do for
      // the largest available plot of the seed (kn-14: 1.27 km to Køge Nord Station, 0.86 km to the junction).
      const opened = ((await (await page.request.get('/api/plots')).json()) as PlotList).plots.find(
        (p) => p.id === openedId,
      );
      for (const [layer, nearest] of [
        ['stations', opened?.nearest_station],
        ['motorway-junctions', opened?.nearest_junction],
      ] as const) {
        const points = (await (await page.request.get(`/api/layers/${layer}/features`)).json()) as FeatureCollection;
        const point = points.features.find((f) => f.properties.id === nearest?.id)?.geometry;
        expect(nearest?.distance_m).toBeLessThanOrEqual(1500);
        expect(point?.type).toBe('Point');
        const [lon, lat] = point?.type === 'Point' ? (point.coordinates as [number, number]) : [0, 0];
        expect(await bboxPlacement(page, [lon, lat, lon, lat]), layer).toBe('inside');
      }

      if (width < 700) {
        // On a phone the map keeps at least 40 % of the screen beside the open plot.
        const visible = await page.evaluate(() => {
          const map = (window as unknown as ResponsiveWindow).__koegeMap;
          const rect = map.getContainer().getBoundingClientRect();
          const pad = map.getPadding();
          return (rect.height - pad.top - pad.bottom) / window.innerHeight;
        });
        expect(visible).toBeGreaterThanOrEqual(0.4);
        const sheet = await page.getByTestId('panel-sheet').boundingBox();
        const padding = await page.evaluate(() => (window as unknown as ResponsiveWindow).__koegeMap.getPadding());
        expect(Math.abs(padding.bottom - (sheet?.height ?? 0))).toBeLessThanOrEqual(1);
      }
      await page.screenshot({ path: `${SHOTS}/plot-${width}.png` });
    });
  });
}

test.describe('the map answers', () => {
  for (const { width, height, touch } of [WIDTHS[1], WIDTHS[4]]) {
    test.describe(`at ${width} px`, () => {
      test.use({ viewport: { width, height }, hasTouch: touch, isMobile: touch });

      test('a finder change frames every matching plot', async ({ page }) => {
        await open(page, '/?tab=finder');
        const before = await page.getByTestId('finder-count').textContent();
        await page.getByTestId('finder-min-area').fill('2');
        await page.getByTestId('finder-flood-level').selectOption('1.57');
        await expect(page.getByTestId('finder-count')).not.toHaveText(before ?? '');
        await expect(page.getByTestId('finder-flood-summary')).toHaveAttribute('data-status', 'ready');
        const ids = await page
          .getByTestId('finder-item')
          .evaluateAll((items) => items.map((item) => item.getAttribute('data-plot-id') ?? ''));
        expect(ids.length).toBeGreaterThan(1);
        const bboxes = await plotBboxes(page);
        for (const id of ids) {
          await expect.poll(() => bboxPlacement(page, bboxes.get(id) as Bbox), { timeout: 10_000 }).toBe('inside');
        }
        expect(await zoomOf(page)).toBeLessThanOrEqual(15.0001);
        await page.screenshot({ path: `${SHOTS}/finder-${width}.png` });
      });

      test('the climate tab brings the dike into view', async ({ page }) => {
        await open(page, '/?map=16/55.40/12.05');
        const layers = (await (await page.request.get('/api/layers')).json()) as { layers: Layer[] };
        const dike = layers.layers.find((layer) => layer.id === DIKE_LAYER_ID)?.bbox as Bbox;
        expect(dike).toBeTruthy();
        expect(await bboxPlacement(page, dike)).not.toBe('inside');
        await page.getByRole('tab', { name: /Klima/ }).click();
        await expect.poll(() => bboxPlacement(page, dike), { timeout: 10_000 }).toBe('inside');
      });
    });
  }
});

test.describe('the bottom sheet', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  /** A finger on the sheet's handle, moved to `toY` in steps, through Chromium's touch input. */
  async function dragHandle(page: Page, toY: number) {
    const handle = await page.getByTestId('sheet-handle').boundingBox();
    if (!handle) throw new Error('no sheet handle');
    const x = handle.x + handle.width / 2;
    const fromY = handle.y + handle.height / 2;
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', y: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1 }],
      });
    await touch('touchStart', fromY);
    const steps = 12;
    for (let i = 1; i <= steps; i += 1) {
      await touch('touchMove', fromY + ((toY - fromY) * i) / steps);
      await page.waitForTimeout(30);
    }
    await touch('touchEnd', toY);
    await cdp.detach();
  }

  test('drags to each snap point by touch, and the map padding follows', async ({ page }) => {
    await open(page, '/?tab=layers');
    const sheet = page.getByTestId('panel-sheet');
    await expect(sheet).toHaveAttribute('data-snap', 'half');
    const padding = () => page.evaluate(() => (window as unknown as ResponsiveWindow).__koegeMap.getPadding().bottom);
    for (const [snap, y] of [
      ['full', 60],
      ['peek', 800],
      ['half', 470],
    ] as const) {
      await dragHandle(page, y);
      await expect(sheet).toHaveAttribute('data-snap', snap);
      const box = await sheet.boundingBox();
      await expect.poll(padding).toBeCloseTo(box?.height ?? -1, 0);
      await page.screenshot({ path: `${SHOTS}/sheet-${snap}.png` });
    }
  });

  test('the phone header folds its controls into a menu', async ({ page }) => {
    await open(page, '/');
    await expect(page.getByTestId('lang-switch')).toBeHidden();
    await page.getByTestId('header-menu-toggle').click();
    await expect(page.getByTestId('lang-switch')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('lang-switch')).toBeHidden();
  });
});

test('skip links lead past the panels to the map and the results', async ({ page }) => {
  await open(page, '/');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('skip-map')).toBeFocused();
  await expect(page.getByTestId('skip-map')).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('#map canvas')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.goto('/');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('skip-results')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#finder-results-heading')).toBeFocused();
});
