import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { formatArea } from '@shared/i18n/formatArea';
import { FLOOD_SCENARIOS } from '@shared/flood/floodScenarios';
import type { SiteDetail } from '@shared/schemas/site';

const OUT = 'test-results';
mkdirSync(`${OUT}/a11y`, { recursive: true });

async function openExpose(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('html[data-expose-ready="true"]')).toHaveCount(1, { timeout: 60_000 });
}

test('the exposé of kn-05 shows its facts and map, prints clean and makes an A4 PDF', async ({ page, request }) => {
  const site = (await (await request.get('/api/sites/kn-05')).json()) as SiteDetail;
  expect(site.area_m2).not.toBeNull();
  expect(site.tender).not.toBeNull();

  await openExpose(page, '/?expose=kn-05');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(site.name);
  await expect(page.getByTestId('expose-area')).toHaveText(formatArea({ m2: site.area_m2!, lang: 'da' }));
  await expect(page.getByTestId('expose-tender-status')).toHaveAttribute('data-status', site.tender!.status);
  await expect(page.getByTestId('expose-actions').locator('[data-action="1.4"]')).toContainText('1.4');
  await expect(page.getByTestId('expose-contact')).toContainText('Køge Kommune, Erhvervsservice');
  await expect(page.getByTestId('expose-contact')).toContainText('Kontakt via koege.dk');
  await expect(page.getByTestId('expose-back')).toHaveAttribute('href', '/?site=kn-05');

  // Flood exposure: one row per named scenario, with and without the dike, on an illustrative terrain model.
  const floodRows = page.getByTestId('expose-flood-table').locator('tbody tr');
  await expect(floodRows).toHaveCount(FLOOD_SCENARIOS.length);
  await expect(floodRows.first().locator('th')).toHaveText(FLOOD_SCENARIOS[0].labelDa);
  await expect(page.getByTestId('expose-flood').getByRole('columnheader', { name: 'Uden dige' })).toBeVisible();
  for (const row of await floodRows.all()) {
    await expect(row.locator('td').nth(1)).toHaveText(/^(ikke oversvømmet|(< )?[\d,]+ % oversvømmet|oversvømmet)$/);
  }
  await expect(page.getByTestId('expose-flood-source')).toContainText('illustrativ terrænmodel');

  const map = page.getByTestId('expose-map');
  await expect(map.locator('path[data-role="plot"][data-id="kn-05"]')).toHaveCount(1);
  expect(await map.locator('path[data-role="neighbour"]').count()).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId('expose-scale')).toBeVisible();
  await expect(page.getByTestId('expose-north')).toBeVisible();

  const print = page.getByTestId('expose-print');
  await expect(print).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(print).toBeHidden();
  await expect(page.getByTestId('expose-back')).toBeHidden();
  await expect(page.getByTestId('expose-name')).toBeVisible();

  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  writeFileSync(`${OUT}/expose-kn-05.pdf`, pdf);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(statSync(`${OUT}/expose-kn-05.pdf`).size).toBeGreaterThan(10 * 1024);
});

test('the exposé has no serious or critical accessibility violations', async ({ page }) => {
  for (const [name, path] of [
    ['expose-da', '/?expose=kn-05'],
    ['expose-en', '/?expose=kn-05&lang=en'],
  ] as const) {
    await openExpose(page, path);
    await expect(page.getByTestId('expose-map')).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    writeFileSync(`${OUT}/a11y/${name}.json`, JSON.stringify(results.violations, null, 2));
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    expect(serious, name).toEqual([]);
  }
});

test('the exposé speaks English when the link says so', async ({ page }) => {
  await openExpose(page, '/?expose=kn-05&lang=en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('expose-print')).toHaveText('Print / save as PDF');
  await expect(page.getByTestId('expose-back')).toHaveAttribute('href', '/?site=kn-05&lang=en');
});

test('the site panel and the finder link to the exposé', async ({ page }) => {
  await page.goto('/?tab=finder&site=kn-05');
  await expect(page.locator('html[data-map-ready="true"]')).toHaveCount(1, { timeout: 60_000 });
  await expect(page.getByTestId('site-expose-link')).toHaveAttribute('href', '/?expose=kn-05');
  await expect(page.getByTestId('finder-expose-link').first()).toHaveAttribute('href', /^\/\?expose=kn-\d+$/);
  await page.getByTestId('site-expose-link').click();
  await expect(page.locator('html[data-expose-ready="true"]')).toHaveCount(1, { timeout: 60_000 });
  await expect(page.getByTestId('expose-map')).toBeVisible();
});

test('an unknown plot says so instead of crashing', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openExpose(page, '/?expose=nope');
  await expect(page.getByTestId('expose-not-found')).toContainText('Grunden findes ikke');
  await expect(page.getByTestId('expose-not-found')).toContainText('nope');
  await expect(page.getByTestId('expose-print')).toHaveCount(0);
  expect(errors).toEqual([]);
});
