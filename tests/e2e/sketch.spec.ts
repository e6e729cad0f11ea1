import { mkdirSync, readFileSync } from 'node:fs';
import { area } from '@turf/area';
import { expect, test, type APIRequestContext, type Page, type Response } from '@playwright/test';
import type { Position } from 'geojson';
import type { SketchCollection, SketchFeature } from '../../client/src/features/sketches/SketchTypes';
import proj4 from 'proj4';
import { E2E_PLANNER } from './plannerAccount';

const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

// DESIGN.md: the live measure agrees with PostGIS's EPSG:25832 area within 0.5 %.
const TOLERANCE = 0.005;

type Point = { x: number; y: number };
type Projecting = {
  unproject(point: [number, number]): { lng: number; lat: number };
  project(lngLat: [number, number]): Point;
};
type MapWindow = { __koegeMap: Projecting };

/** EPSG:25832 (full proj4 here, not the app's trimmed build, so the check is independent of it). */
const toUtm = proj4('EPSG:4326', '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs');

/** EPSG:25832 planar area (m²) of a closed lon/lat ring: PostGIS's ST_Area there, computed independently. */
function utmArea(ring: readonly Position[]): number {
  const p = ring.map((position) => toUtm.forward([position[0]!, position[1]!]));
  let twice = 0;
  for (let i = 0; i + 1 < p.length; i += 1) twice += p[i]![0]! * p[i + 1]![1]! - p[i + 1]![0]! * p[i]![1]!;
  return Math.abs(twice) / 2;
}

const relative = (value: number, reference: number) => Math.abs(value / reference - 1);

/** The live area the sketch panel shows (m², from the map's measure). */
async function panelArea(page: Page): Promise<number> {
  return Number(await page.getByTestId('sketch-measure').getAttribute('data-area-m2'));
}

/** Logs in through the header (see workflow.spec.ts). */
async function logIn(page: Page) {
  await page.getByRole('button', { name: 'Log ind' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('E-mail').fill(E2E_PLANNER.email);
  await dialog.getByLabel('Adgangskode').fill(E2E_PLANNER.password);
  await dialog.getByTestId('login-submit').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('account-user')).toContainText(E2E_PLANNER.name);
}

/** The map canvas's top-left corner on the page. */
async function canvasOrigin(page: Page): Promise<Point> {
  const box = await page.locator('.map canvas').boundingBox();
  expect(box).not.toBeNull();
  return { x: box!.x, y: box!.y };
}

/** Clicks the map at a canvas position, moving there first (terra-draw follows the pointer). */
async function clickMap(page: Page, origin: Point, at: Point) {
  await page.mouse.move(origin.x + at.x, origin.y + at.y, { steps: 4 });
  await page.mouse.click(origin.x + at.x, origin.y + at.y);
  // terra-draw ignores a click that follows the previous one too closely (its double-click guard).
  await page.waitForTimeout(250);
}

/** Soft-deletes the sketches a test saved (through the API as the planner), so that reruns on one database stay tidy. */
async function deleteSketches(request: APIRequestContext, ids: readonly string[]) {
  const login = await request.post('/api/auth/login', {
    data: { email: E2E_PLANNER.email, password: E2E_PLANNER.password },
  });
  const { csrf_token: csrf } = (await login.json()) as { csrf_token: string };
  for (const id of ids) {
    const current = (await (await request.get(`/api/sketches/${id}`)).json()) as SketchFeature;
    const deleted = await request.delete(`/api/sketches/${id}?version=${current.properties.version}`, {
      headers: { 'x-csrf-token': csrf },
    });
    expect(deleted.status(), await deleted.text()).toBe(200);
  }
}

const isSketchSave = (method: string) => (response: Response) =>
  /\/api\/sketches(\/[0-9a-f-]+)?$/.test(new URL(response.url()).pathname) && response.request().method() === method;

test('a planner draws a polygon, sees its area, saves it, edits it, restores version 1 and exports it', async ({
  page,
  request,
}) => {
  // One long story (draw, save, edit, restore, export); the map alone takes up to a minute on a busy machine.
  test.setTimeout(180_000);
  await page.goto('/?tab=sketch&map=16/55.4705/12.1480');
  await expect(page.locator('html[data-map-ready="true"]')).toHaveCount(1, { timeout: 60_000 });
  await expect(page.locator('html[data-sketch-draw-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
  await logIn(page);

  // Snapping would move a click onto a nearby plot's vertex; the area check below wants the clicked points.
  await page.getByLabel('Fastgør til punkter (snapping)').uncheck();
  await page.getByRole('button', { name: 'Tegn flade' }).click();
  const origin = await canvasOrigin(page);
  const clicks: Point[] = [
    { x: 420, y: 300 },
    { x: 640, y: 310 },
    { x: 660, y: 520 },
    { x: 430, y: 540 },
  ];
  for (const at of clicks) await clickMap(page, origin, at);
  // While drawing the measure is live; clicking the first point again closes the ring.
  await expect(page.getByTestId('sketch-measure')).toHaveAttribute('data-area-m2', /\d/);
  await clickMap(page, origin, clicks[0]!);
  await expect(page.getByRole('button', { name: 'Vælg og redigér' })).toHaveAttribute('aria-pressed', 'true');

  // The panel's area against an independent computation from the clicked positions.
  const ring = await page.evaluate(
    (points) =>
      points.map(({ x, y }) => {
        const { lng, lat } = (window as unknown as MapWindow).__koegeMap.unproject([x, y]);
        return [lng, lat];
      }),
    [...clicks, clicks[0]!],
  );
  const drawnArea = await panelArea(page);
  expect(relative(drawnArea, utmArea(ring))).toBeLessThan(TOLERANCE);
  // Turf's plain spherical area is 0.48 % short here; the tool corrects it to the ellipsoid.
  expect(relative(drawnArea, area({ type: 'Polygon', coordinates: [ring] }))).toBeLessThan(0.01);
  await expect(page.getByTestId('sketch-measure-area')).toContainText('ha');
  await expect(page.getByTestId('sketch-live-measure')).toContainText('Areal');
  await page.screenshot({ path: `${SHOTS}/sketch-01-drawn.png` });

  // Save: version 1, with PostGIS's area.
  // Typed key by key: P and L in the title must not switch tools (shortcuts never fire in a text field).
  const title = `E2E-skitse plan ${Date.now()}`;
  await page.getByLabel('Titel').pressSequentially(title);
  await expect(page.getByLabel('Titel')).toHaveValue(title);
  await expect(page.getByRole('button', { name: 'Vælg og redigér' })).toHaveAttribute('aria-pressed', 'true');
  const [created] = await Promise.all([
    page.waitForResponse(isSketchSave('POST')),
    page.getByRole('button', { name: 'Gem skitse' }).click(),
  ]);
  expect(created.status(), await created.text()).toBe(201);
  const v1 = (await created.json()) as SketchFeature;
  expect(v1.properties.version).toBe(1);
  expect(relative(v1.properties.area_m2!, drawnArea)).toBeLessThan(TOLERANCE);
  await expect(page.getByTestId(`sketch-item-${v1.id}`)).toBeVisible();

  // Edit: drag a vertex in select mode; the area follows; undo and redo it.
  // Saving selected the sketch (without moving the map, so the vertex positions below hold).
  await page.getByRole('button', { name: 'Redigér skitsen' }).click();
  await expect(page.getByRole('button', { name: 'Vælg og redigér' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('sketch-measure')).toHaveAttribute('data-area-m2', /\d/);
  if (v1.geometry.type !== 'Polygon') throw new Error('the saved sketch is not a polygon');
  const corner = await page.evaluate(
    (lngLat) => (window as unknown as MapWindow).__koegeMap.project(lngLat),
    v1.geometry.coordinates[0]![2] as [number, number],
  );
  await page.mouse.move(origin.x + corner.x, origin.y + corner.y, { steps: 4 });
  await page.mouse.down();
  await page.mouse.move(origin.x + corner.x + 80, origin.y + corner.y + 60, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => panelArea(page)).toBeGreaterThan(v1.properties.area_m2! * 1.05);
  const editedArea = await panelArea(page);
  await page.keyboard.press('Control+z');
  await expect.poll(() => panelArea(page)).toBeCloseTo(drawnArea, 0);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => panelArea(page)).toBeCloseTo(editedArea, 0);
  // The keyboard edits too: V picks a vertex, Shift+→ moves it 10 m east.
  await page.locator('.map canvas').focus();
  await page.keyboard.press('v');
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => panelArea(page)).not.toBeCloseTo(editedArea, 0);
  await page.screenshot({ path: `${SHOTS}/sketch-02-edited.png` });

  const [updated] = await Promise.all([
    page.waitForResponse(isSketchSave('PUT')),
    page.getByRole('button', { name: 'Gem skitse' }).click(),
  ]);
  expect(updated.status(), await updated.text()).toBe(200);
  const v2 = (await updated.json()) as SketchFeature;
  expect(v2.properties.version).toBe(2);
  expect(v2.properties.area_m2!).toBeGreaterThan(v1.properties.area_m2! * 1.05);

  // Restore version 1: version 3 with version 1's area.
  await page.getByRole('button', { name: 'Gendan version 1' }).click();
  await expect
    .poll(
      async () => ((await (await request.get(`/api/sketches/${v1.id}`)).json()) as SketchFeature).properties.version,
    )
    .toBe(3);
  const v3 = (await (await request.get(`/api/sketches/${v1.id}`)).json()) as SketchFeature;
  expect(v3.properties.change).toBe('restored');
  expect(v3.properties.restored_from).toBe(1);
  expect(v3.properties.area_m2).toBeCloseTo(v1.properties.area_m2!, 6);
  await page.screenshot({ path: `${SHOTS}/sketch-03-restored.png` });

  // Export GeoJSON: every live sketch, ours with version 1's area.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'GeoJSON (EPSG:4326)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('koege-sketches-EPSG4326.geojson');
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as SketchCollection;
  const live = (await (await request.get('/api/sketches')).json()) as SketchCollection;
  expect(exported.features).toHaveLength(live.features.length);
  const ours = exported.features.find((feature) => feature.properties.id === v1.id);
  expect(ours?.properties.version).toBe(3);
  expect(ours?.properties.area_m2).toBeCloseTo(v1.properties.area_m2!, 6);
  if (ours?.geometry.type !== 'Polygon') throw new Error('the exported sketch is not a polygon');
  // The export rounds coordinates (to about a centimetre): the area stays within 0.01 %.
  expect(relative(utmArea(ours.geometry.coordinates[0]!), v1.properties.area_m2!)).toBeLessThan(1e-4);

  await deleteSketches(request, [v1.id]);
});

test('drawing snaps to a plot’s vertex near the cursor', async ({ page, request }) => {
  // Over the Køge Nord plots.
  await page.goto('/?tab=sketch&map=16/55.4960/12.1440');
  await expect(page.locator('html[data-map-ready="true"]')).toHaveCount(1, { timeout: 60_000 });
  await expect(page.locator('html[data-sketch-draw-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
  await logIn(page);
  await expect(page.getByLabel('Fastgør til punkter (snapping)')).toBeChecked();

  // A corner of a plot (from the seed data, not from the map) well inside the view, and a click 5 px beside it.
  const plots = JSON.parse(readFileSync('data/layers/koege-nord-plots.geojson', 'utf8')) as {
    features: { geometry: { type: 'Polygon'; coordinates: Position[][] } }[];
  };
  const corners = plots.features.flatMap((feature) => feature.geometry.coordinates[0]!.slice(0, -1));
  const vertex = await page.evaluate((positions) => {
    const map = (window as unknown as MapWindow).__koegeMap;
    for (const position of positions) {
      const at = map.project(position as [number, number]);
      if (at.x > 200 && at.x < 800 && at.y > 150 && at.y < 650) return { position, at };
    }
    return null;
  }, corners);
  expect(vertex, 'a plot vertex on screen').not.toBeNull();
  await page.getByRole('button', { name: 'Tegn linje' }).click();
  const origin = await canvasOrigin(page);
  await clickMap(page, origin, { x: vertex!.at.x + 4, y: vertex!.at.y + 3 });
  await clickMap(page, origin, { x: vertex!.at.x + 150, y: vertex!.at.y + 90 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Vælg og redigér' })).toHaveAttribute('aria-pressed', 'true');

  await page.getByLabel('Titel').fill(`E2E-snap ${Date.now()}`);
  const [created] = await Promise.all([
    page.waitForResponse(isSketchSave('POST')),
    page.getByRole('button', { name: 'Gem skitse' }).click(),
  ]);
  expect(created.status(), await created.text()).toBe(201);
  const line = (await created.json()) as SketchFeature;
  if (line.geometry.type !== 'LineString') throw new Error('not a line');
  // The line comes back in the order it was drawn, so its first position is the snapped corner.
  const [lon, lat] = line.geometry.coordinates[0]!;
  // On the corner to within the tiles' grid (about 8 cm at z16; 5e-6° is 30 cm), where the click was 5 px
  // (4e-5° east, 2e-5° south) off it.
  expect(Math.abs(lon! - vertex!.position[0]!)).toBeLessThan(5e-6);
  expect(Math.abs(lat! - vertex!.position[1]!)).toBeLessThan(5e-6);

  await deleteSketches(request, [line.id]);
});
