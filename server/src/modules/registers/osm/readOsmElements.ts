import { outOfRange } from '../registerCrs';
import { RegisterImportError } from '../RegisterImportError';
import { classifyOsmWay } from './classifyOsmWay';
import { wayGeometry } from './osmGeometry';
import { OsmNodeStore } from './osmNodeStore';
import type { OsmBatch, OsmReadState, OsmRelationRow, OsmSkips, OsmWayRow } from './osmRows';
import { OsmXmlScanner, XmlError } from './scanOsmXml';

export type {
  OsmBatch,
  OsmBuiltWay,
  OsmMemberLine,
  OsmReadState,
  OsmRelationRow,
  OsmSkips,
  OsmWayRow,
} from './osmRows';

const NODE_ID = /^-?\d{1,16}$/;
const WAY_ID = /^\d{1,16}$/;
const CRS_NAME = 'OSM (WGS 84 lon/lat)';
/**
 * Where OSM data can go into EPSG:25832: its area of use (Europe, 6–12°E, 38.76–84.33°N), widened east and west to
 * the range taken for Denmark (Bornholm lies at 15°E). An extract elsewhere would be distorted beyond use.
 */
const AREA = { west: 2, east: 16, south: 38, north: 85 };
/**
 * 16 bytes a node: 8M nodes (an OSM XML file of about 1 GB) in 128 MB, at most twice that while it grows or sorts,
 * so that the process stays under 500 MB whatever the file's size.
 */
export const NODE_STORE_CAPACITY = 8_000_000;
/** Ways listed before their nodes wait in memory up to this many node ids (some 100 MB), then in the database. */
export const DEFERRED_REFS = 2_000_000;
const emptyBatch = (): OsmBatch => ({
  nodeIds: [],
  lons: [],
  lats: [],
  built: [],
  ways: [],
  members: [],
  relations: [],
});
const nonEmpty = (b: OsmBatch) =>
  b.nodeIds.length > 0 || b.built.length > 0 || b.ways.length > 0 || b.members.length > 0 || b.relations.length > 0;
const attr = (attrs: string[], count: number, key: string): string | undefined => {
  for (let i = 0; i < count; i += 2) if (attrs[i] === key) return attrs[i + 1];
  return undefined;
};

/**
 * Streams an OSM XML (0.6) file as batches of drawn ways, one batch per chunk read, with a field-made scanner
 * (scanOsmXml). Nodes are kept in a compact store (osmNodeStore) and each drawn way's geometry is made as the way
 * is read, in EPSG:25832 and 3857; a file with more nodes than the store takes sends its nodes, and its ways by node
 * id, to the database instead (`state.spilled`), so memory stays bounded whatever the file's size. Ways of no class
 * the map draws are counted, and kept only as lines for the multipolygon relations (see classifyOsmWay); those
 * relations of an area class are staged by their ways' ids, their rings assembled in the database.
 * Refuses, naming the line, what is not well-formed OSM XML, a truncated or empty file, a node listed twice, and a
 * node that is not in Denmark in WGS 84 degrees (EPSG:25832 metres written as lat/lon, say).
 */
export async function* readOsmElements({
  chunks,
  source,
  skips,
  state,
  nodeCapacity = NODE_STORE_CAPACITY,
  deferLimit = DEFERRED_REFS,
}: {
  chunks: AsyncIterable<string>;
  source: string;
  skips: OsmSkips;
  state: OsmReadState;
  nodeCapacity?: number;
  /** How many node ids of ways waiting for their nodes are held before those ways go to the database. */
  deferLimit?: number;
}): AsyncGenerator<OsmBatch> {
  const store = new OsmNodeStore(nodeCapacity);
  let prepared = false;
  let batch = emptyBatch();
  let way: (OsmWayRow & { tags: Record<string, string> }) | null = null;
  let lastWayId = -1;
  let relation: (OsmRelationRow & { tags: Record<string, string> }) | null = null;
  let relations = 0;
  /** Ways with a node not (yet) in the store, and their number of node ids. */
  let deferred: OsmWayRow[] = [];
  let deferredRefs = 0;
  /** Ways with a node not in the store go to the database, and so do the store's nodes at the end. */
  let waysToDb = false;
  let lons = new Float64Array(64);
  let lats = new Float64Array(64);
  const fail = (line: number, reason: string): never => {
    throw new RegisterImportError(source, `line ${line}`, reason);
  };

  const addNode = (attrs: string[], count: number, line: number) => {
    const id = attr(attrs, count, 'id') ?? '';
    const lonText = attr(attrs, count, 'lon');
    const latText = attr(attrs, count, 'lat');
    const lon = Number(lonText);
    const lat = Number(latText);
    if (!NODE_ID.test(id) || !lonText || !latText || !Number.isFinite(lon) || !Number.isFinite(lat)) {
      fail(line, `node ${id.slice(0, 20)} has no valid id, lat and lon`);
    }
    if (!(lon >= AREA.west && lon <= AREA.east && lat >= AREA.south && lat <= AREA.north)) {
      // Metres for degrees, or latitude first, are named as such; anything else is outside the CRS's area.
      const wrong = outOfRange(lon, lat, 4326, CRS_NAME);
      fail(
        line,
        `node ${id}: ${
          wrong && !wrong.includes('not in Denmark')
            ? wrong
            : `coordinates (${lon}, ${lat}) are outside the area the map's CRS (EPSG:25832) serves, ` +
              `${AREA.west}–${AREA.east}°E, ${AREA.south}–${AREA.north}°N`
        }`,
      );
    }
    // A node after a way makes the store sort again, if need be, before the next lookup.
    prepared = false;
    if (state.spilled || store.full) {
      state.spilled = true;
      batch.nodeIds.push(Number(id));
      batch.lons.push(lon);
      batch.lats.push(lat);
    } else if (!store.add(Number(id), lon, lat)) {
      throw new RegisterImportError(source, null, `node ${id} is listed more than once`);
    }
  };

  const prepare = () => {
    if (prepared) return;
    prepared = true;
    const twice = store.prepare();
    if (twice !== null) throw new RegisterImportError(source, null, `node ${twice} is listed more than once`);
  };

  /** Builds a way's geometry from the store's nodes; false when one of them is not there (yet). */
  const build = (w: OsmWayRow): boolean => {
    prepare();
    const n = w.refs.length;
    if (lons.length < n) {
      lons = new Float64Array(2 ** Math.ceil(Math.log2(n)));
      lats = new Float64Array(lons.length);
    }
    for (let i = 0; i < n; i++) {
      const at = store.find(Number(w.refs[i]));
      if (at < 0) return false;
      lons[i] = store.lon(at);
      lats[i] = store.lat(at);
    }
    if (w.layerId === '') {
      batch.members.push({ id: w.id, geom: wayGeometry(lons, lats, n, false, false).geom });
      return true;
    }
    const g = wayGeometry(lons, lats, n, w.polygon);
    if (g.check) state.unchecked++;
    batch.built.push({
      n: w.n,
      line: w.line,
      id: w.id,
      layerId: w.layerId,
      kind: w.kind,
      name: w.name,
      ref: w.ref,
      geom: g.geom,
      geom3857: g.geom3857,
      check: g.check,
    });
    return true;
  };

  const endWay = (w: OsmWayRow & { tags: Record<string, string> }) => {
    const closed = w.refs.length >= 4 && w.refs[0] === w.refs[w.refs.length - 1];
    const cls = classifyOsmWay(w.tags, closed);
    if (!cls) skips.unclassified++;
    if (w.refs.length < 2) {
      if (cls) skips.incomplete++;
      return;
    }
    // A way of no drawn class is kept as a line (layerId ''), for the multipolygon relations it may be part of.
    const row: OsmWayRow = {
      n: w.n,
      line: w.line,
      id: w.id,
      layerId: cls?.layer.id ?? '',
      kind: cls?.kind ?? '',
      name: w.tags.name || null,
      ref: w.tags.ref || null,
      polygon: cls?.layer.geometry_type === 'polygon',
      refs: w.refs,
    };
    if (state.spilled) {
      batch.ways.push(row);
    } else if (!build(row)) {
      if (waysToDb) {
        batch.ways.push(row);
      } else {
        // Its nodes may come later in the file (an Overpass API download lists ways first): tried again at the end.
        deferred.push(row);
        deferredRefs += row.refs.length;
        if (deferredRefs > deferLimit) {
          // Too many to hold: these ways and the later ones go to the database, and the nodes after them.
          waysToDb = true;
          batch.ways.push(...deferred);
          deferred = [];
        }
      }
    }
  };

  /** A multipolygon relation of a drawn area class is staged with its ways' ids; others are not drawn. */
  const endRelation = ({ tags, ...r }: OsmRelationRow & { tags: Record<string, string> }) => {
    if (tags.type !== 'multipolygon') return;
    const cls = classifyOsmWay(tags, true);
    if (!cls || cls.layer.geometry_type !== 'polygon') return;
    if (r.ways.length === 0) {
      skips.incomplete++;
      return;
    }
    batch.relations.push({
      ...r,
      layerId: cls.layer.id,
      kind: cls.kind,
      name: tags.name || null,
      ref: tags.ref || null,
    });
  };

  const scanner: OsmXmlScanner = new OsmXmlScanner({
    open(name, attrs, count, line, empty) {
      // The depth of its parent: the scanner counts the element itself already, unless it is empty (<x/>).
      const parent = scanner.depth - (empty ? 0 : 1);
      if (parent === 0) {
        if (name !== 'osm') fail(line, `not an OSM file (the root element is <${name}>)`);
      } else if (parent === 1 && name === 'node') {
        addNode(attrs, count, line);
      } else if (parent === 1 && name === 'way') {
        const id = attr(attrs, count, 'id') ?? '';
        if (!WAY_ID.test(id)) fail(line, 'a way has no valid id');
        const numeric = Number(id);
        if (numeric <= lastWayId) state.waysOrdered = false;
        lastWayId = numeric;
        state.ways++;
        way = {
          n: state.ways,
          line,
          id,
          layerId: '',
          kind: '',
          name: null,
          ref: null,
          polygon: false,
          refs: [],
          tags: {},
        };
        if (empty) {
          const w = way;
          way = null;
          endWay(w);
        }
      } else if (parent === 1 && name === 'relation') {
        const id = attr(attrs, count, 'id') ?? '';
        if (!WAY_ID.test(id)) fail(line, 'a relation has no valid id');
        relation = { n: ++relations, line, id, layerId: '', kind: '', name: null, ref: null, ways: [], tags: {} };
        if (empty) relation = null;
      } else if (parent === 2 && relation && name === 'member') {
        if (attr(attrs, count, 'type') === 'way') {
          const ref = attr(attrs, count, 'ref') ?? '';
          if (!WAY_ID.test(ref)) fail(line, `relation ${relation.id} has a way <member> without a valid ref`);
          relation.ways.push(ref);
        }
      } else if (parent === 2 && relation && name === 'tag') {
        const k = attr(attrs, count, 'k');
        if (k !== undefined) relation.tags[k] = attr(attrs, count, 'v') ?? '';
      } else if (parent === 2 && way && name === 'nd') {
        const ref = attr(attrs, count, 'ref') ?? '';
        if (!NODE_ID.test(ref)) fail(line, `way ${way.id} has a <nd> without a valid ref`);
        way.refs.push(ref);
      } else if (parent === 2 && way && name === 'tag') {
        const k = attr(attrs, count, 'k');
        if (k !== undefined) way.tags[k] = attr(attrs, count, 'v') ?? '';
      }
    },
    close(name) {
      if (scanner.depth !== 1) return;
      if (name === 'way' && way) {
        const w = way;
        way = null;
        endWay(w);
      } else if (name === 'relation' && relation) {
        const r = relation;
        relation = null;
        endRelation(r);
      }
    },
  });

  let started = false;
  try {
    for await (const chunk of chunks) {
      if (!started) {
        const first = /\S/.exec(chunk.replace(/^\uFEFF/, ''))?.[0];
        if (first === undefined) continue;
        if (first !== '<') fail(1, `not OSM XML: it starts with "${first}"`);
        started = true;
      }
      scanner.write(chunk);
      if (state.spilled && store.size > 0) {
        // The store is full: its nodes go to the database, then the ways by node id.
        for (const part of store.drain())
          yield { ...emptyBatch(), nodeIds: part.ids, lons: part.lons, lats: part.lats };
        batch.ways.push(...deferred);
        deferred = [];
      }
      if (nonEmpty(batch)) {
        yield batch;
        batch = emptyBatch();
      }
    }
    if (!started) throw new RegisterImportError(source, null, 'the file is empty');
    if (scanner.depth > 0) {
      fail(
        scanner.currentLine,
        way ? `the file ends inside way ${(way as OsmWayRow).id}: it is truncated` : 'the file is truncated',
      );
    }
    scanner.end();
  } catch (err) {
    if (err instanceof XmlError) fail(err.line, err.message);
    throw err;
  }
  if (!state.spilled) {
    // Nodes may have come after ways: the store sorts again if need be (and finds a node listed twice).
    prepare();
    for (const w of deferred) {
      if (build(w)) continue;
      if (waysToDb) batch.ways.push(w);
      else if (w.layerId !== '') skips.incomplete++;
    }
    deferred = [];
    if (waysToDb) {
      state.spilled = true;
      yield batch;
      batch = emptyBatch();
      for (const part of store.drain()) yield { ...emptyBatch(), nodeIds: part.ids, lons: part.lons, lats: part.lats };
    }
  }
  if (nonEmpty(batch)) yield batch;
}
