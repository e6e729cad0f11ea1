import { writeFileSync, mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const OUT = 'test-results/a11y';
mkdirSync(OUT, { recursive: true });

async function seriousViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  writeFileSync(`${OUT}/${name}.json`, JSON.stringify(results.violations, null, 2));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

const ready = (page: Page) => expect(page.locator('html[data-map-ready="true"]')).toHaveCount(1, { timeout: 60_000 });

// axe-core (WCAG 2.1 A/AA rules): no serious or critical violations on the pages people work with.
test.describe('accessibility', () => {
  for (const [name, path] of [
    ['layers', '/'],
    ['policy', '/?tab=policy'],
    ['finder', '/?tab=finder'],
    ['finder-with-plot', '/?tab=finder&site=kn-05'],
    ['finder-english', '/?tab=finder&lang=en&status=sold'],
    ['finder-flood', '/?tab=finder&outside_flood=1.8&flood_dike=without'],
    ['comparison', '/?tab=finder&short=kn-01,kn-05,kn-09&compare=kn-01,kn-05,kn-09'],
    ['climate', '/?tab=climate'],
    ['climate-compare-english', '/?tab=climate&lang=en&level=3.45&dike=without&compare_to=1.8/with'],
    ['climate-swipe', '/?tab=climate&compare_to=1.8/with&compare_view=swipe'],
    ['presentation', '/?present=3'],
    ['sketches', '/?tab=sketch'],
    ['sketches-english', '/?tab=sketch&lang=en'],
  ] as const) {
    test(`${name}: no serious or critical violations`, async ({ page }) => {
      await page.goto(path);
      await ready(page);
      // The comparison is a dialog over the map: scan it open.
      if (name === 'comparison') await expect(page.getByRole('dialog')).toBeVisible();
      // The flood filter's summary line is part of the form once its extent has loaded.
      // The climate view's list and legend come with its flood.
      if (name.startsWith('climate')) {
        await expect(page.getByTestId('climate-summary')).toHaveAttribute('data-status', 'ready');
        await expect(page.getByTestId('dike-section').first()).toBeVisible();
      }
      // The swipe's second map and divider come in a chunk of their own.
      if (name === 'climate-swipe') await expect(page.getByTestId('swipe-divider')).toBeVisible();
      if (name === 'presentation') await expect(page.getByTestId('presentation-flood')).toBeVisible();
      if (name.startsWith('sketches')) await expect(page.getByTestId('sketch-panel')).toBeVisible();
      if (name === 'finder-flood') {
        await expect(page.getByTestId('finder-flood-summary')).toHaveAttribute('data-status', 'ready');
      }
      expect(await seriousViolations(page, name)).toEqual([]);
    });
  }
});

// Issue #5: the staff login dialog over the map, and the public timeline page (no map) in both languages.
test.describe('accessibility of the workflow pages', () => {
  test('login dialog: no serious or critical violations', async ({ page }) => {
    await page.goto('/');
    await ready(page);
    await page.getByTestId('login-open').click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await seriousViolations(page, 'login-dialog')).toEqual([]);
  });

  for (const [name, path] of [
    ['timeline-all', '/?timeline=all'],
    ['timeline-site-english', '/?timeline=kn-05&lang=en'],
  ] as const) {
    test(`${name}: no serious or critical violations`, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator('html[data-timeline-status="ready"]')).toHaveCount(1, { timeout: 30_000 });
      expect(await seriousViolations(page, name)).toEqual([]);
    });
  }
});
