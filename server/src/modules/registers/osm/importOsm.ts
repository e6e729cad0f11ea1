import type pg from 'pg';
import { featurePlace, RegisterImportError } from '../RegisterImportError';
import { recordImport, upsertLayer } from '../registerRepository';
import type { RegisterLayer } from '../registerLayers';
import type { ImportReport, LayerReport } from '../runImport';
import { osmKind } from './osmKind';
import { OSM_LAYERS } from './osmLayers';
import {
  buildOsmGeometry,
  buildOsmRelations,
  createOsmStage,
  duplicateOsmNode,
  duplicateOsmRelation,
  duplicateOsmWay,
  isEmbeddedEngine,
  osmLayerCounts,
  repairOsmGeometry,
  storeOsmLayerExtent,
  swapOsmFeatures,
} from './osmRepository';
import { copyOsmStage, insertOsmStage } from './osmStageRepository';
import { readOsmElements, type OsmReadState, type OsmSkips } from './readOsmElements';

export interface OsmImportReport extends ImportReport {
  skips: OsmSkips;
  /** Seconds spent reading and staging the file, building and checking geometry, and writing the sites. */
  phases: { read: number; build: number; write: number };
}

const PROGRESS_EVERY = 50_000;
const LAYERS = new Map<string, RegisterLayer>(Object.values(OSM_LAYERS).map((l) => [l.id, l]));

/**
 * Imports an OSM XML file's drawn ways into the OSM layers (`osm_feature`) in one transaction on `client`. The file is
 * streamed through the reader, which builds each way's geometry from the nodes it holds (readOsmElements), into a
 * scratch table (COPY on PostgreSQL, INSERTs on the embedded engine); geometry is then checked and repaired
 * set-based in SQL, and the next `osm_feature` built and put in place (swapOsmFeatures): the file's layers replaced
 * by way id, what the file no longer has removed, the other layers as they were. Any refusal (a broken file, a
 * duplicate id, a way with nothing valid after repair) rolls everything back, so the database is as it was.
 */
export async function importOsm({
  client,
  chunks,
  location,
  onProgress = () => {},
  limits = {},
}: {
  client: pg.ClientBase;
  chunks: AsyncIterable<string>;
  location: string;
  onProgress?: (message: string) => void;
  /**
   * How many nodes the reader holds in memory, and how many node ids of ways listed before their nodes, before it
   * sends them to the database (readOsmElements; tests make them small).
   */
  limits?: { nodes?: number; deferredRefs?: number };
}): Promise<OsmImportReport> {
  const started = performance.now();
  const skips: OsmSkips = { unclassified: 0, incomplete: 0 };
  const state: OsmReadState = { spilled: false, waysOrdered: true, ways: 0, unchecked: 0 };
  const refuse = (where: string | null, reason: string): never => {
    throw new RegisterImportError(location, where, reason);
  };
  await client.query('BEGIN');
  try {
    await createOsmStage(client);
    const stage = (await isEmbeddedEngine(client)) ? insertOsmStage(client) : copyOsmStage(client);
    try {
      let reported = 0;
      for await (const batch of readOsmElements({
        chunks,
        source: location,
        skips,
        state,
        nodeCapacity: limits.nodes,
        deferLimit: limits.deferredRefs,
      })) {
        await stage.write(batch);
        if (Math.floor(state.ways / PROGRESS_EVERY) > reported) {
          reported = Math.floor(state.ways / PROGRESS_EVERY);
          onProgress(`${state.ways.toLocaleString('en')} ways read`);
        }
      }
    } catch (err) {
      // A refusal mid-file still ends the open COPY, so that ROLLBACK can follow on the same connection.
      await stage.end().catch(() => {});
      throw err;
    }
    await stage.end();
    const read = performance.now();

    if (state.spilled) {
      const node = await duplicateOsmNode(client);
      if (node) refuse(null, `node ${node} is listed more than once`);
    }
    if (!state.waysOrdered || state.spilled) {
      const way = await duplicateOsmWay(client);
      if (way) refuse(`ways ${way.ns[0]} and ${way.ns[1]}`, `both have the id ${way.id}: a way id must be unique`);
    }
    const relation = await duplicateOsmRelation(client);
    if (relation) {
      refuse(
        `relations ${relation.ns[0]} and ${relation.ns[1]}`,
        `both have the id ${relation.id}: a relation id must be unique`,
      );
    }
    const ways = await buildOsmGeometry(client);
    const relations = await buildOsmRelations(client);
    skips.incomplete += ways.incomplete + relations.incomplete;
    const unchecked = state.unchecked + ways.built + relations.built;
    const repaired = unchecked > 0 ? await repairOsmGeometry(client) : [];
    const lost = repaired.find((r) => r.empty);
    if (lost) {
      refuse(
        featurePlace({ n: lost.n, line: lost.line ?? undefined, fid: lost.id }),
        `invalid geometry (${lost.reason}) and nothing valid is left after repair`,
      );
    }
    const counts = await osmLayerCounts(client);
    const features = [...counts.values()].reduce((a, b) => a + b.features, 0);
    if (features === 0) refuse(null, 'has no features; nothing was changed');
    const built = performance.now();

    const layerIds = [...counts.keys()];
    for (const id of layerIds) {
      await upsertLayer(client, LAYERS.get(id)!, osmKind);
      await storeOsmLayerExtent(client, id, counts.get(id)!.features, counts.get(id)!.bbox);
    }
    const applied = await swapOsmFeatures(client, new Map(layerIds.map((id) => [id, counts.get(id)!.features])));
    const layers: LayerReport[] = [];
    for (const id of layerIds) {
      const { written, removed } = applied.get(id)!;
      const repairedHere = repaired.filter((r) => r.layer_id === id).length;
      const read = counts.get(id)!.features;
      await recordImport(client, {
        kind: osmKind.id,
        layerId: id,
        location,
        licence: osmKind.licence,
        features: read,
        repaired: repairedHere,
        removed,
      });
      layers.push({ id, features: read, written, removed, repaired: repairedHere });
    }
    await client.query('COMMIT');
    const done = performance.now();
    return {
      kind: osmKind.id,
      location,
      features,
      layers,
      repaired,
      skips,
      seconds: (done - started) / 1000,
      phases: { read: (read - started) / 1000, build: (built - read) / 1000, write: (done - built) / 1000 },
    };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
}
