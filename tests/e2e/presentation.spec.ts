import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { FLOOD_FILL_LAYER_ID } from '../../client/src/map/ids';
import type { Policy } from '@shared/schemas/policy';

const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

interface PresentationMap {
  loaded(): boolean;
  areTilesLoaded(): boolean;
  isMoving(): boolean;
  queryRenderedFeatures(options: { layers: string[] }): unknown[];
  getLayer(id: string): unknown;
}
type PresentationWindow = Window & { __koegeMap: PresentationMap };

const ready = (page: Page) => expect(page.locator('html[data-map-ready="true"]')).toHaveCount(1, { timeout: 60_000 });

const renderedFlood = (page: Page) =>
  page.evaluate((id) => {
    const m = (window as unknown as PresentationWindow).__koegeMap;
    return m.getLayer(id) ? m.queryRenderedFeatures({ layers: [id] }).length : 0;
  }, FLOOD_FILL_LAYER_ID);

test('the presentation steps through the initiatives by keyboard, one link per step, and Esc leaves', async ({
  page,
  request,
}) => {
  const policy = (await (await request.get('/api/policy')).json()) as Policy;
  await page.goto('/?present=1');
  await ready(page);
  const slide = page.getByTestId('presentation');
  await expect(slide).toHaveAttribute('data-step', '1');
  await expect(page.getByTestId('presentation-progress')).toHaveText(
    `Præsentation · trin 1 af ${policy.initiatives.length}`,
  );
  await expect(page.getByRole('heading', { level: 2 })).toContainText(policy.initiatives[0]!.title);
  await expect(page.getByRole('tablist')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/40-presentation-1.png` });

  await page.keyboard.press('ArrowRight');
  await expect(slide).toHaveAttribute('data-step', '2');
  await expect(page).toHaveURL(/[?&]present=2(&|$)/);
  const second = policy.initiatives[1]!;
  await expect(page.getByRole('heading', { level: 2 })).toContainText(second.title);
  for (const progress of ['not_started', 'in_progress', 'done'] as const) {
    await expect(page.getByTestId(`presentation-count-${progress}`)).toHaveText(
      String(second.actions.filter((action) => action.progress === progress).length),
    );
  }
  await page.keyboard.press('ArrowLeft');
  await expect(slide).toHaveAttribute('data-step', '1');
  await expect(page.getByTestId('presentation-prev')).toBeDisabled();

  await page.keyboard.press('Escape');
  await expect(slide).toBeHidden();
  await expect(page).not.toHaveURL(/present=/);
  await expect(page.getByRole('tablist')).toBeVisible();

  await page.getByTestId('presentation-toggle').click();
  await expect(slide).toHaveAttribute('data-step', '1');
});

test('the dike’s step shows the flood at the design level without the dike', async ({ page }) => {
  await page.goto('/?present=3');
  await ready(page);
  await expect(page.getByTestId('presentation')).toHaveAttribute('data-step', '3');
  await expect(page.getByTestId('presentation-flood')).toContainText('2,80 m DVR90 uden diget');
  await expect.poll(() => renderedFlood(page), { timeout: 30_000 }).toBeGreaterThan(0);
  await page.screenshot({ path: `${SHOTS}/41-presentation-3-dike.png` });

  await page.getByTestId('presentation-next').click();
  await expect(page).toHaveURL(/[?&]present=4(&|$)/);
  await expect.poll(() => renderedFlood(page)).toBe(0);
});

test('a hand-edited presentation step is ignored and reported', async ({ page }) => {
  await page.goto('/?present=zero');
  await ready(page);
  await expect(page.getByTestId('presentation')).toHaveCount(0);
  await expect(page.getByTestId('present-ignored')).toBeVisible();
});
