import { expect, test, type Page } from '@playwright/test';

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
