import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, VIEWPORT } from './scripts/chromium';
import { E2E_PLANNER } from './tests/e2e/plannerAccount';

const port = Number(process.env.E2E_PORT ?? 3100);
// Without DATABASE_URL the server runs the embedded engine on a fresh folder for this run.
const dataDir = join(tmpdir(), `koege-e2e-${Date.now()}`);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: VIEWPORT,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    // The planner account first (workflow.spec.ts logs in with it): the embedded engine's folder belongs to one
    // process at a time. On a reused DATABASE_URL the account may exist already; the server starts either way.
    command:
      `node_modules/.bin/tsx server/src/platform/auth/userCli.ts add --email ${E2E_PLANNER.email} ` +
      `--name "${E2E_PLANNER.name}" --role planner; exec node_modules/.bin/tsx server/src/server.ts`,
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      KOEGE_PASSWORD: E2E_PLANNER.password,
    },
  },
});
