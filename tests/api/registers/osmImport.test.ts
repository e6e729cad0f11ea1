import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { VectorTile } from '@mapbox/vector-tile';
import type { FastifyInstance } from 'fastify';
import { PbfReader } from 'pbf';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LayerList } from '@shared/schemas/layer';
import { RegisterImportError } from '../../../server/src/modules/registers/RegisterImportError';
import { importOsm } from '../../../server/src/modules/registers/osm/importOsm';
import { openOsmSource } from '../../../server/src/modules/registers/osm/openOsmSource';
import { tableChecksums } from '../tableChecksums';
import { testApp } from '../testApp';
import { lonLatToTile } from '../tileMath';
import { fixture, ownerClient, removeRegisterLayers } from './registerTestHelpers';

const OSM = fixture('koege.format-fixture.osm');
let dir: string;
let app: FastifyInstance;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'koege-osm-'));
  app = await testApp();
});
afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});
afterEach(removeRegisterLayers);

/** `npm run import -- osm <file>`, as the command runs it. */
async function importOsmFile(path: string) {
  const client = await ownerClient();
  try {
    const report = await importOsm({ client, chunks: await openOsmSource(path), location: path });
    return { report, skips: report.skips };
  } finally {
    await client.end();
  }
}

const sites = async () => {
  const client = await ownerClient();
  try {
    const { rows } = await client.query<{
      id: string;
      layer_id: string;
      name: string;
      kind: string;
      ref: string | null;
    }>(`SELECT id, layer_id, coalesce(name, ref, class) AS name, class AS kind, ref FROM osm_feature ORDER BY id`);
    return rows;
  } finally {
    await client.end();
  }
};

const EXPECTED_LAYERS = [
  { id: 'osm-roads', features: 4, written: 4, removed: 0, repaired: 0 },
  { id: 'osm-railways', features: 1, written: 1, removed: 0, repaired: 0 },
  { id: 'osm-waterways', features: 1, written: 1, removed: 0, repaired: 0 },
  { id: 'osm-buildings', features: 1, written: 1, removed: 0, repaired: 0 },
  { id: 'osm-water', features: 1, written: 1, removed: 0, repaired: 0 },
  { id: 'osm-landuse', features: 1, written: 1, removed: 0, repaired: 0 },
];

describe('npm run import -- osm', () => {
  it('streams .osm XML into roads by class with name and ref, railways, water, land use and buildings', async () => {
    const { report, skips } = await importOsmFile(OSM);
    expect(report.layers).toEqual(EXPECTED_LAYERS);
    // The fence has no drawn class; way 1011 uses a node the file does not hold.
    expect(skips).toEqual({ unclassified: 1, incomplete: 1 });
    const rows = await sites();
    expect(rows.filter((r) => r.layer_id === 'osm-roads')).toEqual([
      { id: 'osm-roads-way-1001', layer_id: 'osm-roads', name: 'Køgevej', kind: 'primary', ref: '6' },
      { id: 'osm-roads-way-1002', layer_id: 'osm-roads', name: 'Egedesvej', kind: 'residential', ref: null },
      { id: 'osm-roads-way-1008', layer_id: 'osm-roads', name: 'primary', kind: 'primary', ref: null },
      {
        id: 'osm-roads-way-1010',
        layer_id: 'osm-roads',
        name: 'Køge Bugt Motorvejen',
        kind: 'motorway',
        ref: 'E20;E47',
      },
    ]);
    expect(rows.find((r) => r.id === 'osm-buildings-way-1005')).toMatchObject({ kind: 'warehouse' });
    expect(rows.find((r) => r.id === 'osm-landuse-way-1007')).toMatchObject({ kind: 'industrial' });
  });

  it('reads .osm.pbf through osmium to the same layers, and a re-import replaces by way id', async () => {
    const pbf = join(dir, 'koege.osm.pbf');
    await promisify(execFile)('osmium', ['cat', OSM, '-o', pbf, '-O']);
    await importOsmFile(OSM);
    const { report } = await importOsmFile(pbf);
    expect(report.layers).toEqual(EXPECTED_LAYERS);
    expect(await sites()).toHaveLength(9);
  });

  it('refuses a file that is not OSM, a truncated one and an empty one, changing nothing', async () => {
    const client = await ownerClient();
    const before = await tableChecksums(client);
    await client.end();
    const refused = async (name: string, text: string, message: RegExp) => {
      const path = join(dir, name);
      await writeFile(path, text);
      const error = await importOsmFile(path).then(
        () => null,
        (err: unknown) => err,
      );
      expect(error).toBeInstanceOf(RegisterImportError);
      expect((error as Error).message).toMatch(message);
    };
    await refused(
      'k.geojson',
      '{"type":"FeatureCollection","features":[]}',
      /k\.geojson: line 1: not OSM XML: it starts with "\{"$/,
    );
    await refused(
      'k.gml',
      await readFile(fixture('plandata-lokalplaner.format-fixture.gml'), 'utf8'),
      /k\.gml: line 7: not an OSM file \(the root element is <wfs:FeatureCollection>\)$/,
    );
    const text = await readFile(OSM, 'utf8');
    await refused(
      'cut.osm',
      text.slice(0, text.indexOf('<nd ref="6"/>')),
      /cut\.osm: line \d+: the file ends inside way 1002: it is truncated$/,
    );
    await refused('empty.osm', '', /empty\.osm: the file is empty$/);
    const after = await ownerClient();
    try {
      expect(await tableChecksums(after)).toEqual(before);
    } finally {
      await after.end();
    }
  });

  it('serves the imported layers like any other: the layer list, OGC API Features and one vector tileset', async () => {
    await importOsmFile(OSM);
    const layers = (await app.inject('/api/layers')).json<LayerList>().layers.filter((l) => l.id.startsWith('osm-'));
    expect(layers.map((l) => [l.id, l.feature_count])).toEqual(
      expect.arrayContaining(EXPECTED_LAYERS.map((l) => [l.id, l.features])),
    );
    const roads = layers.find((l) => l.id === 'osm-roads')!;
    expect(roads).toMatchObject({ theme: 'kontekst', delivery: 'tiles', illustrative: false });
    expect(roads.source).toMatchObject({ name: 'OpenStreetMap contributors', licence: expect.stringMatching(/ODbL/) });
    // The extent of the four roads, in degrees around Køge.
    const [west, south, east, north] = roads.bbox!;
    expect(west).toBeGreaterThan(12);
    expect(east).toBeLessThan(12.3);
    expect(south).toBeGreaterThan(55.4);
    expect(north).toBeLessThan(55.6);
    expect(new Set(layers.map((l) => l.tileset?.id))).toEqual(new Set(['osm']));

    const items = await app.inject('/ogc/collections/osm-roads/items?limit=10');
    expect(items.statusCode).toBe(200);
    const body = items.json<{
      numberMatched: number;
      features: { id: string; properties: Record<string, unknown> }[];
    }>();
    expect(body.numberMatched).toBe(4);
    expect(body.features.find((f) => f.id === 'osm-roads-way-1001')?.properties).toMatchObject({
      osm_id: '1001',
      class: 'primary',
      name: 'Køgevej',
      ref: '6',
      accuracy: 'official',
      source: 'OpenStreetMap contributors',
      licence: expect.stringMatching(/ODbL/),
      imported_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect((await app.inject('/ogc/collections/osm-roads/items/osm-roads-way-1002')).statusCode).toBe(200);

    const { x, y } = lonLatToTile((west + east) / 2, (south + north) / 2, 14);
    const tile = await app.inject(`/tiles/sets/osm/14/${x}/${y}.mvt?v=${roads.tileset!.version}`);
    expect(tile.statusCode).toBe(200);
    const labelsIn = (payload: Buffer) => {
      const roadLayer = new VectorTile(new PbfReader(payload)).layers['osm-roads'];
      expect(roadLayer?.length).toBeGreaterThan(0);
      return Array.from({ length: roadLayer!.length }, (_, i) => roadLayer!.feature(i).properties.label);
    };
    expect(labelsIn(tile.rawPayload)).toContain('Køgevej');

    // A re-import while the app runs (its pooled, prepared statements read the table the import replaces): the next
    // tileset version draws the new name, once the tile registry has read the new versions (the import is another
    // process's write: within twice the registry's time to live).
    const renamed = join(dir, 'renamed.osm');
    await writeFile(renamed, (await readFile(OSM, 'utf8')).replace('v="Køgevej"', 'v="Ny Køgevej"'));
    await importOsmFile(renamed);
    const next = (await app.inject('/api/layers')).json<LayerList>().layers.find((l) => l.id === 'osm-roads')!;
    expect(next.tileset!.version).not.toBe(roads.tileset!.version);
    await expect
      .poll(
        async () => {
          const again = await app.inject(`/tiles/sets/osm/14/${x}/${y}.mvt?v=${next.tileset!.version}`);
          return again.headers.etag?.includes(next.tileset!.version) ? labelsIn(again.rawPayload).sort() : [];
        },
        { timeout: 20_000, interval: 250 },
      )
      .toEqual(['Egedesvej', 'Køge Bugt Motorvejen', 'Ny Køgevej']);
    // Their features are served by tiles and OGC API Features, not as one GeoJSON list.
    const list = await app.inject('/api/layers/osm-roads/features');
    expect(list.statusCode).toBe(400);
    expect(list.json()).toMatchObject({ detail: expect.stringMatching(/vector tiles only/) });
  });
});
