/**
 * `npm run bench:labels`: the map's load with its names (the labelled offline basemap, issue #16) against the same
 * page with every name switched off (`?off=labels`), in one run, interleaved, in headless Chromium: time from
 * navigation to the map's first idle with every source added, glyphs included. Target: at most 1.15×.
 *
 *   npm run bench:labels                       embedded engine in a temporary DATA_DIR
 *   DATABASE_URL=postgres://… npm run bench:labels
 *
 * Options: --runs 10 (measured, after --warmup 2), --max-minutes 15. A missed target is reported, not fatal;
 * harness failures exit 1.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS } from '../scripts/chromium';
import { installWatchdog, PROJECT_ROOT, startAppServer, type AppServer } from './lib/childProcesses';
import { loadAverage, machineInfo } from './lib/machineInfo';
import { loadOnce } from './lib/mapPage';
import { round, trimmedMean } from './lib/stats';

const NAME = 'bench:labels';
const log = (message: string) => console.log(`[${NAME}] ${message}`);
const LIMIT = 1.15;
/** The municipality overview (the default), and Køge Nord close up, where plot numbers and stations are named. */
const VIEWS = [
  { name: 'default view', query: '' },
  { name: 'Køge Nord at z14', query: 'map=14/55.4975/12.158' },
];

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    'max-minutes': { type: 'string', default: '15' },
  },
  strict: true,
});
const runs = Number(args.runs);
const warmup = Number(args.warmup);
const maxMinutes = Number(args['max-minutes']);
if (!Number.isInteger(runs) || runs < 3 || !Number.isInteger(warmup) || warmup < 1 || !(maxMinutes > 0)) {
  console.error(`[${NAME}] usage: npm run bench:labels -- [--runs 10 (≥ 3)] [--warmup 2 (≥ 1)] [--max-minutes 15]`);
  process.exit(2);
}
const databaseUrl = process.env.DATABASE_URL || null;

const withQuery = (origin: string, ...parts: string[]) => {
  const query = parts.filter(Boolean).join('&');
  return `${origin}/${query ? `?${query}` : ''}`;
};

async function main() {
  installWatchdog(maxMinutes * 60_000, NAME);
  const started = new Date();
  const machine = machineInfo();
  const tmp = await mkdtemp(join(tmpdir(), 'koege-bench-labels-'));
  let server: AppServer | null = null;
  let browser: Browser | null = null;
  try {
    const distDir = join(tmp, 'dist');
    log('building the client into a temporary folder (vite build --mode e2e, for the readiness mark)…');
    execFileSync(
      join(PROJECT_ROOT, 'node_modules/.bin/vite'),
      ['build', '--mode', 'e2e', '--outDir', distDir, '--emptyOutDir', '--logLevel', 'warn'],
      { cwd: PROJECT_ROOT, stdio: 'inherit' },
    );
    server = await startAppServer({
      script: 'bench/mapBenchServer.ts',
      env: { BENCH_CLIENT_ROOT: distDir, ...(databaseUrl ? {} : { DATA_DIR: join(tmp, 'data') }) },
      timeoutMs: 240_000,
    });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    const results = [];
    for (const view of VIEWS) {
      const labelled = withQuery(server.origin, view.query);
      const plain = withQuery(server.origin, view.query, 'off=labels');
      const load = (url: string) => loadOnce({ browser: browser!, url, kind: 'app' });
      for (let i = 0; i < warmup; i++) await Promise.all([load(labelled), load(plain)].map((p) => p.catch(() => null)));
      const withNames: number[] = [];
      const without: number[] = [];
      for (let i = 0; i < runs; i++) {
        // Interleaved, and each pair in alternating order, so that a busy moment falls on both sides.
        const pair = i % 2 === 0 ? [labelled, plain] : [plain, labelled];
        for (const url of pair) {
          const { ms, pageErrors } = await load(url);
          if (pageErrors.length) throw new Error(`${url}: ${pageErrors.join(' | ')}`);
          (url === labelled ? withNames : without).push(ms);
        }
        log(
          `${view.name} run ${i + 1}/${runs}: with names ${withNames.at(-1)!.toFixed(0)} ms, without ${without.at(-1)!.toFixed(0)} ms`,
        );
      }
      const ratio = trimmedMean(withNames) / trimmedMean(without);
      results.push({
        name: view.name,
        query: view.query,
        withNames: { runsMs: withNames.map((ms) => round(ms, 1)), trimmedMeanMs: round(trimmedMean(withNames), 1) },
        withoutNames: { runsMs: without.map((ms) => round(ms, 1)), trimmedMeanMs: round(trimmedMean(without), 1) },
        ratio: round(ratio, 3),
        pass: ratio <= LIMIT,
      });
    }
    const result = {
      benchmark: 'labels',
      issue: 16,
      date: started.toISOString(),
      machine,
      engine: databaseUrl ? 'postgis' : 'pglite',
      browser: `Chromium ${browser.version()} (headless, SwiftShader WebGL)`,
      options: { runs, warmup },
      limit: LIMIT,
      loadavgEnd: loadAverage(),
      views: results,
    };
    const stamp = `${started.toISOString().slice(0, 16).replace(':', '')}Z`;
    await writeFile(
      join(PROJECT_ROOT, 'bench/results', `labels-${stamp}.json`),
      `${JSON.stringify(result, null, 2)}\n`,
    );
    const lines = [
      '# bench:labels — page load with and without the map’s names (issue #16)',
      '',
      `Run ${result.date} on ${machine.nproc} × ${machine.cpuModel}, ${result.engine}, ${result.browser}; ${runs} interleaved runs per side after ${warmup} warm-up, trimmed means. Target: with names ≤ ${LIMIT}× without. Raw runs: \`labels-${stamp}.json\`.`,
      '',
      '| view | with names | without (`off=labels`) | ratio | |',
      '|---|---|---|---|---|',
      ...results.map(
        (r) =>
          `| ${r.name} | ${r.withNames.trimmedMeanMs} ms | ${r.withoutNames.trimmedMeanMs} ms | ${r.ratio}× | ${r.pass ? 'pass' : 'FAIL'} |`,
      ),
      '',
    ];
    await writeFile(join(PROJECT_ROOT, 'bench/results/labels.md'), lines.join('\n'));
    for (const r of results) console.log(`${r.pass ? 'PASS' : 'FAIL'}  ${r.name}: ${r.ratio}× (target ≤ ${LIMIT}×)`);
  } finally {
    await browser?.close();
    await server?.stop();
    await rm(tmp, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`[${NAME}] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
