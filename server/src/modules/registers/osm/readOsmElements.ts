import { SaxesParser } from 'saxes';
import { outOfRange } from '../registerCrs';
import { RegisterImportError } from '../RegisterImportError';
import { classifyOsmWay } from './classifyOsmWay';

/** What an OSM read left out, for the report. */
export interface OsmSkips {
  /** Ways of no class the map draws (boundaries, fences, …). */
  unclassified: number;
  /** Ways with a node not in the file (an extract cut through them), or too few nodes for their shape. */
  incomplete: number;
}

/** A way of a class the map draws, as it is staged: its nodes by id, resolved later in the database. */
export interface OsmWayRow {
  /** 1-based position among the file's ways. */
  n: number;
  /** The line its `<way>` opens on. */
  line: number;
  /** OSM way id (decimal digits). */
  id: string;
  /** `${layer.sitePrefix}-${id}`: the site a re-import replaces. */
  siteId: string;
  layerId: string;
  kind: string;
  /** The `name` and `ref` tags, null when absent or empty. */
  name: string | null;
  ref: string | null;
  /** A closed ring of an area class (building, water, land use): a polygon; otherwise a line. */
  polygon: boolean;
  /** Node ids (decimal digits, possibly negative as editors write new nodes), in order. */
  refs: string[];
}

/** The elements of one piece of the file: nodes as parallel arrays (compact), ways as rows. */
export interface OsmBatch {
  nodeIds: string[];
  lons: number[];
  lats: number[];
  ways: OsmWayRow[];
}

const NODE_ID = /^-?\d{1,18}$/;
const WAY_ID = /^\d{1,18}$/;
const CRS_NAME = 'OSM (WGS 84 lon/lat)';
const emptyBatch = (): OsmBatch => ({ nodeIds: [], lons: [], lats: [], ways: [] });

/**
 * Streams an OSM XML (0.6) file as batches of nodes and drawn ways, one batch per chunk read, with a SAX parser:
 * nothing is resolved here, so memory stays bounded by the chunk whatever the file's size, and nodes may come in
 * any order. Ways of no class the map draws are counted and dropped (see classifyOsmWay); relations are not read.
 * Refuses, naming the line, what is not well-formed OSM XML, a truncated or empty file, and a node that is not in
 * Denmark in WGS 84 degrees (EPSG:25832 metres written as lat/lon, say).
 */
export async function* readOsmElements({
  chunks,
  source,
  skips,
}: {
  chunks: AsyncIterable<string>;
  source: string;
  skips: OsmSkips;
}): AsyncGenerator<OsmBatch> {
  const parser = new SaxesParser({ position: true });
  let batch = emptyBatch();
  let way: (OsmWayRow & { tags: Record<string, string> }) | null = null;
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
      if (!NODE_ID.test(a.id ?? '') || a.lon === '' || a.lat === '' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
        fail(`node ${String(a.id).slice(0, 20)} has no valid id, lat and lon`);
      }
      const wrong = outOfRange(lon, lat, 4326, CRS_NAME);
      if (wrong) fail(`node ${a.id}: ${wrong}`);
      batch.nodeIds.push(a.id!);
      batch.lons.push(lon);
      batch.lats.push(lat);
    } else if (depth === 2 && tag.name === 'way') {
      if (!WAY_ID.test(a.id ?? '')) fail('a way has no valid id');
      way = {
        n: ++n,
        line: parser.line,
        id: a.id!,
        siteId: '',
        layerId: '',
        kind: '',
        name: null,
        ref: null,
        polygon: false,
        refs: [],
        tags: {},
      };
    } else if (depth === 3 && way && tag.name === 'nd') {
      if (!NODE_ID.test(a.ref ?? '')) fail(`way ${way.id} has a <nd> without a valid ref`);
      way.refs.push(a.ref!);
    } else if (depth === 3 && way && tag.name === 'tag' && a.k !== undefined) {
      way.tags[a.k] = a.v ?? '';
    }
  });
  parser.on('closetag', (tag) => {
    depth--;
    if (depth !== 1 || tag.name !== 'way' || !way) return;
    const w = way;
    way = null;
    const closed = w.refs.length >= 4 && w.refs[0] === w.refs[w.refs.length - 1];
    const cls = classifyOsmWay(w.tags, closed);
    if (!cls) {
      skips.unclassified++;
      return;
    }
    if (w.refs.length < 2) {
      skips.incomplete++;
      return;
    }
    batch.ways.push({
      n: w.n,
      line: w.line,
      id: w.id,
      siteId: `${cls.layer.sitePrefix}-${w.id}`,
      layerId: cls.layer.id,
      kind: cls.kind,
      name: w.tags.name || null,
      ref: w.tags.ref || null,
      polygon: cls.layer.geometry_type === 'polygon',
      refs: w.refs,
    });
  });

  for await (const chunk of chunks) {
    if (!started) {
      const first = /\S/.exec(chunk.replace(/^\uFEFF/, ''))?.[0];
      if (first === undefined) continue;
      if (first !== '<') fail(`not OSM XML: it starts with "${first}"`);
      started = true;
    }
    parser.write(chunk);
    if (batch.nodeIds.length > 0 || batch.ways.length > 0) {
      yield batch;
      batch = emptyBatch();
    }
  }
  if (!started) throw new RegisterImportError(source, null, 'the file is empty');
  if (depth > 0)
    fail(way ? `the file ends inside way ${(way as OsmWayRow).id}: it is truncated` : 'the file is truncated');
  parser.close();
  if (batch.nodeIds.length > 0 || batch.ways.length > 0) yield batch;
}
