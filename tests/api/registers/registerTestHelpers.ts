import { inject } from 'vitest';
import pg from 'pg';
import { fileURLToPath } from 'node:url';
import { REGISTER_KINDS } from '../../../server/src/modules/registers/registerKinds';
import { readRegisterChunks, readRegisterFile } from '../../../server/src/modules/registers/readRegisterSource';
import { runImport, type ImportReport } from '../../../server/src/modules/registers/runImport';
import { REGISTER_LAYERS } from '../../../server/src/modules/registers/registerLayers';
import { OSM_LAYERS } from '../../../server/src/modules/registers/osm/osmLayers';
import type { SourceFeature } from '../../../server/src/modules/registers/SourceFeature';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/registers/', import.meta.url));
export const fixture = (name: string) => `${FIXTURES}${name}`;

/**
 * The schema owner's connection, as `npm run import` uses. Its own per import: after a failed statement the embedded
 * engine sends one ReadyForQuery too many (electric-sql/pglite#958), so a connection is not reused after a refusal.
 */
export async function ownerClient(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: inject('ownerDatabaseUrl') });
  client.on('error', () => {});
  await client.connect();
  return client;
}

/** Text in small pieces, so that readers meet tokens and lines split across chunks. */
export async function* chunksOf(text: string, size = 97): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function importFeatures(kind: string, location: string, features: AsyncIterable<SourceFeature>) {
  const client = await ownerClient();
  try {
    return await runImport({ client, kind: REGISTER_KINDS[kind]!, location, features });
  } finally {
    await client.end().catch(() => {});
  }
}

/** Imports a file as `npm run import -- <kind> <file>` does. */
export const importFile = (kind: string, path: string): Promise<ImportReport> =>
  importFeatures(kind, path, readRegisterFile(path));

/** Imports text as if it were a file named `name`. */
export const importText = (kind: string, text: string, name = 'test-input'): Promise<ImportReport> =>
  importFeatures(kind, name, readRegisterChunks(chunksOf(text), name));

/** Removes every imported layer and its features, so that other test files see the seed alone. */
export async function removeRegisterLayers(): Promise<void> {
  const client = await ownerClient();
  try {
    const ids = [...Object.values(REGISTER_LAYERS), ...Object.values(OSM_LAYERS)].map((l) => l.id);
    await client.query('DELETE FROM site WHERE layer_id = ANY ($1)', [ids]);
    await client.query('DELETE FROM parcel WHERE layer_id = ANY ($1)', [ids]);
    await client.query('DELETE FROM osm_feature WHERE layer_id = ANY ($1)', [ids]);
    await client.query('DELETE FROM layer WHERE id = ANY ($1)', [ids]);
  } finally {
    await client.end();
  }
}

/** A FeatureCollection's text from features given as [properties, geometry]. */
export function collection(
  features: [Record<string, unknown>, unknown][],
  crs: string | null = 'urn:ogc:def:crs:EPSG::25832',
): string {
  return JSON.stringify(
    {
      type: 'FeatureCollection',
      ...(crs ? { crs: { type: 'name', properties: { name: crs } } } : {}),
      features: features.map(([properties, geometry]) => ({ type: 'Feature', properties, geometry })),
    },
    null,
    1,
  );
}

/** A square of `side` metres at (x, y) in EPSG:25832, as GeoJSON. */
export const square = (x: number, y: number, side = 100) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + side, y],
      [x + side, y + side],
      [x, y + side],
      [x, y],
    ],
  ],
});
