import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { formatArea } from '@shared/i18n/formatArea';
import type { PlotList } from '@shared/schemas/plot';

const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

async function openFinder(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('html[data-map-ready="true"]')).toHaveCount(1, { timeout: 60_000 });
  await expect(page.getByTestId('finder-panel')).toBeVisible();
}

/** The ids on the shortlist, in its order. */
const shortlistedIds = (page: Page) =>
  page.getByTestId('shortlist-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-plot-id')));

const toggleOf = (page: Page, id: string) =>
  page.getByTestId('finder-list').locator(`[data-testid="shortlist-toggle"][data-plot-id="${id}"]`);

test('a shortlist survives reloads and new pages, and its comparison reopens from the link', async ({
  page,
  context,
  request,
}) => {
  const { plots } = (await (await request.get('/api/plots')).json()) as PlotList;
  expect(plots.length).toBeGreaterThanOrEqual(2);
  const [a, b] = [plots[0]!, plots[1]!];
  const short = `${a.id},${b.id}`;

  await openFinder(page, '/?tab=finder&status=all&sort=area');
  await expect(page.getByTestId('finder-item')).toHaveCount(plots.length);
  await expect(page.getByTestId('shortlist-item')).toHaveCount(0);

  // Keyboard for the first, mouse for the second.
  await toggleOf(page, a.id).focus();
  await page.keyboard.press('Enter');
  await toggleOf(page, b.id).click();
  await expect(toggleOf(page, a.id)).toHaveAttribute('aria-pressed', 'true');
  await expect(toggleOf(page, b.id)).toHaveAttribute('aria-pressed', 'true');
  await expect(toggleOf(page, plots[2]?.id ?? a.id)).toHaveAttribute('aria-pressed', plots[2] ? 'false' : 'true');
  await expect(page).toHaveURL(new RegExp(`[?&]short=${short}(&|$)`));
  await expect.poll(() => shortlistedIds(page)).toEqual([a.id, b.id]);
  await expect(page.getByTestId('shortlist')).toContainText(a.name);

  await page.reload();
  await expect(page.locator('html[data-map-ready="true"]')).toHaveCount(1, { timeout: 60_000 });
  await expect.poll(() => shortlistedIds(page)).toEqual([a.id, b.id]);
  await expect(toggleOf(page, a.id)).toHaveAttribute('aria-pressed', 'true');

  // A plain link in the same browser: local storage brings the shortlist back.
  const fresh = await context.newPage();
  await openFinder(fresh, '/?tab=finder&status=all&sort=area');
  await expect.poll(() => shortlistedIds(fresh)).toEqual([a.id, b.id]);
  await expect(fresh).toHaveURL(new RegExp(`[?&]short=${short}(&|$)`));

  // Compare both: the table shows their names and areas as the API gives them.
  await fresh.getByRole('checkbox', { name: `Sammenlign ${a.name}` }).check();
  await fresh.getByRole('checkbox', { name: `Sammenlign ${b.name}` }).check();
  await expect(fresh.getByTestId('compare-count')).toHaveText('2 af højst 4 valgt');
  await fresh.getByTestId('compare-open').click();
  const dialog = fresh.getByRole('dialog', { name: 'Sammenligning af grunde' });
  await expect(dialog).toBeVisible();
  await expect(fresh.getByTestId('compare-close')).toBeFocused();
  await expect(fresh.getByTestId('compare-name')).toHaveText([a.name, b.name]);
  const areaCells = fresh.locator('[data-testid="compare-table"] tr[data-row="site.area"] td');
  await expect(areaCells).toHaveText([
    formatArea({ m2: a.area_m2, lang: 'da' }),
    formatArea({ m2: b.area_m2, lang: 'da' }),
  ]);
  await expect(fresh).toHaveURL(new RegExp(`[?&]compare=${short}(&|$)`));
  await fresh.screenshot({ path: `${SHOTS}/20-compare.png` });
  const link = fresh.url();

  // Escape closes it, focus returns to the button, and the link forgets the comparison.
  await fresh.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(fresh.getByTestId('compare-open')).toBeFocused();
  await expect(fresh).not.toHaveURL(/[?&]compare=/);

  // The copied link reopens the comparison in a new page.
  const shared = await context.newPage();
  await shared.goto(link);
  await expect(shared.getByRole('dialog', { name: 'Sammenligning af grunde' })).toBeVisible({ timeout: 60_000 });
  await expect(shared.getByTestId('compare-name')).toHaveText([a.name, b.name]);
  await expect(shared.locator('[data-testid="compare-table"] tr[data-row="site.area"] td')).toHaveText([
    formatArea({ m2: a.area_m2, lang: 'da' }),
    formatArea({ m2: b.area_m2, lang: 'da' }),
  ]);
});

test('the site panel of a plot has the shortlist toggle, in English too', async ({ page, request }) => {
  const { plots } = (await (await request.get('/api/plots')).json()) as PlotList;
  const target = plots[0]!;
  await page.goto(`/?lang=en&site=${target.id}`);
  await expect(page.getByTestId('site-panel')).toBeVisible({ timeout: 60_000 });
  const toggle = page.getByTestId('site-panel').getByRole('button', { name: `Shortlist ${target.name}` });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(new RegExp(`[?&]short=${target.id}(&|$)`));
});
