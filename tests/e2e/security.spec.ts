import { expect, test, type Page } from '@playwright/test';
import { E2E_PLANNER } from './plannerAccount';

declare global {
  interface Window {
    __cspViolations: string[];
  }
}

/** Records every Content-Security-Policy violation the page reports, from its first script on. */
async function watchCsp(page: Page) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
}

const violations = (page: Page) => page.evaluate(() => window.__cspViolations);

test('the map runs under the Content-Security-Policy: no violation while it loads and draws', async ({ page }) => {
  await watchCsp(page);
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.locator('html[data-map-ready="true"]')).toHaveCount(1, { timeout: 60_000 });
  expect(await violations(page)).toEqual([]);
});

for (const path of ['/?expose=kn-01', '/?timeline=all', '/docs']) {
  test(`${path} runs under the Content-Security-Policy`, async ({ page }) => {
    await watchCsp(page);
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(await violations(page)).toEqual([]);
  });
}

// Issue #8: what a user writes renders as inert text. A planner's sketch title and note carry markup that would
// run script if it reached the DOM as HTML; the panel must show it as text and nothing may run.
test('a sketch title and note with markup render as inert text in the list and the details', async ({
  page,
  request,
}) => {
  const title = `<img src=x onerror="window.__xss=1"> Skitse ${Date.now()}`;
  const note = '<script>window.__xss=2</script><b>fed</b>';
  const login = await request.post('/api/auth/login', {
    data: { email: E2E_PLANNER.email, password: E2E_PLANNER.password },
  });
  const { csrf_token: csrf } = (await login.json()) as { csrf_token: string };
  const created = await request.post('/api/sketches', {
    headers: { 'x-csrf-token': csrf },
    data: {
      title,
      note,
      proposed_use: '31',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [12.09, 55.49],
            [12.092, 55.49],
            [12.092, 55.492],
            [12.09, 55.492],
            [12.09, 55.49],
          ],
        ],
      },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id, properties } = (await created.json()) as { id: string; properties: { version: number } };
  try {
    await watchCsp(page);
    await page.goto(`/?tab=sketch&sketch=${id}`);
    await expect(page.locator('html[data-map-ready="true"]')).toHaveCount(1, { timeout: 60_000 });
    const panel = page.getByTestId('sketch-panel');
    await expect(panel.getByText(title).first()).toBeVisible();
    await expect(page.getByTestId('sketch-details')).toContainText(note);
    expect(await page.locator('img[src="x"], #root b').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  } finally {
    const deleted = await request.delete(`/api/sketches/${id}?version=${properties.version}`, {
      headers: { 'x-csrf-token': csrf },
    });
    expect(deleted.status()).toBe(200);
  }
});
