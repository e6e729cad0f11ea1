import { VIEWPORT } from '../../scripts/chromium';
import { type BundleSize } from './bundleSize';
import { machineInfo } from './machineInfo';
import { round } from './stats';

import type { RunSample } from './mapPage';

// bench:map's record and its markdown table (bench/results/map.md).

/** bench:map's options, as parsed from its arguments. */
export interface MapBenchOptions {
  runs: number;
  warmup: number;
  clientDist: string | null;
  maxMinutes: number;
  parcels: number | null;
}

export interface ScenarioResult {
  name: string;
  path: string;
  app: { runs: RunSample[]; trimmedMeanMs: number | null };
  bare: { runs: RunSample[]; trimmedMeanMs: number | null; missing: string[] };
  /** Tile paths loaded by one page and not the other in the same round (should be empty). */
  tileDifference: { onlyApp: string[]; onlyBare: string[] };
  ratio: number | null;
  pass: boolean;
  map: { width: number; height: number; zoom: number; center: [number, number] };
}

export function roundSample(r: RunSample): RunSample {
  return { ...r, ms: round(r.ms, 1)! };
}

export type MapResult = {
  date: string;
  machine: ReturnType<typeof machineInfo>;
  engine: string;
  browser: string;
  viewport: typeof VIEWPORT;
  options: MapBenchOptions;
  loadavgStart: number[];
  loadavgEnd: number[];
  bundle: BundleSize;
  bundlePass: boolean;
  scenarios: ScenarioResult[];
};

export function mapMarkdown(r: MapResult, jsonName: string): string {
  const kb = (b: number) => `${(b / 1000).toFixed(1)} KB`;
  const range = (runs: RunSample[]) => {
    const ms = runs.map((x) => x.ms);
    return `${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)}`;
  };
  const lines = [
    '# Map load benchmark (issue #3)',
    '',
    `Run ${r.date.slice(0, 16).replace('T', ' ')} UTC, full data in [${jsonName}](${jsonName}). Rerun: \`npm run bench:map\` ` +
      '(embedded engine: default view) or `DATABASE_URL=postgres://… npm run bench:map -- --parcels 100000` ' +
      '(also a z14 view over that many synthetic parcels).',
    '',
    `- Machine: ${r.machine.nproc} × ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB RAM; Node ${r.machine.node}; ${r.browser}; ` +
      `viewport ${r.viewport.width}×${r.viewport.height}; database engine ${r.engine}.`,
    `- Load average (1/5/15 min) at start ${r.loadavgStart.join(' ')}, at end ${r.loadavgEnd.join(' ')}.`,
    `- Time from navigation start to the map's first \`idle\` with all sources added (the app's \`data-map-ready\`), ` +
      `trimmed mean (lowest and highest dropped) of ${r.options.runs} runs after ${r.options.warmup} warm-up, each in a fresh browser context, ` +
      "app and bare page interleaved. The bare page is maplibre-gl's own dist build with the app's style (same sources and layers, " +
      "taken from the app's map after its first idle) and map size, loading the tiles the app loaded as static files from a node:http file server.",
    '',
    '| view | app ms | bare MapLibre ms | ratio | target ≤ 1.2× | app runs min–max | bare runs min–max | tiles app / bare | tile bytes, one load |',
    '| --- | ---: | ---: | ---: | --- | ---: | ---: | --- | ---: |',
    ...r.scenarios.map(
      (s) =>
        `| ${s.name} (\`${s.path}\`, map ${s.map.width}×${s.map.height} px) | ${s.app.trimmedMeanMs} | ${s.bare.trimmedMeanMs} | ${s.ratio}× | ` +
        `${s.pass ? 'PASS' : '**FAIL**'} | ${range(s.app.runs)} | ${range(s.bare.runs)} | ` +
        `${s.app.runs[0]?.tiles ?? '–'} / ${s.bare.runs[0]?.tiles ?? '–'}` +
        `${s.bare.missing.length ? ` (${s.bare.missing.length} not recorded)` : ''}` +
        `${s.tileDifference.onlyApp.length + s.tileDifference.onlyBare.length ? ` (differ: ${s.tileDifference.onlyApp.length} only app, ${s.tileDifference.onlyBare.length} only bare)` : ', same set'} | ` +
        `${kb(s.app.runs[0]?.tileBytes ?? 0)} |`,
    ),
    '',
    '## JS bundle (gzip level 9)',
    '',
    '| part | gzipped |',
    '| --- | ---: |',
    `| app's own JS the page loads at start, without maplibre-gl (source maps) | ${kb(r.bundle.appOwnGzip)} — ${r.bundlePass ? 'PASS' : '**FAIL**'} (target < 150 KB) |`,
    `| app's own JS loaded on demand (sketch tools and panel) | ${kb(r.bundle.lazyOwnGzip ?? 0)} |`,
    `| all JS − maplibre-gl's dist files (includes the on-demand chunks) | ${kb(r.bundle.appOwnBySubtractionGzip)} |`,
    `| maplibre-gl in the build (main-thread part + worker) | ${kb(r.bundle.maplibreGzip)} |`,
    `| all JS | ${kb(r.bundle.totalJsGzip)} |`,
    `| CSS | ${kb(r.bundle.cssGzip)} |`,
    '',
    'Method: vite writes source maps; every character of the generated chunks is attributed to the source file it maps to, ' +
      'the characters from `node_modules/maplibre-gl/` are removed and the rest (React, zustand, proj4, the app) is gzipped; ' +
      "the worker chunk is maplibre-gl's only. The cross-check subtracts the gzipped size of maplibre-gl's own dist files " +
      '(`maplibre-gl.mjs`, `maplibre-gl-shared.mjs`, `maplibre-gl-worker.mjs`) from the gzipped total.',
    '',
    `Files: ${r.bundle.files.map((f) => `\`${f.file}\` ${kb(f.bytes)} (${kb(f.gzip)} gz${f.initial === false ? ', on demand' : ''})`).join(', ')}.`,
    '',
  ];
  return `${lines.join('\n')}\n`;
}
