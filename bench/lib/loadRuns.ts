import autocannon, { type AutocannonClient } from 'autocannon';
import pg from 'pg';
import { BANDS, type Band, type TileCase } from './tileCases';
import { mean, percentile, round } from './stats';
import { decodeMvt } from '../../server/src/modules/tiles/tileQueries';

/** What one load run measured; latencies in ms, bytes are tile (body) bytes. */
export interface LoadResult {
  requests: number;
  durationS: number;
  reqPerSec: number | null;
  p50: number | null;
  p99: number | null;
  meanBytes: number | null;
  /** Connection errors and timeouts (HTTP), or failed queries (SQL). */
  errors: number;
  non2xx: number;
  /** First error message seen, if any. */
  firstError?: string;
  bands: Partial<Record<Band, { requests: number; p50: number | null; p99: number | null; meanBytes: number | null }>>;
}

class Recorder {
  readonly latencies: number[] = [];
  readonly bytes: number[] = [];
  readonly byBand = new Map<Band, { latencies: number[]; bytes: number[] }>(
    BANDS.map((b) => [b, { latencies: [], bytes: [] }]),
  );

  add(band: Band | undefined, latencyMs: number, bytes: number) {
    this.latencies.push(latencyMs);
    this.bytes.push(bytes);
    if (band) {
      const b = this.byBand.get(band)!;
      b.latencies.push(latencyMs);
      b.bytes.push(bytes);
    }
  }

  result({
    durationS,
    errors,
    non2xx,
    firstError,
  }: {
    durationS: number;
    errors: number;
    non2xx: number;
    firstError?: string;
  }): LoadResult {
    const bands: LoadResult['bands'] = {};
    for (const [band, b] of this.byBand) {
      if (b.latencies.length === 0) continue;
      bands[band] = {
        requests: b.latencies.length,
        p50: round(percentile(b.latencies, 50), 3),
        p99: round(percentile(b.latencies, 99), 3),
        meanBytes: round(mean(b.bytes), 0),
      };
    }
    return {
      requests: this.latencies.length,
      durationS: round(durationS, 2)!,
      reqPerSec: round(this.latencies.length / durationS, 1),
      p50: round(percentile(this.latencies, 50), 3),
      p99: round(percentile(this.latencies, 99), 3),
      meanBytes: round(mean(this.bytes), 0),
      errors,
      non2xx,
      ...(firstError ? { firstError } : {}),
      bands,
    };
  }
}

/**
 * The ceiling: the server's own tile SQL run straight on the database by `connections` pg clients, each
 * looping over the tile list with a named (prepared) statement until `durationS` has passed. Queries that
 * finish after the deadline are not counted.
 */
export async function runSqlLoad({
  connectionString,
  sql,
  cases,
  connections,
  durationS,
  prepared = true,
}: {
  connectionString: string;
  sql: string;
  cases: readonly TileCase[];
  connections: number;
  durationS: number;
  /** false: unnamed statements, parsed and planned on every call (what `pool.query(text, values)` does). */
  prepared?: boolean;
}): Promise<LoadResult> {
  const clients = Array.from({ length: connections }, () => new pg.Client({ connectionString }));
  await Promise.all(clients.map((c) => c.connect()));
  const recorder = new Recorder();
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  try {
    // Prepare on every connection first, so that no run pays for parsing and planning.
    await Promise.all(clients.map((c) => c.query({ name: 'bench-tile', text: sql, values: cases[0]!.params })));
    const started = performance.now();
    const deadline = started + durationS * 1000;
    await Promise.all(
      clients.map(async (client) => {
        while (performance.now() < deadline) {
          const tile = cases[next++ % cases.length]!;
          const t0 = performance.now();
          try {
            const { rows } = await client.query<{ mvt: string | null }>(
              prepared ? { name: 'bench-tile', text: sql, values: tile.params } : { text: sql, values: tile.params },
            );
            // The tile's bytes, decoded as the server decodes them: the ceiling pays what the server pays.
            const bytes = decodeMvt(rows[0]).length;
            const t1 = performance.now();
            if (t1 <= deadline) recorder.add(tile.band, t1 - t0, bytes);
          } catch (err) {
            errors++;
            firstError ??= err instanceof Error ? err.message : String(err);
            if (errors > 1000) throw new Error(`ceiling: more than 1000 failed queries, first: ${firstError}`);
          }
        }
      }),
    );
    return recorder.result({ durationS, errors, non2xx: 0, firstError });
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  }
}

/** The request path autocannon just completed (it keeps the built request on the client; pipelining 1). */
function pathOf(client: AutocannonClient): string | undefined {
  const buffer = client.requestIterator?.currentRequest?.requestBuffer;
  if (!buffer) return undefined;
  const end = buffer.indexOf(' HTTP/1.1');
  return end > 4 ? buffer.toString('latin1', 4, end) : undefined;
}

/**
 * HTTP load with autocannon on loopback: `connections` keep-alive connections, no pipelining, for
 * `durationS`; each new request takes the next path of the tile list. Body bytes come from `sizeOf`
 * (the tile bytes fetched before the run), latency per zoom band from the path of each response.
 */
export async function runHttpLoad({
  origin,
  cases,
  connections,
  durationS,
  sizeOf,
}: {
  origin: string;
  cases: readonly TileCase[];
  connections: number;
  durationS: number;
  sizeOf: (path: string) => number;
}): Promise<LoadResult> {
  const byPath = new Map(cases.map((c) => [c.path, c]));
  const recorder = new Recorder();
  let next = 0;
  let non2xx = 0;
  let firstError: string | undefined;
  const instance = autocannon({
    url: origin,
    connections,
    duration: durationS,
    pipelining: 1,
    timeout: 10,
    requests: [
      { method: 'GET', setupRequest: (request) => ({ ...request, path: cases[next++ % cases.length]!.path }) },
    ],
  });
  instance.on('response', (client, statusCode, _resBytes, responseTime) => {
    const path = pathOf(client);
    if (statusCode < 200 || statusCode > 299) {
      non2xx++;
      firstError ??= `HTTP ${statusCode} for ${path}`;
      return;
    }
    recorder.add(path ? byPath.get(path)?.band : undefined, responseTime, path ? sizeOf(path) : Number.NaN);
  });
  instance.on('reqError', (error) => {
    firstError ??= error.message;
  });
  const result = await instance;
  return recorder.result({ durationS: result.duration, errors: result.errors, non2xx, firstError });
}
