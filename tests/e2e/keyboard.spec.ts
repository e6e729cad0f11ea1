import { expect, test } from '@playwright/test';
import type { PlotList } from '@shared/schemas/plot';

// The finder without a mouse: Tab moves through the filters in order, Space ticks, Enter opens a plot.
test('the plot finder works from the keyboard alone', async ({ page, request }) => {
  // The finder opens on the available plots, largest first (issue #20); ticking "sold" adds the sold ones.
  const withSold = 'not_planned,planned,in_preparation,open,under_evaluation,reserved,sold';
  const sold = (await (await request.get(`/api/plots?status=${withSold}&use=logistics&sort=-area`)).json()) as PlotList;
  await page.goto('/?tab=finder');
  await expect(page.locator('html[data-map-ready="true"]')).toHaveCount(1, { timeout: 60_000 });

  // Start at the finder tab and tab forward until the "sold" checkbox has focus.
  await page.getByRole('tab', { name: /find grund/i }).focus();
  const soldBox = page.getByTestId('finder-status-sold');
  for (let i = 0; i < 40 && !(await soldBox.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(soldBox).toBeFocused();
  await page.keyboard.press('Space');
  await expect(soldBox).toBeChecked();

  // Onwards to the logistics checkbox, again only with Tab.
  const logistics = page.getByTestId('finder-use-logistics');
  for (let i = 0; i < 40 && !(await logistics.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(logistics).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/use=logistics/);
  await expect(page.getByTestId('finder-item')).toHaveCount(sold.count);

  // Tab into the results list and open the first plot with Enter.
  const first = page.getByTestId('finder-item').first().getByRole('button').first();
  for (let i = 0; i < 60 && !(await first.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('site-panel')).toContainText(sold.plots[0]!.name);
  await expect(page).toHaveURL(new RegExp(`site=${sold.plots[0]!.id}`));
  // Escape closes the panel again.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('site-panel')).toHaveCount(0);
});
