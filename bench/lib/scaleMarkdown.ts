import type { WrkResult } from './scaleMix';

/** bench/results/scale.md from one run of `npm run bench:scale` (issue #18). */
export function scaleMarkdown(r: {
  date: string;
  parcels: number;
  machine: { nproc: number; cpuModel: string };
  loadAverage: number[];
  loadAverageAtStart?: number[];
  configurations: Record<'a' | 'b' | 'c', WrkResult & { writes: number }>;
  varnish: { hitRatio: number | null; hits: number; misses: number };
  lag: Record<string, number | null>;
  hitPath: { varnish: WrkResult; throughNginx: WrkResult; bareVarnishStatic: WrkResult; tileBytes: number };
  basebackupS: number | null;
  load: { connections: number; durationS: number };
  hitDurationS: number;
  warmS: number;
  rewarmS: number;
  /** The order of each round, e.g. "A B C". */
  rounds: string[];
  runs: Record<'a' | 'b' | 'c', (WrkResult & { writes: number })[]>;
}): string {
  const LOAD = r.load;
  const HIT = { connections: r.load.connections, durationS: r.hitDurationS };
  const base = r.configurations.a.reqPerS;
  const row = (label: string, key: 'a' | 'b' | 'c') => {
    const x = r.configurations[key];
    const perRound = r.runs[key].map((run) => run.reqPerS.toFixed(0)).join(' / ');
    return `| ${label} | ${perRound} | ${x.reqPerS.toFixed(0)} | ${(x.reqPerS / base).toFixed(2)}× | ${x.p50Ms.toFixed(1)} | ${x.p99Ms.toFixed(1)} | ${x.non2xx + x.socketErrors} | ${x.writes} |`;
  };
  const ratio = (x: 'b' | 'c', y: 'a' | 'b') => (r.configurations[x].reqPerS / r.configurations[y].reqPerS).toFixed(2);
  const hp = r.hitPath;
  return `# bench:scale (issue #18)

${r.date}, ${r.machine.nproc} cores (${r.machine.cpuModel}), load average ${r.loadAverageAtStart ? `${r.loadAverageAtStart.join(' / ')} at the start, ` : ''}${r.loadAverage.join(' / ')} at the end; ${r.parcels.toLocaleString('en')} synthetic parcels.
wrk, 1 thread, ${LOAD.connections} connections; the mix: 70 % tiles z12–16 over 40 views (Zipf-weighted, versioned
URLs, the sites tileset and the parcels), 10 % /api/layers, 10 % feature lists and plot searches, 10 % site details;
a planner saves a sketch every second during each measured run. Everything (PostgreSQL primary and standby, app
instances, nginx, Varnish, wrk) shares the same ${r.machine.nproc} cores, so three instances cannot be faster than
one by more than the idle CPU allows: read the ratios.

**Fair order.** All three configurations are up before any is measured. Each gets the same ${r.warmS} s warm-up pass
of the mix, then ${r.rounds.length} measured rounds of ${LOAD.durationS} s per configuration (each after ${r.rewarmS} s more of the mix), in
alternating order (${r.rounds.map((o) => o.replace(/ /g, ', ')).join('; then ')}), so no configuration owes its figure to running first on cold caches or
last on warm ones. Figures are the means of the rounds (errors and writes summed); the per-round req/s show the
spread.

| Configuration | req/s per round | req/s | vs A | p50 ms | p99 ms | errors | writes |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |
${row('A. one instance, primary', 'a')}
${row('B. 3 instances behind nginx, reads on the replica', 'b')}
${row('C. B + Varnish in front of /tiles', 'c')}

B/A = ${ratio('b', 'a')}×, C/B = ${ratio('c', 'b')}× (Varnish alone), C/A = ${ratio('c', 'a')}×.

Varnish hit ratio during C's measured runs: ${((r.varnish.hitRatio ?? 0) * 100).toFixed(1)} % (${r.varnish.hits} hits, ${r.varnish.misses} misses).

Replica lag under write load (${r.lag.rowsPerS} parcel rows/s rewritten on the primary, with the C read mix at
${r.lag.readReqPerS} req/s, p99 ${r.lag.readP99Ms} ms): replay lag p50 ${r.lag.p50Ms} ms, p99 ${r.lag.p99Ms} ms, max ${r.lag.maxMs} ms;
at most ${((r.lag.maxBytes ?? 0) / 1024 / 1024).toFixed(1)} MiB of WAL not yet replayed (${r.lag.samples} samples of pg_stat_replication).
The standby's pg_basebackup of the whole test cluster took ${r.basebackupS} s.

Hit path (one hot ${hp.tileBytes}-byte tile, ${HIT.connections} connections, ${HIT.durationS} s):

| Path | req/s | p50 ms | p99 ms | vs bare Varnish |
| --- | ---: | ---: | ---: | ---: |
| bare Varnish, a static file of the same bytes | ${hp.bareVarnishStatic.reqPerS.toFixed(0)} | ${hp.bareVarnishStatic.p50Ms.toFixed(2)} | ${hp.bareVarnishStatic.p99Ms.toFixed(2)} | 1.00× |
| our VCL, tile hit | ${hp.varnish.reqPerS.toFixed(0)} | ${hp.varnish.p50Ms.toFixed(2)} | ${hp.varnish.p99Ms.toFixed(2)} | ${(hp.varnish.reqPerS / hp.bareVarnishStatic.reqPerS).toFixed(2)}× |
| nginx → our VCL, tile hit | ${hp.throughNginx.reqPerS.toFixed(0)} | ${hp.throughNginx.p50Ms.toFixed(2)} | ${hp.throughNginx.p99Ms.toFixed(2)} | ${(hp.throughNginx.reqPerS / hp.bareVarnishStatic.reqPerS).toFixed(2)}× |
`;
}
