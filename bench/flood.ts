/**
 * `npm run bench:flood`: the flood model on the shipped grid (DESIGN.md "Measuring performance"). For each named
 * scenario, with and without Køge Dige, it times computeFlood (mask + outline) and floodMask alone, against a
 * same-run baseline: a plain threshold pass over the same grid (values < level, no connectivity), the least any
 * bathtub model has to do. Trimmed mean of `--runs` runs after `--warmup` runs. Target: one level under 1 s.
 *
 *   npm run bench:flood -- --runs 21 --warmup 5
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { computeFlood } from '../server/src/modules/flood/computeFlood';
import type { ElevationGrid } from '../server/src/modules/flood/elevationGrid';
import { SHIPPED_ELEVATION_FILE } from '../server/src/modules/flood/elevationSource';
import { floodMask } from '../server/src/modules/flood/floodMask';
import { FLOOD_SCENARIOS } from '@shared/flood/floodScenarios';
import { loadDikeBarriers } from '../server/src/modules/flood/loadDikeBarriers';
import { readElevationGeoTiffFile } from '../server/src/modules/flood/readElevationGeoTiff';
import { loadAverage, machineInfo } from './lib/machineInfo';
import { round, trimmedMean } from './lib/stats';

const TARGET_MS = 1000;
const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '21' }, warmup: { type: 'string', default: '5' } },
});
const runs = Number(args.runs);
const warmup = Number(args.warmup);
const trim = Math.floor(runs / 10);

/** The baseline: which cells lie below the level, connectivity ignored. */
function thresholdPass(grid: ElevationGrid, level: number): Uint8Array {
  const out = new Uint8Array(grid.values.length);
  for (let i = 0; i < out.length; i++) out[i] = grid.values[i]! < level ? 1 : 0;
  return out;
}

/** Trimmed mean in ms of `runs` timed calls after `warmup` untimed ones. */
function time(fn: () => unknown): number {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    samples.push(performance.now() - started);
  }
  return trimmedMean(samples, trim);
}

const grid = await readElevationGeoTiffFile({ path: SHIPPED_ELEVATION_FILE });
const dike = await loadDikeBarriers();
const loadBefore = loadAverage();
const rows = [];
for (const scenario of FLOOD_SCENARIOS) {
  for (const [variant, barriers] of [
    ['no dike', []],
    ['dike', dike],
  ] as const) {
    const baselineMs = time(() => thresholdPass(grid, scenario.level));
    const maskMs = time(() => floodMask({ grid, level: scenario.level, barriers }));
    const computeMs = time(() => computeFlood({ grid, level: scenario.level, barriers }));
    const result = computeFlood({ grid, level: scenario.level, barriers });
    rows.push({
      scenario: scenario.id,
      level: scenario.level,
      variant,
      floodedKm2: round(result.floodedAreaM2 / 1e6, 3),
      polygons: result.geometry.coordinates.length,
      baselineMs: round(baselineMs, 3),
      floodMaskMs: round(maskMs, 3),
      computeFloodMs: round(computeMs, 3),
      computeVsBaseline: round(computeMs / baselineMs, 1),
      meetsTarget: computeMs < TARGET_MS,
    });
  }
}
const report = {
  date: new Date().toISOString(),
  machine: machineInfo(),
  load: { before: loadBefore, after: loadAverage() },
  grid: {
    width: grid.width,
    height: grid.height,
    cellSize: grid.cellSize,
    cells: grid.values.length,
    source: grid.source,
  },
  runs,
  warmup,
  trimEachSide: trim,
  targetMs: TARGET_MS,
  rows,
};

const resultsDir = new URL('./results/', import.meta.url);
await mkdir(resultsDir, { recursive: true });
const jsonName = `flood-${report.date.slice(0, 13)}${report.date.slice(14, 16)}Z.json`;
await writeFile(new URL(jsonName, resultsDir), `${JSON.stringify(report, null, 2)}\n`);
const markdown = [
  '# Flood model benchmark',
  '',
  `Run ${report.date}, full data in [${jsonName}](${jsonName}). Rerun: \`npm run bench:flood\`.`,
  '',
  `${report.machine.cpuModel} (${report.machine.nproc} CPUs), Node ${report.machine.node}, ` +
    `load ${report.load.before.join(' / ')} → ${report.load.after.join(' / ')}.`,
  `Shipped illustrative grid: ${grid.width} × ${grid.height} cells of ${grid.cellSize} m (${grid.values.length} cells). ` +
    `Trimmed mean of ${runs} runs (dropping ${trim} each side) after ${warmup} warm-up runs. ` +
    `Baseline: a plain threshold pass (values < level, no connectivity) over the same grid in the same run. ` +
    `Target: one level under ${TARGET_MS} ms.`,
  '',
  '| scenario | level (m DVR90) | dike | flooded (km²) | polygons | threshold pass (ms) | floodMask (ms) | computeFlood (ms) | computeFlood ÷ baseline | under 1 s |',
  '|---|---:|---|---:|---:|---:|---:|---:|---:|---|',
  ...rows.map(
    (r) =>
      `| ${r.scenario} | ${r.level} | ${r.variant} | ${r.floodedKm2} | ${r.polygons} | ${r.baselineMs} | ${r.floodMaskMs} | ` +
      `${r.computeFloodMs} | ${r.computeVsBaseline}× | ${r.meetsTarget ? 'yes' : 'no'} |`,
  ),
  '',
].join('\n');
await writeFile(new URL('flood.md', resultsDir), markdown);
console.log(markdown);
