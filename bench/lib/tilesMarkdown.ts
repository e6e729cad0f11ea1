import { MODE_LABELS, type Mode, type TilesResult } from './tileBenchTypes';

const fmt = (v: number | null | undefined, digits = 1) => (v === null || v === undefined ? '–' : v.toFixed(digits));
/** Bytes as KB (1000 B), or a dash for none. */
export const kb = (bytes: number | null | undefined) =>
  bytes === null || bytes === undefined ? '–' : `${(bytes / 1000).toFixed(1)} KB`;

/** Diagnostics, not targets: how far the bare Node floor (2') and our server (2) are from the ceiling. */
function floorLines(runs: TilesResult['datasets'][number]['runs']): string[] {
  const p50 = (mode: Mode, connections: number) =>
    runs.find((r) => r.mode === mode && r.connections === connections)?.bands['z14-16']?.p50 ?? null;
  const rows = [...new Set(runs.map((r) => r.connections))].flatMap((connections) => {
    const ceiling = p50('ceiling', connections);
    const floor = p50('bare-node-pg', connections);
    const server = p50('server-cache-off', connections);
    if (ceiling === null || floor === null || server === null) return [];
    return [
      `| ${connections} | ${fmt(floor - ceiling, 2)} ms | ${fmt(server - floor, 2)} ms | ${fmt(server - ceiling, 2)} ms |`,
    ];
  });
  if (rows.length === 0) return [];
  return [
    'Where the p50 gap (z14–16) comes from (diagnostic, not a target):',
    '',
    "| conns | (2') bare Node + pg − (1) ceiling | (2) server − (2') | (2) − (1) |",
    '| ---: | ---: | ---: | ---: |',
    ...rows,
    '',
  ];
}

/** bench/results/tiles.md: the last run as tables, with the machine and load it ran under. */
export function tilesMarkdown(result: TilesResult, jsonName: string): string {
  const { machine, database: db, options: o } = result;
  const lines: string[] = [
    '# Tile benchmark (issue #3)',
    '',
    `Run ${result.date.slice(0, 16).replace('T', ' ')} UTC, full data in [${jsonName}](${jsonName}). ` +
      `Rerun: \`DATABASE_URL=postgres://… npm run bench:tiles -- --parcels ${o.parcels.join(',')} ` +
      `--duration ${o.durationS} --connections ${o.connections.join(',')}\`.`,
    '',
    `- Machine: ${machine.nproc} × ${machine.cpuModel} (\`nproc\` ${machine.nproc}), ${machine.memoryGiB} GiB RAM, ${machine.platform}; ` +
      `Node ${machine.node}; PostgreSQL ${db.postgresql}, PostGIS ${db.postgis} (GEOS ${db.geos}); ` +
      `server pool PG_POOL_SIZE ${db.serverPoolSize}.`,
    `- Load average (1/5/15 min) at start ${result.loadavgStart.join(' ')}, at end ${result.loadavgEnd.join(' ')} ` +
      '(shared machine: compare the ratios, not the absolute figures).',
    `- Each run: ${o.durationS} s after a ${o.warmupS} s warm-up, autocannon on 127.0.0.1, no pipelining; ` +
      `the ceiling is the server's own SQL (mvtSql) with pg prepared statements, one client per connection; ` +
      `(1') is not a target but a diagnostic: the same SQL as unnamed statements, parsed and planned per call; ` +
      `(2') is another: bare node:http with a pg pool of the server's size running the same SQL (bench/bareSqlTileServer.ts), ` +
      `the least any Node server in front of that SQL adds. ` +
      `Latencies in ms; bytes are tile bodies (uncompressed); RSS is the answering process's maximum, polled every 200 ms; ` +
      `CPU ms/req: CPU time of the answering process (server) and of the benchmark process (autocannon or the ceiling's pg clients) per completed request.`,
    '',
  ];
  for (const d of result.datasets) {
    lines.push(
      `## ${d.parcels.toLocaleString('en').replace(/,/g, ' ')} ${d.synth.action === 'existing' ? `features of \`${d.layer}\`` : 'parcels'}`,
      '',
    );
    const bands = Object.entries(d.tileSet.byBand)
      .filter(([, b]) => b.requests > 0)
      .map(([band, b]) => `${band}: ${b.requests} (${b.distinct} distinct)`)
      .join(', ');
    lines.push(
      `Tile list: ${d.tileSet.requests} requests over random parcels (seed ${o.seed}), ${d.tileSet.distinct} distinct tiles, ` +
        `z${d.tileSet.zoomRange[0]}–${d.tileSet.zoomRange[1]} (${bands}); ${d.tileSet.emptyDistinct} empty (204). ` +
        (d.tileSet.zoomRange[0] > 10
          ? `z10–${d.tileSet.zoomRange[0] - 1} are left out: below the layer's min_zoom the server answers 204 without SQL, so there is no ceiling to compare with. `
          : '') +
        `Layer \`${d.layer}\`${{ generated: `, generated in ${d.synth.seconds} s`, reused: ', reused', existing: '' }[d.synth.action]}; ` +
        `warm server TILE_CACHE_MB=${d.serverCacheMb}.`,
      '',
      '| conns | run | req/s | p50 | p99 | p50 z13 | p50 z14–16 | bytes/tile | errors / non-2xx | RSS max MiB | CPU ms/req server, bench | load 1 min |',
      '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    );
    for (const r of d.runs) {
      lines.push(
        `| ${r.connections} | ${MODE_LABELS[r.mode]} | ${fmt(r.reqPerSec, 0)} | ${fmt(r.p50, 2)} | ${fmt(r.p99, 2)} | ` +
          `${fmt(r.bands.z13?.p50, 2)} | ${fmt(r.bands['z14-16']?.p50, 2)} | ${kb(r.meanBytes)} | ${r.errors} / ${r.non2xx} | ` +
          `${fmt(r.rssMaxMiB, 0)} | ${fmt(r.cpuMsPerRequest.server, 2)}, ${fmt(r.cpuMsPerRequest.loadGenerator, 2)} | ` +
          `${r.loadavgStart[0]} → ${r.loadavgEnd[0]} |`,
      );
    }
    const t = d.tileBytes;
    lines.push(
      '',
      `Tile sizes (distinct tiles of the list): largest ${kb(t.max)} (\`${t.maxPath}\`), largest z14 ${kb(t.z14Max)}` +
        `${t.z14MaxPath ? ` (\`${t.z14MaxPath}\`)` : ''}; mean per request ${kb(t.meanPerRequest)} ` +
        `(${Object.entries(t.meanByBand)
          .filter(([, v]) => v !== null)
          .map(([band, v]) => `${band} ${kb(v)}`)
          .join(', ')}).`,
      '',
      '| target | conns | measured | result |',
      '| --- | ---: | --- | --- |',
      ...d.targets.map(
        (c) => `| ${c.target} | ${c.connections ?? 'all'} | ${c.measured} | ${c.pass ? 'PASS' : '**FAIL**'} |`,
      ),
      '',
      ...floorLines(d.runs),
    );
  }
  return `${lines.join('\n')}\n`;
}
