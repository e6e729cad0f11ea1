import type pg from 'pg';
import { SaxesParser } from 'saxes';
import { RegisterImportError } from '../RegisterImportError';
import type { SourceFeature } from '../SourceFeature';
import { classifyOsmWay } from './classifyOsmWay';
import { analyseNodes, createNodeStage, nodePositions, stageNodes } from './osmRepository';

/** What an OSM read left out, for the report. */
export interface OsmSkips {
  /** Ways of no class the map draws (boundaries, fences, …). */
  unclassified: number;
  /** Ways with a node not in the file (an extract cut through them), or too few nodes for their shape. */
  incomplete: number;
}

const NODE_BATCH = 5_000;
const WAY_BATCH = 500;

interface PendingWay {
  n: number;
  line: number;
  id: string;
  refs: string[];
  tags: Record<string, string>;
}

/**
 * Streams the ways of an OSM XML (0.6) file as features in EPSG:4326, with a SAX parser: nodes are staged in the
 * database (they come before the ways in OSM XML), ways are resolved against them in batches, so memory stays
 * bounded whatever the file's size. Only ways of a class the map draws are handed on (see classifyOsmWay);
 * relations are not read. Runs inside the import's transaction on `client`.
 */
export async function* readOsmWays({
  client,
  chunks,
  source,
  skips,
}: {
  client: pg.ClientBase;
  chunks: AsyncIterable<string>;
  source: string;
  skips: OsmSkips;
}): AsyncGenerator<SourceFeature> {
  const parser = new SaxesParser({ position: true });
  const nodes: { id: string; lon: number; lat: number }[] = [];
  let ways: PendingWay[] = [];
  let way: PendingWay | null = null;
  let depth = 0;
  let n = 0;
  let started = false;
  const fail = (reason: string): never => {
    throw new RegisterImportError(source, `line ${parser.line}`, reason);
  };
  parser.on('error', (err) => fail(`not well-formed XML (${err.message.replace(/^[^:]*:\d+:\d+: /, '')})`));
  parser.on('opentag', (tag) => {
    depth++;
    const a = tag.attributes as Record<string, string>;
    if (depth === 1) {
      if (tag.name !== 'osm') fail(`not an OSM file (the root element is <${tag.name}>)`);
      return;
    }
    if (depth === 2 && tag.name === 'node') {
      const lon = Number(a.lon);
      const lat = Number(a.lat);
      if (!/^-?\d{1,19}$/.test(a.id ?? '') || !Number.isFinite(lon) || !Number.isFinite(lat)) {
        fail(`node ${String(a.id).slice(0, 20)} has no valid id, lat and lon`);
      }
      nodes.push({ id: a.id!, lon, lat });
    } else if (depth === 2 && tag.name === 'way') {
      if (!/^\d{1,19}$/.test(a.id ?? '')) fail('a way has no valid id');
      way = { n: ++n, line: parser.line, id: a.id!, refs: [], tags: {} };
    } else if (depth === 3 && way && tag.name === 'nd' && a.ref !== undefined) {
      way.refs.push(a.ref);
    } else if (depth === 3 && way && tag.name === 'tag' && a.k !== undefined) {
      way.tags[a.k] = a.v ?? '';
    }
  });
  parser.on('closetag', (tag) => {
    depth--;
    if (depth === 1 && tag.name === 'way' && way) {
      const closed = way.refs.length >= 4 && way.refs[0] === way.refs[way.refs.length - 1];
      if (classifyOsmWay(way.tags, closed)) ways.push(way);
      else skips.unclassified++;
      way = null;
    }
  });

  let analysed = false;
  async function* resolve(batch: PendingWay[]): AsyncGenerator<SourceFeature> {
    if (!analysed) {
      await analyseNodes(client);
      analysed = true;
    }
    const positions = await nodePositions(client, [...new Set(batch.flatMap((w) => w.refs))]);
    for (const w of batch) {
      const coordinates = w.refs.map((r) => positions.get(r));
      const closed = w.refs.length >= 4 && w.refs[0] === w.refs[w.refs.length - 1];
      const cls = classifyOsmWay(w.tags, closed)!;
      if (coordinates.some((c) => c === undefined) || coordinates.length < 2) {
        skips.incomplete++;
        continue;
      }
      const line = coordinates as [number, number][];
      yield {
        n: w.n,
        line: w.line,
        fid: `way/${w.id}`,
        typeName: 'way',
        properties: w.tags,
        geometry:
          cls.layer.geometry_type === 'polygon'
            ? { type: 'Polygon', coordinates: [line] }
            : { type: 'LineString', coordinates: line },
        srid: 4326,
        crsName: 'OSM (WGS 84 lon/lat)',
      };
    }
  }

  await createNodeStage(client);
  for await (const chunk of chunks) {
    if (!started) {
      const first = /\S/.exec(chunk.replace(/^\uFEFF/, ''))?.[0];
      if (first === undefined) continue;
      if (first !== '<') fail(`not OSM XML: it starts with "${first}"`);
      started = true;
    }
    parser.write(chunk);
    while (nodes.length > 0) await stageNodes(client, nodes.splice(0, NODE_BATCH));
    if (ways.length >= WAY_BATCH) {
      const batch = ways;
      ways = [];
      yield* resolve(batch);
    }
  }
  if (!started) throw new RegisterImportError(source, null, 'the file is empty');
  if (depth > 0)
    fail(way ? `the file ends inside way ${(way as PendingWay).id}: it is truncated` : 'the file is truncated');
  parser.close();
  while (nodes.length > 0) await stageNodes(client, nodes.splice(0, NODE_BATCH));
  yield* resolve(ways);
}
