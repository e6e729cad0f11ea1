import { mkdirSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { PlotList } from '@shared/schemas/plot';
import type { Policy } from '@shared/schemas/policy';
import { E2E_PLANNER } from './plannerAccount';

const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

// Plots other specs open by id: leave their tenders alone.
const USED_ELSEWHERE = new Set(['kn-01', 'kn-05', 'kn-09']);

interface Tender {
  status: string;
  planned_year: number | null;
  version: number;
}

type RenderedMap = { queryRenderedFeatures(): { properties: Record<string, unknown> }[] };

/** Logs a request context in as the e2e planner; returns the CSRF token for its changes. */
async function apiLogin(request: APIRequestContext): Promise<string> {
  const response = await request.post('/api/auth/login', {
    data: { email: E2E_PLANNER.email, password: E2E_PLANNER.password },
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { csrf_token: string }).csrf_token;
}

/** Moves a tender through the API (the same route the form uses), with the version it has now. */
async function apiMove(request: APIRequestContext, csrf: string, id: string, body: Record<string, unknown>) {
  const current = (await (await request.get(`/api/plots/${id}/tender`)).json()) as Tender;
  const response = await request.post(`/api/plots/${id}/tender`, {
    headers: { 'x-csrf-token': csrf },
    data: { ...body, version: current.version },
  });
  expect(response.status(), await response.text()).toBe(200);
}

async function chooseMove(page: Page, to: string) {
  await page.getByTestId('tender-workflow-to').selectOption(to);
}

test('a planner moves a planned tender to open; a visitor sees it on the public timeline', async ({
  page,
  browser,
  request,
}) => {
  const planned = (await (await request.get('/api/plots?status=planned')).json()) as PlotList;
  const plot = planned.plots.find((p) => !USED_ELSEWHERE.has(p.id));
  expect(plot, 'a fixture plot with a planned tender').toBeDefined();
  const id = plot!.id;
  const before = (await (await request.get(`/api/plots/${id}/tender`)).json()) as Tender;

  try {
    await page.goto(`/?site=${id}`);
    await expect(page.locator('html[data-map-ready="true"]')).toHaveCount(1, { timeout: 60_000 });
    await expect(page.getByTestId('site-tender-status')).toHaveAttribute('data-status', 'planned');
    // A visitor never sees the form.
    await expect(page.getByTestId('tender-workflow')).toHaveCount(0);

    // Log in through the header; a wrong password first gets the one answer the server gives.
    await page.getByTestId('login-open').click();
    const dialog = page.getByTestId('login-dialog');
    await expect(dialog).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/workflow-00-login-dialog.png` });
    await dialog.getByLabel('E-mail').fill(E2E_PLANNER.email);
    await dialog.getByLabel('Adgangskode').fill('not-the-password');
    await dialog.getByTestId('login-submit').click();
    await expect(dialog.getByTestId('login-error')).toHaveText('Forkert e-mail eller adgangskode');
    await dialog.getByLabel('Adgangskode').fill(E2E_PLANNER.password);
    await dialog.getByTestId('login-submit').click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('account-user')).toHaveText(`${E2E_PLANNER.name} (planlægger)`);

    // planned → in_preparation → open: the state machine goes one step at a time.
    const form = page.getByTestId('tender-workflow');
    await expect(form).toBeVisible();
    await chooseMove(page, 'in_preparation');
    await page.getByTestId('tender-workflow-save').click();
    await expect(page.getByTestId('site-tender-status')).toHaveAttribute('data-status', 'in_preparation');

    await chooseMove(page, 'open');
    await page.getByTestId('tender-workflow-opens_on').fill('2026-12-01');
    await page.getByTestId('tender-workflow-closes_on').fill('2027-01-15');
    await page.getByTestId('tender-workflow-notice_url').fill('https://udbud.dk/e2e-koege');
    await page.getByTestId('tender-workflow-note').fill('Udbuddet er åbnet (e2e)');
    await page.getByTestId('tender-workflow-save').click();
    await expect(page.getByTestId('site-tender-status')).toHaveAttribute('data-status', 'open');
    await expect(page.getByTestId('tender-workflow-saved')).toContainText('I udbud');
    await expect(page.getByTestId('site-panel')).toContainText('Udbuddet er åbnet (e2e)');
    // The map's tiles follow at once (a new layer version): the plot is drawn with its new status.
    await page.waitForFunction(
      (plotId) =>
        (window as unknown as { __koegeMap: RenderedMap }).__koegeMap
          .queryRenderedFeatures()
          .some((f) => f.properties.id === plotId && f.properties.tender_status === 'open'),
      id,
      { timeout: 30_000 },
    );
    await page.screenshot({ path: `${SHOTS}/workflow-01-planner-opened.png` });

    // A visitor (fresh context, no cookie) sees the new status and the change on the public timeline.
    const visitor = await browser.newContext();
    try {
      const publicPage = await visitor.newPage();
      await publicPage.goto(`/?timeline=${id}`);
      await expect(publicPage.locator('html[data-timeline-status="ready"]')).toHaveCount(1, { timeout: 30_000 });
      await expect(publicPage.getByTestId(`timeline-status-${id}`)).toHaveAttribute('data-status', 'open');
      const event = publicPage.getByTestId('timeline-event').filter({ hasText: 'Under forberedelse → I udbud' });
      await expect(event).toHaveCount(1);
      await expect(event).toContainText(`af ${E2E_PLANNER.name} (planlægger)`);
      await expect(event).toContainText('Udbuddet er åbnet (e2e)');
      // Newest first.
      await expect(publicPage.getByTestId('timeline-event').first()).toContainText('I udbud');
      await expect(publicPage.getByTestId('timeline-feed')).toHaveAttribute('href', '/feeds/changes.atom');
      expect(await publicPage.content()).not.toContain(E2E_PLANNER.email);
      expect(await publicPage.locator('body').innerText()).not.toContain('@');
      await publicPage.screenshot({ path: `${SHOTS}/workflow-02-visitor-timeline.png`, fullPage: true });

      // Every plot, in English: the plot's row links its own timeline and shows the new status.
      await publicPage.goto('/?timeline=all&lang=en');
      await expect(publicPage.locator('html[data-timeline-status="ready"]')).toHaveCount(1, { timeout: 30_000 });
      await expect(publicPage.getByRole('heading', { level: 1 })).toHaveText(
        'Timeline: tenders and progress 2024–2028',
      );
      await expect(publicPage.getByTestId(`timeline-status-${id}`)).toHaveText('Open for tender');
      await expect(publicPage.getByTestId(`timeline-row-${id}`).getByRole('link')).toHaveAttribute(
        'href',
        `/?timeline=${id}&lang=en`,
      );
      await publicPage.screenshot({ path: `${SHOTS}/workflow-04-timeline-all-english.png`, fullPage: true });
    } finally {
      await visitor.close();
    }
  } finally {
    // Other specs share this database: put the tender back to planned (open → withdrawn → planned).
    const csrf = await apiLogin(request);
    const now = (await (await request.get(`/api/plots/${id}/tender`)).json()) as Tender;
    if (now.status !== 'planned') {
      if (now.status !== 'withdrawn') await apiMove(request, csrf, id, { to: 'withdrawn', note: 'e2e: nulstillet' });
      await apiMove(request, csrf, id, { to: 'planned', planned_year: before.planned_year ?? 2027 });
    }
  }
});

test('a planner records an action’s progress in the policy panel; its history lists the change', async ({ page }) => {
  const policy = (await (await page.request.get('/api/policy')).json()) as Policy;
  const action = policy.initiatives.at(-1)!.actions[0]!;
  const before = (await (await page.request.get(`/api/actions/${action.number}/progress`)).json()) as {
    progress: string;
  };
  const target = before.progress === 'in_progress' ? 'done' : 'in_progress';
  // The same cookie jar as the page: logged in through the API, the page knows it from GET /api/auth/me.
  const csrf = await apiLogin(page.request);
  try {
    await page.goto('/?tab=policy');
    await expect(page.getByTestId('account-user')).toHaveText(`${E2E_PLANNER.name} (planlægger)`);
    const editor = page.getByTestId(`progress-editor-${action.number}`);
    await editor.locator('summary').click();
    await expect(page.getByTestId(`progress-current-${action.number}`)).toBeVisible();
    await page.getByTestId(`progress-select-${action.number}`).selectOption(target);
    await page.getByTestId(`progress-note-${action.number}`).fill('Status fra e2e');
    await editor.getByRole('button', { name: 'Gem fremdrift' }).click();
    const label = target === 'done' ? 'Gennemført' : 'I gang';
    await expect(page.getByTestId(`progress-current-${action.number}`)).toContainText(`Fremdrift nu: ${label}`);
    await expect(editor.locator('.history__item').first()).toContainText('Status fra e2e');
    await expect(editor.locator('.history__item').first()).toContainText(`af ${E2E_PLANNER.name} (planlægger)`);
    await editor.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/workflow-03-action-progress.png` });
  } finally {
    const now = (await (await page.request.get(`/api/actions/${action.number}/progress`)).json()) as {
      progress: string;
      version: number;
    };
    if (now.progress !== before.progress) {
      const response = await page.request.post(`/api/actions/${action.number}/progress`, {
        headers: { 'x-csrf-token': csrf },
        data: { progress: before.progress, version: now.version, note: 'e2e: nulstillet' },
      });
      expect(response.status()).toBe(200);
    }
  }
});
