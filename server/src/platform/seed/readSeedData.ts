import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Value } from '@sinclair/typebox/value';
import type { TSchema, Static } from '@sinclair/typebox';
import { dagiSeedFeatures } from './dagiSeedFeatures';
import { LayersFile, PolicyFile, SeedFeatureCollection } from './seedSchema';

export const DATA_DIR = fileURLToPath(new URL('../../../../data/', import.meta.url));

export interface SeedData {
  policy: PolicyFile;
  layers: LayersFile;
  features: Map<string, SeedFeatureCollection>;
  /** sha256 of every file read; tells whether the data changed since the last seed. */
  hash: string;
}

/** `value` as `schema` says, or an error naming the file and the first place that breaks it. */
function checked<T extends TSchema>(path: string, schema: T, value: unknown): Static<T> {
  const first = Value.Errors(schema, value).First();
  if (first) throw new Error(`${path}: ${first.path || '/'} ${first.message}`);
  return value as Static<T>;
}

/**
 * A JSON file read, hashed (its path and text, and `extra`) and parsed, then held to `schema` after `map`
 * (by default the parsed file itself).
 */
async function readChecked<T extends TSchema>(
  path: string,
  schema: T,
  hash: ReturnType<typeof createHash>,
  { map = (value) => value, extra = '' }: { map?: (value: unknown) => unknown; extra?: string } = {},
): Promise<Static<T>> {
  const text = await readFile(path, 'utf8');
  hash.update(path.slice(DATA_DIR.length)).update(text).update(extra);
  return checked(path, schema, map(JSON.parse(text)));
}

/**
 * A layer's features: data/layers/<id>.geojson, or the official DAGI file the layer names, mapped to seed
 * features and held to the same schema.
 */
async function readLayerFeatures(
  dir: string,
  layer: LayersFile[number],
  hash: ReturnType<typeof createHash>,
): Promise<SeedFeatureCollection> {
  if (!layer.dagi) return readChecked(`${dir}layers/${layer.id}.geojson`, SeedFeatureCollection, hash);
  const { file, ...selection } = layer.dagi;
  return readChecked(`${dir}${file}`, SeedFeatureCollection, hash, {
    map: (value) => ({
      type: 'FeatureCollection',
      features: dagiSeedFeatures(value as Parameters<typeof dagiSeedFeatures>[0], selection, file),
    }),
    extra: JSON.stringify(selection),
  });
}

/** Reads and validates data/policy.json, data/layers.json and data/layers/<id>.geojson. */
export async function readSeedData(dir: string = DATA_DIR): Promise<SeedData> {
  const hash = createHash('sha256');
  const policy = await readChecked(`${dir}policy.json`, PolicyFile, hash);
  const layers = await readChecked(`${dir}layers.json`, LayersFile, hash);
  const features = new Map<string, SeedFeatureCollection>();
  for (const layer of layers) {
    features.set(layer.id, await readLayerFeatures(dir, layer, hash));
  }
  const ids = new Set<string>();
  const actionNumbers = new Set(policy.initiatives.flatMap((i) => i.actions.map((a) => a.number)));
  for (const [layerId, fc] of features) {
    for (const f of fc.features) {
      if (ids.has(f.properties.id))
        throw new Error(`data/layers/${layerId}.geojson: duplicate site id ${f.properties.id}`);
      ids.add(f.properties.id);
      const unknown = f.properties.actions.filter((a) => !actionNumbers.has(a));
      if (unknown.length) throw new Error(`site ${f.properties.id}: unknown policy actions ${unknown.join(', ')}`);
    }
  }
  return { policy, layers, features, hash: hash.digest('hex') };
}
