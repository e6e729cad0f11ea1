// `npm test`: unit and API tests (Vitest), then the browser tests (Playwright) when a Chromium is found.
// Under CI=true a missing Chromium is a failure, never a skip. Ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { findChromium } from './findChromium.mjs';

const ci = process.env.CI === 'true';
const bin = (name) => `node_modules/.bin/${name}`;
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
const readJson = (path) => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
};
mkdirSync('test-results', { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
let failed = false;

// The gate (issue #17): types, lint, format and the module boundaries. Each is one check; a failure fails the run,
// and the tests still run so that one report shows everything that is wrong.
const gate = [
  ['types (tsc --noEmit)', bin('tsc'), ['--noEmit']],
  ['lint (eslint)', bin('eslint'), ['--max-warnings=0', '.']],
  ['format (prettier --check)', bin('prettier'), ['--check', '--log-level=warn', '.']],
  [
    'boundaries (dependency-cruiser)',
    bin('depcruise'),
    ['--config', '.dependency-cruiser.cjs', 'client', 'server', 'shared', 'seeds'],
  ],
];
for (const [name, cmd, args] of gate) {
  console.log(`\n=== Gate: ${name} ===`);
  if (run(cmd, args) === 0) {
    totals.passed += 1;
  } else {
    console.error(`GATE FAILED: ${name}`);
    failed = true;
    totals.failed += 1;
  }
}

console.log(
  `\n=== Unit and API tests (${process.env.DATABASE_URL ? 'PostgreSQL from DATABASE_URL' : 'embedded engine'}) ===`,
);
const vitestStatus = run(bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/vitest.json',
]);
const v = readJson('test-results/vitest.json');
if (v) {
  totals.passed += v.numPassedTests;
  totals.failed += v.numFailedTests;
  totals.skipped += v.numPendingTests + v.numTodoTests;
}
if (vitestStatus !== 0) failed = true;

const chromium = findChromium();
if (!chromium) {
  const banner = '!'.repeat(78);
  console.log(
    `\n${banner}\n!!  BROWSER TESTS DID NOT RUN: no Chromium found (set CHROMIUM_PATH or apt-get install chromium)\n${banner}\n`,
  );
  if (ci) {
    console.error('CI=true: a missing Chromium is a failure.');
    failed = true;
    totals.failed += 1;
  }
} else {
  console.log(`\n=== Browser tests (Playwright, ${chromium}) ===`);
  // The browser tests' build carries the test hooks (client/src/testHooks.ts); npm start builds without them.
  const build = run(bin('vite'), ['build', '--mode', 'e2e', '--logLevel', 'warn']);
  if (build !== 0) {
    failed = true;
    totals.failed += 1;
  } else {
    const pwStatus = run(bin('playwright'), ['test'], { CHROMIUM_PATH: chromium });
    const p = readJson('test-results/playwright.json');
    if (p?.stats) {
      totals.passed += p.stats.expected;
      totals.failed += p.stats.unexpected + p.stats.flaky;
      totals.skipped += p.stats.skipped;
    }
    if (pwStatus !== 0) failed = true;
  }
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failed ? 1 : 0);
