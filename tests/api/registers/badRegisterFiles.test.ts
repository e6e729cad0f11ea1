import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RegisterImportError } from '../../../server/src/modules/registers/RegisterImportError';
import { tableChecksums } from '../tableChecksums';
import {
  collection,
  fixture,
  importFile,
  importText,
  ownerClient,
  removeRegisterLayers,
  square,
} from './registerTestHelpers';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'koege-registers-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));
afterEach(removeRegisterLayers);

const checksums = async () => {
  const client = await ownerClient();
  try {
    return await tableChecksums(client);
  } finally {
    await client.end();
  }
};

/** The import is refused with a message matching `message`, and no table has changed. */
async function expectRefused(run: () => Promise<unknown>, message: RegExp) {
  // A layer the refused import would have replaced, so that "unchanged" covers replacing as well as adding.
  await importFile('dagi', fixture('koege_kommune.geojson'));
  const before = await checksums();
  const error = await run().then(
    () => null,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(RegisterImportError);
  expect((error as Error).message).toMatch(message);
  expect((error as Error).message).not.toContain('\n');
  expect(await checksums()).toEqual(before);
}

const KOEGE = 700_000;
const KOEGE_N = 6_150_000;

describe('a wrong or broken register file is refused by name and changes nothing', () => {
  it('an OSM file, which is XML but not GML', async () => {
    const osm =
      '<?xml version="1.0"?>\n<osm version="0.6" generator="test">\n <node id="1" lat="55.4" lon="12.1"/>\n</osm>\n';
    await expectRefused(
      () => importText('dagi', osm, 'koege.osm'),
      /^koege\.osm: line 2: not a GML feature collection \(the root element is <osm>\)$/,
    );
  });

  it('a CSV file, neither GeoJSON nor GML', async () => {
    await expectRefused(
      () => importText('plandata', 'planid;plannavn\n1;Test\n', 'plans.csv'),
      /^plans\.csv: line 1: neither GeoJSON nor GML: it starts with "p"/,
    );
  });

  it('a truncated GeoJSON file, naming the line and the feature it ends in', async () => {
    const text = await readFile(fixture('koege_area_kommuner.geojson'), 'utf8');
    const path = join(dir, 'truncated.geojson');
    await writeFile(path, text.slice(0, Math.floor(text.length / 2)));
    await expectRefused(
      () => importFile('dagi', path),
      /truncated\.geojson: line \d+: the file ends inside feature \d+: it is truncated$/,
    );
  });

  it('a truncated GML file', async () => {
    const gml = await readFile(fixture('plandata-lokalplaner.format-fixture.gml'), 'utf8');
    await expectRefused(
      () => importText('plandata', gml.slice(0, gml.indexOf('<pdk:plannavn>', gml.indexOf('</wfs:member>'))), 'lp.gml'),
      /^lp\.gml: line 42: the file ends inside feature 2: it is truncated$/,
    );
    await expectRefused(
      () => importText('plandata', gml.slice(0, gml.indexOf('</wfs:member>') + 20), 'lp.gml'),
      /^lp\.gml: line 36: the file ends after feature 1: it is truncated$/,
    );
  });

  it('an empty file, and one of white space only', async () => {
    const path = join(dir, 'empty.geojson');
    await writeFile(path, '');
    await expectRefused(() => importFile('dagi', path), /empty\.geojson: the file is empty$/);
    await expectRefused(() => importText('dagi', '  \n\n ', 'blank.json'), /^blank\.json: the file is empty$/);
  });

  it('a FeatureCollection without features: never read as "remove everything"', async () => {
    await expectRefused(() => importText('dagi', collection([], null), 'none.json'), /^none\.json: has no features/);
  });

  it('EPSG:25832 metres labelled as degrees (CRS84)', async () => {
    const text = collection(
      [[{ KOMKODE: '0259', KOMNAVN: 'Køge' }, square(KOEGE, KOEGE_N)]],
      'urn:ogc:def:crs:OGC:1.3:CRS84',
    );
    await expectRefused(
      () => importText('dagi', text, 'kommuner.geojson'),
      /^kommuner\.geojson: feature 1, line \d+: coordinates \(700000, 6150000\) are EPSG:25832 metres, but the declared CRS urn:ogc:def:crs:OGC:1\.3:CRS84 says degrees; declare EPSG:25832$/,
    );
  });

  it('a crs member after the features (as GeoServer writes it) that contradicts their numbers', async () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { kode: '0259', navn: 'Køge' }, geometry: square(KOEGE, KOEGE_N) }],
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
    });
    await expectRefused(
      () => importText('dagi', text, 'k.json'),
      /^k\.json: line 1: the crs member after the features declares urn:ogc:def:crs:OGC:1\.3:CRS84, but features before it hold EPSG:25832 numbers$/,
    );
  });

  it('a CRS the importer does not know', async () => {
    const text = collection([[{ kode: '0259', navn: 'Køge' }, square(KOEGE, KOEGE_N)]], 'EPSG:3857');
    await expectRefused(
      () => importText('dagi', text, 'k.json'),
      /^k\.json: line \d+: CRS "EPSG:3857" is not supported/,
    );
  });

  it('a missing required field, naming the feature and the field', async () => {
    const text = collection([
      [{ KOMKODE: '0259', KOMNAVN: 'Køge' }, square(KOEGE, KOEGE_N)],
      [{ KOMKODE: '0253' }, square(KOEGE + 1000, KOEGE_N)],
    ]);
    await expectRefused(
      () => importText('dagi', text, 'k.json'),
      /^k\.json: feature 2, line \d+: the required field navn is missing or empty$/,
    );
  });

  it('one id with two different names (DAGI parts must agree)', async () => {
    const text = collection([
      [{ KOMKODE: '0259', KOMNAVN: 'Køge' }, square(KOEGE, KOEGE_N)],
      [{ KOMKODE: '0259', KOMNAVN: 'Greve' }, square(KOEGE + 1000, KOEGE_N)],
    ]);
    await expectRefused(
      () => importText('dagi', text, 'k.json'),
      /^k\.json: features 1 and 2: both have the id dagi-kommune-0259 but different names$/,
    );
  });

  it('a ring that is not closed, and a two-point "polygon" (which both engines would accept)', async () => {
    const open = {
      type: 'Polygon',
      coordinates: [
        [
          [KOEGE, KOEGE_N],
          [KOEGE + 10, KOEGE_N],
          [KOEGE + 10, KOEGE_N + 10],
          [KOEGE, KOEGE_N + 10],
        ],
      ],
    };
    await expectRefused(
      () => importText('dagi', collection([[{ kode: '259', navn: 'Køge' }, open]]), 'k.json'),
      /^k\.json: feature 1, line \d+: Polygon: a ring is not closed$/,
    );
    const flat = {
      type: 'Polygon',
      coordinates: [
        [
          [KOEGE, KOEGE_N],
          [KOEGE + 10, KOEGE_N],
          [KOEGE, KOEGE_N],
        ],
      ],
    };
    await expectRefused(
      () => importText('dagi', collection([[{ kode: '259', navn: 'Køge' }, flat]]), 'k.json'),
      /feature 1, line \d+: Polygon: a ring has fewer than 4 positions$/,
    );
  });

  it('a line in a polygon layer', async () => {
    const line = {
      type: 'LineString',
      coordinates: [
        [KOEGE, KOEGE_N],
        [KOEGE + 10, KOEGE_N],
      ],
    };
    await expectRefused(
      () => importText('dagi', collection([[{ kode: '259', navn: 'Køge' }, line]]), 'k.json'),
      /feature 1, line \d+: a LineString where dagi-kommuner holds polygons$/,
    );
  });
});

describe('invalid geometry is repaired and reported', () => {
  it('a self-intersecting (bow-tie) polygon is made valid with ST_MakeValid, and the report names it', async () => {
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [KOEGE, KOEGE_N],
          [KOEGE + 100, KOEGE_N + 100],
          [KOEGE + 100, KOEGE_N],
          [KOEGE, KOEGE_N + 100],
          [KOEGE, KOEGE_N],
        ],
      ],
    };
    const report = await importText(
      'dagi',
      collection([
        [{ kode: '0259', navn: 'Køge' }, square(KOEGE - 500, KOEGE_N)],
        [{ kode: '0253', navn: 'Greve' }, bowtie],
      ]),
      'k.json',
    );
    expect(report.layers[0]).toMatchObject({ written: 2, repaired: 1 });
    expect(report.repaired).toEqual([
      {
        n: 2,
        line: expect.any(Number),
        id: 'dagi-kommune-0253',
        layer_id: 'dagi-kommuner',
        reason: expect.stringMatching(/^Self-intersection/),
        empty: false,
      },
    ]);
    const client = await ownerClient();
    try {
      const { rows } = await client.query<{ valid: boolean; area: number }>(
        "SELECT ST_IsValid(geom) AS valid, area_m2 AS area FROM site WHERE id = 'dagi-kommune-0253'",
      );
      expect(rows[0]).toEqual({ valid: true, area: 5000 });
    } finally {
      await client.end();
    }
  });
});
