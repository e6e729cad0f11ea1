import { expect, test, type Page } from '@playwright/test';

// Issue #16: the default map is a real map: official boundaries, and names of towns, neighbours, stations, roads,
// plots and the dike, written from the app's own fonts with no request leaving the machine.
type Rendered = { properties: Record<string, unknown>; layer: { id: string; type: string } };
type LabelMap = {
  queryRenderedFeatures(geometry?: unknown, options?: { layers?: string[] }): Rendered[];
  getStyle(): { layers: { id: string; type: string }[]; glyphs?: string };
  jumpTo(o: { center: [number, number]; zoom: number }): void;
  loaded(): boolean;
  areTilesLoaded(): boolean;
  isMoving(): boolean;
};

async function idle(page: Page) {
  await page.waitForFunction(() => {
    const m = (window as unknown as { __koegeMap: LabelMap }).__koegeMap;
    return m.loaded() && m.areTilesLoaded() && !m.isMoving();
  });
}

/** The texts MapLibre has placed (collision passed) on screen now, from its symbol layers. */
const writtenNames = (page: Page) =>
  page.evaluate(() => {
    const map = (window as unknown as { __koegeMap: LabelMap }).__koegeMap;
    const symbols = map
      .getStyle()
      .layers.filter((l) => l.type === 'symbol')
      .map((l) => l.id);
    return [
      ...new Set(
        map
          .queryRenderedFeatures(undefined, { layers: symbols })
          .map((f) => String(f.properties.label ?? f.properties.name)),
      ),
    ];
  });

async function showAt(page: Page, center: [number, number], zoom: number) {
  await page.evaluate(
    ([c, z]) =>
      (window as unknown as { __koegeMap: LabelMap }).__koegeMap.jumpTo({
        center: c as [number, number],
        zoom: z as number,
      }),
    [center, zoom],
  );
  await page.waitForTimeout(300);
  await idle(page);
}

test('the default map writes towns, neighbours, stations, roads, plots and the dike from its own glyphs', async ({
  page,
}) => {
  const offsite: string[] = [];
  const glyphRequests: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!/^(http:\/\/127\.0\.0\.1[:/]|blob:|data:)/.test(url)) offsite.push(url);
    if (url.includes('/glyphs/')) glyphRequests.push(decodeURIComponent(new URL(url).pathname));
  });
  await page.goto('/');
  await expect(page.locator('html[data-map-ready="true"]')).toHaveCount(1, { timeout: 60_000 });
  await idle(page);

  // The municipality overview: towns (with æ and ø), the neighbours' names and the motorway numbers.
  const overview = await writtenNames(page);
  expect(overview).toEqual(expect.arrayContaining(['Køge', 'Herfølge', 'Borup', 'Bjæverskov', 'Lille Skensved']));
  expect(overview).toContain('E20');
  // Most neighbours' names (a few give way to town names where they would overlap).
  expect(overview.filter((name) => / Kommune$/.test(name)).length).toBeGreaterThanOrEqual(4);
  // Villages wait for a closer view: the overview is not crowded.
  expect(overview).not.toContain('Ølsemagle');

  // Køge Nord at zoom 12.5: the villages, the stations and the dike by name.
  await showAt(page, [12.175, 55.485], 12.5);
  expect(await writtenNames(page)).toEqual(
    expect.arrayContaining(['Ølsemagle', 'Ølby', 'Køge Nord Station', 'Ølby Station', 'Køge Dige']),
  );

  // The plots by number at zoom 15.
  await showAt(page, [12.152, 55.4975], 15);
  const plots = (await writtenNames(page)).filter((name) => /^KN-\d\d$/.test(name));
  expect(plots.length).toBeGreaterThanOrEqual(3);

  // Every glyph came from the app: Noto Sans, Latin-1 (æ, ø, å) and more.
  expect(glyphRequests.length).toBeGreaterThan(0);
  for (const path of glyphRequests) expect(path).toMatch(/^\/glyphs\/Noto Sans (Regular|Medium|Italic)\/\d+-\d+\.pbf$/);
  expect(glyphRequests).toContain('/glyphs/Noto Sans Medium/0-255.pbf');
  // The fonts' first range is preloaded beside the first API answers, and MapLibre takes those answers instead
  // of asking again: each file is fetched once.
  expect(glyphRequests.filter((path) => path.endsWith('/0-255.pbf')).sort()).toEqual(
    ['Italic', 'Medium', 'Regular'].map((weight) => `/glyphs/Noto Sans ${weight}/0-255.pbf`),
  );
  expect(offsite, 'no request may leave the machine').toEqual([]);

  // The locator: Køge Kommune among its neighbours, the frame small now that the map shows a few plots.
  const locator = page.locator('.map-locator svg');
  await expect(locator).toBeVisible();
  await expect(locator).toHaveAttribute('aria-label', /Køge Kommune/);
  // Its name follows the language switch, and back.
  await page.getByTestId('lang-switch').click();
  await expect(locator).toHaveAttribute('aria-label', /Køge Municipality/);
  await page.getByTestId('lang-switch').click();
  await expect(locator).toHaveAttribute('aria-label', /Køge Kommune/);
  const frame = Number(await page.locator('.map-locator__frame').getAttribute('width'));
  expect(frame).toBeGreaterThan(0);
  expect(frame).toBeLessThan(10);

  // A scale bar, and an attribution that names the official data.
  await expect(page.locator('.maplibregl-ctrl-scale')).toBeVisible();
  await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('DAGI');

  // One switch takes every name off the map (and into the link), and puts them back.
  await page.getByTestId('layer-toggle-labels').uncheck();
  await idle(page);
  expect(await writtenNames(page)).toEqual([]);
  expect(page.url()).toContain('off=labels');
  await page.getByTestId('layer-toggle-labels').check();
  await idle(page);
  expect((await writtenNames(page)).length).toBeGreaterThan(0);
});

test('the map goes idle in the frame that writes its last names, not a frame later', async ({ page }) => {
  // Each frame the map draws, and whether anything (a tile, a source's data) arrived since the one before. A frame
  // without news redraws the same picture: after names arrive, MapLibre draws one (settlePlacementInOneFrame).
  await page.addInitScript(() => {
    type Hooked = { on(type: string, listener: () => void): void; once(type: string, listener: () => void): void };
    const w = window as unknown as { __frames?: number[]; __koegeMap?: Hooked };
    const news: number[] = [];
    let since = 0;
    let map: Hooked | undefined;
    // The frames up to the moment the map reports ready (its first idle with every layer on).
    new MutationObserver(() => {
      if (w.__frames === undefined && document.documentElement.dataset.mapReady === 'true') w.__frames = [...news];
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-map-ready'] });
    Object.defineProperty(w, '__koegeMap', {
      configurable: true,
      get: () => map,
      set: (value: Hooked) => {
        map = value;
        value.on('data', () => void since++);
        value.on('render', () => {
          news.push(since);
          since = 0;
        });
      },
    });
  });
  const featureRequests: string[] = [];
  page.on('request', (r) => {
    if (/\/api\/layers\/[^/]+\/features$/.test(r.url())) featureRequests.push(new URL(r.url()).pathname);
  });
  await page.goto('/');
  await expect(page.locator('html[data-map-ready="true"]')).toHaveCount(1, { timeout: 60_000 });
  const frames = await page.evaluate(() => (window as unknown as { __frames?: number[] }).__frames ?? []);
  // The point layers' features come from the page's preloads, which the app takes: each is fetched once.
  const preloaded = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="fetch"]')]
      .map((link) => new URL(link.href).pathname)
      .filter((path) => path.endsWith('/features')),
  );
  expect(preloaded.length).toBeGreaterThan(0);
  for (const path of preloaded)
    expect(
      featureRequests.filter((p) => p === path),
      path,
    ).toHaveLength(1);
  expect(featureRequests.length).toBe(new Set(featureRequests).size);
  expect((await writtenNames(page)).length).toBeGreaterThan(0);
  expect(frames.length).toBeGreaterThan(1);
  expect(frames.at(-1), `news in each frame up to ready: ${frames.join(' ')}`).toBeGreaterThan(0);
});

test('the label fonts are read as the map starts, also one that no name in view needs yet', async ({ page }) => {
  // Chrome warns of a preload the page leaves unused; MapLibre takes a font's file only when it reads that font.
  const unused: string[] = [];
  page.on('console', (message) => {
    if (/preloaded .*not used/i.test(message.text())) unused.push(message.text());
  });
  // The neighbours' names, the only ones in italics, are off: the italic font is read all the same.
  await page.goto('/?off=municipality-names');
  await expect(page.locator('html[data-map-ready="true"]')).toHaveCount(1, { timeout: 60_000 });
  expect((await writtenNames(page)).length).toBeGreaterThan(0);
  await page.waitForTimeout(4_000);
  expect(unused).toEqual([]);
});

test('the first load is painted in steps a quarter second apart; what follows is painted at once', async ({ page }) => {
  // Each frame MapLibre renders, whether it was painted (WebGL cleared for it) and whether the view was complete.
  await page.addInitScript(() => {
    type Frame = { at: number; painted: boolean; complete: boolean; ready: boolean };
    type Hooked = LabelMapForInit & { getCanvas(): HTMLCanvasElement };
    type LabelMapForInit = {
      on(type: string, listener: () => void): void;
      areTilesLoaded(): boolean;
      isMoving(): boolean;
    };
    const w = window as unknown as { __paints?: Frame[]; __koegeMap?: Hooked };
    const frames: Frame[] = [];
    w.__paints = frames;
    let map: Hooked | undefined;
    Object.defineProperty(w, '__koegeMap', {
      configurable: true,
      get: () => map,
      set: (value: Hooked) => {
        map = value;
        const canvas = value.getCanvas();
        const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
        if (gl === null) throw new Error('no WebGL context on the map canvas');
        let clears = 0;
        const clear = gl.clear.bind(gl);
        gl.clear = (mask: number) => {
          clears++;
          clear(mask);
        };
        value.on('render', () => {
          frames.push({
            at: performance.now(),
            painted: clears > 0,
            complete: value.areTilesLoaded() || value.isMoving(),
            ready: document.documentElement.dataset.mapReady === 'true',
          });
          clears = 0;
        });
      },
    });
  });
  type Frame = { at: number; painted: boolean; complete: boolean; ready: boolean };
  const framesOf = (p: Page) => p.evaluate(() => (window as unknown as { __paints: Frame[] }).__paints.slice());
  await page.goto('/?map=14/55.4975/12.158');
  await expect(page.locator('html[data-map-ready="true"]')).toHaveCount(1, { timeout: 60_000 });
  const load = (await framesOf(page)).filter((f) => !f.ready);
  const painted = load.filter((f) => f.painted);
  const shown = load.map((f) => `${Math.round(f.at)}${f.painted ? 'P' : '-'}${f.complete ? 'C' : ''}`).join(' ');
  // Frames were held while tiles came in, and the last one, with every tile, was painted.
  expect(
    load.some((f) => !f.painted),
    shown,
  ).toBe(true);
  expect(load.at(-1)?.painted, shown).toBe(true);
  expect(load.at(-1)?.complete, shown).toBe(true);
  // Paints of an incomplete view are at least the interval (250 ms, less what a paint's own length varies) apart.
  for (let i = 1; i < painted.length; i++) {
    if (!painted[i]!.complete) expect(painted[i]!.at - painted[i - 1]!.at, shown).toBeGreaterThan(200);
  }
  // Once ready, the map paints every frame: names switched off and on again reload tiles, and nothing is held.
  const before = (await framesOf(page)).length;
  await page.getByTestId('layer-toggle-labels').uncheck();
  await idle(page);
  await page.getByTestId('layer-toggle-labels').check();
  await idle(page);
  const later = (await framesOf(page)).slice(before);
  expect(later.length).toBeGreaterThan(1);
  expect(later.filter((f) => !f.painted)).toEqual([]);
});
