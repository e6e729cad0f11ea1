import { percentile, round } from './stats';
import { prng } from './prng';
import { MAX_VISITOR_POSITIONS } from '../../server/src/modules/sketches/checkSketchGeometry';

/** One request of a load, tagged cheap (tiles, lists, health) or expensive (issue #19's worst cases). */
export interface TaggedRequest {
  tag: 'cheap' | 'expensive';
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

export interface TagFigures {
  requests: number;
  statuses: Record<string, number>;
  errors: number;
  p50: number;
  p99: number;
}

/** A closed polygon of n corners around Køge and the bay: valid, but with costly overlays (EPSG:4326). */
function disc(n: number): object {
  const ring = Array.from({ length: n }, (_, i) => [
    Number((12.17 + 0.068 * Math.cos((2 * Math.PI * i) / n)).toFixed(7)),
    Number((55.46 + 0.04 * Math.sin((2 * Math.PI * i) / n)).toFixed(7)),
  ]);
  return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
}

/** The star of issue #19's report: n corners, each 0.37 of a turn on from the last. */
function star(n: number): object {
  const ring = Array.from({ length: n }, (_, i) => [
    Number((12.15 + 0.05 * Math.cos(2 * Math.PI * i * 0.37)).toFixed(7)),
    Number((55.45 + 0.03 * Math.sin(2 * Math.PI * i * 0.37)).toFixed(7)),
  ]);
  return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
}

/**
 * The expensive requests an anonymous client can send: constraint checks of the largest polygon a visitor may send, the review's
 * stars on validate, OGC bbox queries, exports, and flood levels no one asked for before (each computed once).
 */
export function expensiveRequests(count: number, seed = 19): TaggedRequest[] {
  const random = prng(seed);
  const heavy = JSON.stringify({ geometry: disc(MAX_VISITOR_POSITIONS - 1) });
  const stars = [100, 20_000].map((n) => JSON.stringify({ geometry: star(n) }));
  const out: TaggedRequest[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 6;
    if (kind === 0 || kind === 1) out.push({ tag: 'expensive', method: 'POST', path: '/api/constraints', body: heavy });
    else if (kind === 2) {
      out.push({ tag: 'expensive', method: 'POST', path: '/api/sketches/validate', body: stars[i % 2]! });
    } else if (kind === 3) {
      const w = 11.9 + random() * 0.3;
      const s = 55.35 + random() * 0.15;
      out.push({
        tag: 'expensive',
        method: 'GET',
        path: `/ogc/collections/koege-nord-plots/items?bbox=${w.toFixed(4)},${s.toFixed(4)},${(w + 0.2).toFixed(4)},${(s + 0.1).toFixed(4)}`,
      });
    } else if (kind === 4) {
      out.push({
        tag: 'expensive',
        method: 'GET',
        path: i % 12 === 4 ? '/api/plots.csv' : '/api/sketches/export.geojson',
      });
    } else {
      const level = (0.01 + Math.floor(random() * 400) / 100).toFixed(2);
      out.push({
        tag: 'expensive',
        method: 'GET',
        path: `/api/flood?level=${level}&dike=${random() < 0.5 ? 'with' : 'without'}`,
      });
    }
  }
  return out;
}

/** `cheap` with every `nth` request replaced by the next of `expensive` (nth 10: a tenth are expensive). */
export function mixIn(cheap: TaggedRequest[], expensive: TaggedRequest[], nth: number): TaggedRequest[] {
  return cheap.map((item, i) => (i % nth === nth - 1 ? expensive[Math.floor(i / nth) % expensive.length]! : item));
}

/**
 * A closed-loop load over HTTP on loopback: `connections` clients, each sending the next request of `items` as
 * soon as its last answer arrived, for `durationS` seconds; latencies and statuses per tag.
 */
export async function runTaggedLoad(
  origin: string,
  items: TaggedRequest[],
  connections: number,
  durationS: number,
  timeoutMs: number,
): Promise<Record<TaggedRequest['tag'], TagFigures>> {
  const latencies = { cheap: [] as number[], expensive: [] as number[] };
  const statuses = { cheap: {} as Record<string, number>, expensive: {} as Record<string, number> };
  const errors = { cheap: 0, expensive: 0 };
  const until = performance.now() + durationS * 1000;
  let next = 0;
  const worker = async () => {
    while (performance.now() < until) {
      const item = items[next++ % items.length]!;
      const sent = performance.now();
      try {
        const response = await fetch(origin + item.path, {
          method: item.method,
          ...(item.body ? { body: item.body, headers: { 'content-type': 'application/json' } } : {}),
          signal: AbortSignal.timeout(timeoutMs),
        });
        await response.arrayBuffer();
        latencies[item.tag].push(performance.now() - sent);
        statuses[item.tag][response.status] = (statuses[item.tag][response.status] ?? 0) + 1;
      } catch {
        errors[item.tag] += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const figures = (tag: TaggedRequest['tag']): TagFigures => ({
    requests: latencies[tag].length,
    statuses: statuses[tag],
    errors: errors[tag],
    p50: round(percentile(latencies[tag], 50), 1) ?? Number.NaN,
    p99: round(percentile(latencies[tag], 99), 1) ?? Number.NaN,
  });
  return { cheap: figures('cheap'), expensive: figures('expensive') };
}
