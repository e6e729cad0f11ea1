import type pg from 'pg';
import { checkGeometry, GeometryProblem } from './checkGeometry';
import { FieldProblem } from './registerFields';
import { featurePlace, RegisterImportError } from './RegisterImportError';
import type { RegisterKind } from './registerKinds';
import type { RegisterLayer } from './registerLayers';
import {
  analyseStage,
  applyParcels,
  applySites,
  createStage,
  firstDuplicate,
  firstMultipartParcel,
  firstNameConflict,
  parcelIdTakenElsewhere,
  recordImport,
  siteIdTakenElsewhere,
  stageBatch,
  upsertLayer,
  type RepairedRow,
  type StagedRow,
} from './registerRepository';
import type { SourceFeature } from './SourceFeature';

export interface LayerReport {
  id: string;
  /** Features read for the layer. */
  features: number;
  /** Rows written (inserted or replaced): fewer than features where parts of one area were merged. */
  written: number;
  removed: number;
  repaired: number;
}

export interface ImportReport {
  kind: string;
  location: string;
  features: number;
  layers: LayerReport[];
  /** Every geometry repaired with ST_MakeValid, in file order. */
  repaired: RepairedRow[];
  seconds: number;
}

const BATCH = 500;
const PROGRESS_EVERY = 50_000;
const GEOMETRY_DIMENSION = { point: 0, line: 1, polygon: 2 } as const;

/**
 * Loads a register's features into its layers in one transaction on `client`: staged and checked first (fields,
 * geometry, CRS, duplicate ids), then written by id, replacing what an earlier import wrote and removing what the
 * source no longer has. Any refusal rolls everything back, so the database is as it was.
 */
export async function runImport({
  client,
  kind,
  location,
  features,
  onProgress = () => {},
}: {
  client: pg.ClientBase;
  kind: RegisterKind;
  location: string;
  features: AsyncIterable<SourceFeature>;
  onProgress?: (message: string) => void;
}): Promise<ImportReport> {
  const started = performance.now();
  const layers = new Map<string, { layer: RegisterLayer; features: number }>();
  const repaired: RepairedRow[] = [];
  let count = 0;
  let batch: StagedRow[] = [];
  const refuse = (where: string | null, reason: string): never => {
    throw new RegisterImportError(location, where, reason);
  };
  const flush = async () => {
    for (const r of await stageBatch(client, batch)) {
      const where = featurePlace({ n: r.n, line: r.line ?? undefined, fid: r.id });
      if (r.empty) refuse(where, `invalid geometry (${r.reason}) and nothing valid is left after repair`);
      repaired.push(r);
    }
    batch = [];
  };

  await client.query('BEGIN');
  try {
    await createStage(client);
    for await (const f of features) {
      const where = featurePlace(f);
      let row: StagedRow;
      try {
        const mapped = kind.map(f);
        const geometry = checkGeometry(f.geometry, f.srid, f.crsName);
        if (geometry.dimension !== GEOMETRY_DIMENSION[mapped.layer.geometry_type]) {
          throw new GeometryProblem(
            `a ${JSON.parse(geometry.json).type} where ${mapped.layer.id} holds ${mapped.layer.geometry_type}s`,
          );
        }
        row = {
          n: f.n,
          line: f.line ?? null,
          id: mapped.id,
          layerId: mapped.layer.id,
          name: mapped.name,
          kind: mapped.kind,
          attributes: mapped.attributes,
          geometry: geometry.json,
          srid: f.srid,
        };
        const entry = layers.get(mapped.layer.id) ?? { layer: mapped.layer, features: 0 };
        entry.features++;
        layers.set(mapped.layer.id, entry);
      } catch (err) {
        if (err instanceof FieldProblem || err instanceof GeometryProblem) refuse(where, err.message);
        throw err;
      }
      batch.push(row);
      count++;
      if (batch.length === BATCH) await flush();
      if (count % PROGRESS_EVERY === 0) onProgress(`${count.toLocaleString('en')} features read`);
    }
    if (batch.length > 0) await flush();
    if (count === 0) refuse(null, 'has no features; nothing was changed');
    await analyseStage(client);

    const twice = kind.mergesParts ? await firstNameConflict(client) : await firstDuplicate(client);
    if (twice) {
      refuse(
        `features ${twice.ns[0]} and ${twice.ns[1]}`,
        kind.mergesParts
          ? `both have the id ${twice.id} but different names`
          : `both have the id ${twice.id.replace(/^[a-z-]+-(?=\d)/, '')}: a register id must be unique`,
      );
    }
    const taken = [...layers.values()].some((l) => l.layer.source_table === 'parcel')
      ? await parcelIdTakenElsewhere(client)
      : await siteIdTakenElsewhere(client);
    if (taken) refuse(null, `id ${taken.id} already belongs to the layer ${taken.layer_id}`);
    if ([...layers.values()].some((l) => l.layer.source_table === 'parcel')) {
      const multi = await firstMultipartParcel(client);
      if (multi) {
        refuse(featurePlace({ n: multi.n, line: multi.line ?? undefined }), 'a jordstykke must be one polygon');
      }
    }

    const report: LayerReport[] = [];
    for (const { layer, features: read } of layers.values()) {
      await upsertLayer(client, layer, kind);
      const applied =
        layer.source_table === 'parcel'
          ? await applyParcels(client, layer.id)
          : await applySites(client, layer.id, { ...kind, location });
      const repairedHere = repaired.filter((r) => r.layer_id === layer.id);
      await recordImport(client, {
        kind: kind.id,
        layerId: layer.id,
        location,
        licence: kind.licence,
        features: read,
        repaired: repairedHere.length,
        removed: applied.removed,
      });
      report.push({
        id: layer.id,
        features: read,
        written: applied.written,
        removed: applied.removed,
        repaired: repairedHere.length,
      });
    }
    await client.query('COMMIT');
    return {
      kind: kind.id,
      location,
      features: count,
      layers: report,
      repaired,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
}
