import { round } from './stats';
import { LIMITS, type DatasetRecord, type Mode, type RunRecord, type TargetCheck } from './tileBenchTypes';
import { kb } from './tilesMarkdown';

/** bench:tiles' targets (issue #3) for one dataset, at each connection count. */
export function evaluateTargets(
  parcels: number,
  runs: RunRecord[],
  tileBytes: DatasetRecord['tileBytes'],
  serverRss: DatasetRecord['serverRssMaxMiB'],
  connectionCounts: readonly number[],
): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const pct = (v: number) => `${(v * 100).toFixed(0)} %`;
  for (const connections of connectionCounts) {
    const run = (mode: Mode) => runs.find((r) => r.mode === mode && r.connections === connections)!;
    const [ceiling, off, warm, bare] = (
      ['ceiling', 'server-cache-off', 'server-cache-warm', 'bare-node-http'] as const
    ).map(run) as [RunRecord, RunRecord, RunRecord, RunRecord];
    const offRatio = (off.reqPerSec ?? 0) / (ceiling.reqPerSec ?? Number.NaN);
    checks.push({
      parcels,
      connections,
      target: `(2) ≥ ${pct(LIMITS.serverVsCeiling)} of (1) req/s`,
      measured: `${off.reqPerSec} / ${ceiling.reqPerSec} = ${pct(offRatio)}`,
      pass: offRatio >= LIMITS.serverVsCeiling,
    });
    const warmRatio = (warm.reqPerSec ?? 0) / (bare.reqPerSec ?? Number.NaN);
    checks.push({
      parcels,
      connections,
      target: `(3) ≥ ${pct(LIMITS.warmVsBare)} of (4) req/s`,
      measured: `${warm.reqPerSec} / ${bare.reqPerSec} = ${pct(warmRatio)}`,
      pass: warmRatio >= LIMITS.warmVsBare,
    });
    const p50Off = off.bands['z14-16']?.p50 ?? null;
    const p50Ceiling = ceiling.bands['z14-16']?.p50 ?? null;
    const diff = p50Off !== null && p50Ceiling !== null ? p50Off - p50Ceiling : Number.NaN;
    checks.push({
      parcels,
      connections,
      target: `p50 z14–16: (2) − (1) ≤ ${LIMITS.p50OverCeilingMs} ms`,
      measured: `${p50Off} − ${p50Ceiling} = ${round(diff, 2)} ms`,
      pass: diff <= LIMITS.p50OverCeilingMs,
    });
  }
  const failed = runs.filter((r) => r.errors + r.non2xx > 0);
  checks.push({
    parcels,
    connections: null,
    target: 'zero errors and non-2xx, all runs',
    measured:
      failed.length === 0
        ? '0'
        : failed.map((r) => `${r.mode}@${r.connections}: ${r.errors} errors, ${r.non2xx} non-2xx`).join('; '),
    pass: failed.length === 0,
  });
  const rss = Math.max(serverRss.cacheOff ?? Number.NaN, serverRss.cacheWarm ?? Number.NaN);
  checks.push({
    parcels,
    connections: null,
    target: `server RSS < ${LIMITS.rssMiB} MiB throughout`,
    measured: `max ${round(rss, 0)} MiB (cache off ${round(serverRss.cacheOff ?? Number.NaN, 0)}, warm ${round(serverRss.cacheWarm ?? Number.NaN, 0)})`,
    pass: rss < LIMITS.rssMiB,
  });
  checks.push({
    parcels,
    connections: null,
    target: `every tile < ${LIMITS.tileBytes / 1000} KB (sampled tiles)`,
    measured: `max ${kb(tileBytes.max)} (${tileBytes.maxPath})`,
    pass: tileBytes.max < LIMITS.tileBytes,
  });
  checks.push({
    parcels,
    connections: null,
    target: `z14 tiles < ${LIMITS.z14TileBytes / 1000} KB (sampled tiles)`,
    measured:
      tileBytes.z14Max === null ? 'no z14 tile sampled' : `max ${kb(tileBytes.z14Max)} (${tileBytes.z14MaxPath})`,
    pass: tileBytes.z14Max !== null && tileBytes.z14Max < LIMITS.z14TileBytes,
  });
  return checks;
}
