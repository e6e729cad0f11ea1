import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { SearchResult } from '@shared/schemas/search';

const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

type MapHandle = {
  getBounds(): { getWest(): number; getSouth(): number; getEast(): number; getNorth(): number };
  getZoom(): number;
  loaded(): boolean;
  areTilesLoaded(): boolean;
  isMoving(): boolean;
};
// window.__koegeMap is the app's map; another spec declares it globally with a type of its own, so it is cast here.

async function openMap(page: Page, path = '/') {
  await page.goto(path);
  await expect(page.locator('html[data-map-ready="true"]')).toHaveCount(1, { timeout: 60_000 });
}

async function idle(page: Page) {
  await page.waitForFunction(() => {
    const m = (window as unknown as { __koegeMap: MapHandle }).__koegeMap;
    return m.loaded() && m.areTilesLoaded() && !m.isMoving();
  });
}

const mapView = (page: Page) =>
  page.evaluate(() => {
    const m = (window as unknown as { __koegeMap: MapHandle }).__koegeMap;
    const b = m.getBounds();
    return { w: b.getWest(), s: b.getSouth(), e: b.getEast(), n: b.getNorth(), zoom: m.getZoom() };
  });

/** The view holds `bbox` (EPSG:4326) and is closer than before. */
async function expectFittedTo(page: Page, bbox: [number, number, number, number], zoomBefore: number) {
  await page.waitForFunction(() => !(window as unknown as { __koegeMap: MapHandle }).__koegeMap.isMoving());
  await idle(page);
  const view = await mapView(page);
  const [w, s, e, n] = bbox;
  expect(view.w).toBeLessThanOrEqual(w);
  expect(view.e).toBeGreaterThanOrEqual(e);
  expect(view.s).toBeLessThanOrEqual(s);
  expect(view.n).toBeGreaterThanOrEqual(n);
  expect(view.zoom).toBeGreaterThan(zoomBefore);
}

test('types a name with a typo-free prefix, picks the hit with the keyboard, and the map fits to it', async ({
  page,
  request,
}) => {
  const expected = (await (await request.get('/api/search?q=Bellingepark')).json()) as SearchResult;
  const park = expected.hits.find((h) => h.id === 'bellingeparken')!;
  expect(park.bbox).not.toBeNull();
  await openMap(page);
  await idle(page);
  const zoomBefore = (await mapView(page)).zoom;

  const input = page.getByTestId('search-input');
  await input.focus();
  await page.keyboard.type('Bellingepark');
  const option = page.getByTestId('search-hit-site-bellingeparken');
  await expect(option).toBeVisible();
  await expect(input).toHaveAttribute('aria-expanded', 'true');
  // The hits are grouped under their type's heading.
  await expect(page.getByRole('group', { name: /Områder|Areas/ })).toContainText('Bellingeparken');

  await page.keyboard.press('ArrowDown');
  const first = await page.getByRole('option').first().getAttribute('id');
  await expect(input).toHaveAttribute('aria-activedescendant', first!);
  await expect(page.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  const activeId = await option.getAttribute('id');
  // Move to the park's own option if another hit ranks first.
  for (let i = 0; i < 12 && (await input.getAttribute('aria-activedescendant')) !== activeId; i++) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(input).toHaveAttribute('aria-activedescendant', activeId!);
  await page.keyboard.press('Enter');

  await expect(input).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('site-panel')).toContainText('Bellingeparken');
  await expectFittedTo(page, park.bbox!, zoomBefore);
  await expect(page).toHaveURL(/[?&]q=Bellingepark(&|$)/);
  await expect(page).toHaveURL(/[?&]site=bellingeparken(&|$)/);
  await page.screenshot({ path: `${SHOTS}/search-01-bellingeparken.png` });
});

test('Enter opens the best hit: action 3.6 by its number, in the policy tab, with the map on its sites', async ({
  page,
  request,
}) => {
  const expected = (await (await request.get('/api/search?q=3.6')).json()) as SearchResult;
  expect(expected.hits[0]).toMatchObject({ type: 'action', id: '3.6' });
  await openMap(page);
  await idle(page);
  const zoomBefore = (await mapView(page)).zoom;
  const input = page.getByTestId('search-input');
  await input.fill('3.6');
  await expect(page.getByTestId('search-hit-action-3.6')).toBeVisible();
  await input.press('Enter');
  await expect(page.getByTestId('policy-panel')).toBeVisible();
  await expectFittedTo(page, expected.hits[0]!.bbox!, zoomBefore);
  await expect(page).toHaveURL(/[?&]action=3\.6(&|$)/);
  await expect(page).toHaveURL(/[?&]q=3\.6(&|$)/);
});

test('Esc closes the list, a second Esc empties the box; "Koege" finds Køge', async ({ page }) => {
  await openMap(page);
  const input = page.getByTestId('search-input');
  await input.fill('Koege');
  await expect(page.getByTestId('search-hit-place-by-koege')).toBeVisible();
  await input.press('Escape');
  await expect(input).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('search-results')).toBeHidden();
  await input.press('Escape');
  await expect(input).toHaveValue('');
});

test.describe('on a phone (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the header’s search box: type, pick with the keyboard, and the map fits to the hit above the sheet', async ({
    page,
    request,
  }) => {
    const expected = (await (await request.get('/api/search?q=Bellingepark')).json()) as SearchResult;
    const park = expected.hits.find((h) => h.id === 'bellingeparken')!;
    await openMap(page);
    await idle(page);
    const zoomBefore = (await mapView(page)).zoom;
    const input = page.getByTestId('search-input');
    // In the header, in view, wide enough to read what is typed.
    await expect(page.locator('header').getByTestId('search-input')).toBeInViewport();
    expect((await input.boundingBox())!.width).toBeGreaterThanOrEqual(150);
    await input.tap();
    await page.keyboard.type('Bellingepark');
    const option = page.getByTestId('search-hit-site-bellingeparken');
    await expect(option).toBeInViewport();
    const activeId = await option.getAttribute('id');
    for (let i = 0; i < 12 && (await input.getAttribute('aria-activedescendant')) !== activeId; i++) {
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('site-panel')).toContainText('Bellingeparken');
    await expect(page).toHaveURL(/[?&]site=bellingeparken(&|$)/);
    // Fitted into the part of the map that the sheet leaves: the map's padding is the sheet.
    await expect
      .poll(
        () =>
          page.evaluate((b) => {
            type Padded = MapHandle & {
              isMoving(): boolean;
              getPadding(): { top: number; right: number; bottom: number; left: number };
              project(p: [number, number]): { x: number; y: number };
              getContainer(): HTMLElement;
            };
            const m = (window as unknown as { __koegeMap: Padded }).__koegeMap;
            if (m.isMoving()) return 'moving';
            const pad = m.getPadding();
            const { clientWidth, clientHeight } = m.getContainer();
            const sw = m.project([b[0], b[1]]);
            const ne = m.project([b[2], b[3]]);
            return sw.x >= pad.left - 1 &&
              ne.x <= clientWidth - pad.right + 1 &&
              ne.y >= pad.top - 1 &&
              sw.y <= clientHeight - pad.bottom + 1
              ? 'inside'
              : `outside: ${JSON.stringify({ sw, ne, pad })}`;
          }, park.bbox!),
        { timeout: 10_000 },
      )
      .toBe('inside');
    expect((await mapView(page)).zoom).toBeGreaterThan(zoomBefore);
    await page.screenshot({ path: `${SHOTS}/search-02-phone.png` });
  });
});
