import type { LoadResult } from './loadRuns';
import type { MachineInfo } from './machineInfo';

/** The four things bench:tiles measures (and two diagnostics), in the order it runs them. */
export const MODES = [
  'ceiling',
  'ceiling-unnamed',
  'bare-node-pg',
  'server-cache-off',
  'server-cache-warm',
  'bare-node-http',
] as const;
export type Mode = (typeof MODES)[number];

export const MODE_LABELS: Record<Mode, string> = {
  ceiling: '(1) ceiling: tile SQL on PostGIS',
  // Not a target: the ceiling's SQL sent as the server sends it (unnamed, parsed and planned every time),
  // to show how much of the gap between (1) and (2) is planning.
  'ceiling-unnamed': "(1') same SQL, unnamed statements",
  // Not a target: bare node:http + pg running the same SQL, the least any Node server in front of it adds.
  'bare-node-pg': "(2') bare node:http + pg, same SQL",
  'server-cache-off': '(2) server, cache off',
  'server-cache-warm': '(3) server, cache warm',
  'bare-node-http': '(4) bare node:http, same bytes',
};

/** Issue #3's targets. KB = 1000 bytes, MiB = 2^20 bytes. */
export const LIMITS = {
  /** (2) req/s at least this share of (1). */
  serverVsCeiling: 0.8,
  /** (3) req/s at least this share of (4). */
  warmVsBare: 0.7,
  /** p50 of (2) at most this many ms above p50 of (1), z14–16. */
  p50OverCeilingMs: 1,
  rssMiB: 300,
  tileBytes: 500_000,
  z14TileBytes: 100_000,
};

export interface RunRecord extends LoadResult {
  mode: Mode;
  connections: number;
  /** Largest RSS of the process answering (polled every 200 ms); null for the ceiling. */
  rssMaxMiB: number | null;
  /**
   * CPU time per completed request: of the answering process (null for the ceiling, whose work is in
   * PostgreSQL), and of the benchmark process itself (autocannon, or the pg clients of the ceiling).
   */
  cpuMsPerRequest: { server: number | null; loadGenerator: number | null };
  loadavgStart: number[];
  loadavgEnd: number[];
}

export interface TargetCheck {
  parcels: number;
  connections: number | null;
  target: string;
  measured: string;
  pass: boolean;
}

export interface DatasetRecord {
  /** Features in the layer (parcels of the synthetic layer). */
  parcels: number;
  layer: string;
  /** The synthetic layer was reused or (re)generated; `existing`: a layer named with --layer. */
  synth: { action: 'reused' | 'generated' | 'existing'; seconds: number | null };
  tileSet: {
    requests: number;
    distinct: number;
    zoomRange: [number, number];
    byBand: Record<string, { requests: number; distinct: number }>;
    /** Distinct tiles the server answered with 204 (nothing in them). */
    emptyDistinct: number;
  };
  tileBytes: {
    max: number;
    maxPath: string;
    z14Max: number | null;
    z14MaxPath: string | null;
    meanPerRequest: number | null;
    meanByBand: Record<string, number | null>;
  };
  /** TILE_CACHE_MB of the warm server: room for every distinct tile. */
  serverCacheMb: number;
  /** Largest RSS of each server over its whole life in this dataset (start, warming and all runs). */
  serverRssMaxMiB: { cacheOff: number | null; cacheWarm: number | null };
  runs: RunRecord[];
  targets: TargetCheck[];
}

export interface TilesOptions {
  parcels: number[];
  durationS: number;
  connections: number[];
  warmupS: number;
  tiles: number;
  seed: number;
  maxMinutes: number;
  /** Benchmark this existing layer instead of the synthetic parcels. */
  layer: string | null;
}

export interface TilesResult {
  benchmark: 'tiles';
  issue: 3;
  date: string;
  finished: string;
  machine: MachineInfo;
  database: {
    postgresql: string;
    postgis: string;
    geos: string;
    maxConnections: number;
    serverPoolSize: number;
    url: string;
  };
  options: TilesOptions;
  limits: typeof LIMITS;
  loadavgStart: number[];
  loadavgEnd: number[];
  datasets: DatasetRecord[];
}
