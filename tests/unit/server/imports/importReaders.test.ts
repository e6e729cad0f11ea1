import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import proj4 from 'proj4';
import { HttpProblem } from '../../../../server/src/platform/errors';
import { declaredGeoJsonCrs, detectCrs } from '../../../../server/src/modules/imports/detectCrs';
import { importAttributes } from '../../../../server/src/modules/imports/importAttributes';
import { toWgs84 } from '../../../../server/src/modules/imports/toWgs84';
import { readGeoJsonImport } from '../../../../server/src/modules/imports/readGeoJsonImport';
import { exceedsArrayDepth } from '../../../../server/src/modules/imports/exceedsArrayDepth';
import {
  MAX_UNZIPPED_BYTES,
  hasEndOfCentralDirectory,
  prjCrs,
  readShapefileZip,
} from '../../../../server/src/modules/imports/readShapefileZip';
import { EPSG_25832_PROJ4 } from '../../../../shared/crs';
import { ESRI_UTM32_PRJ, ESRI_UTM33_PRJ, polygonShapefile, zipOf } from '../../../api/shapefileZip';

const SQUARE = Object.freeze([
  [
    [699_000, 6_153_000],
    [699_200, 6_153_000],
    [699_200, 6_153_200],
    [699_000, 6_153_200],
    [699_000, 6_153_000],
  ],
]) as unknown as number[][][];
const feature = (coordinates: unknown) => ({ geometry: { type: 'Polygon', coordinates }, properties: {} });

/** Runs `f`, expecting an HttpProblem with `status` naming `name`. */
async function problem(f: () => unknown, status: number, name: string) {
  try {
    await f();
  } catch (err) {
    expect(err).toBeInstanceOf(HttpProblem);
    expect((err as HttpProblem).status).toBe(status);
    expect((err as HttpProblem).invalidParams?.map((p) => p.name)).toContain(name);
    return err as HttpProblem;
  }
  return expect.unreachable('no problem was raised');
}

describe('detectCrs', () => {
  it('tells EPSG:25832 metres in Denmark from lon/lat degrees', () => {
    expect(detectCrs([feature(SQUARE)])).toEqual({ crs: 'EPSG:25832', reason: 'detected from coordinate range' });
    expect(
      detectCrs([
        feature([
          [
            [12.1, 55.4],
            [12.2, 55.4],
            [12.2, 55.5],
            [12.1, 55.4],
          ],
        ]),
      ]),
    ).toEqual({
      crs: 'EPSG:4326',
      reason: 'detected from coordinate range',
    });
    expect(detectCrs([{ geometry: null, properties: {} }])).toEqual({ crs: 'EPSG:4326', reason: 'default' });
  });

  it('refuses a mixture, or numbers that are neither, naming crs', async () => {
    await problem(
      () =>
        detectCrs([
          feature(SQUARE),
          feature([
            [
              [12, 55],
              [12.1, 55],
              [12, 55.1],
              [12, 55],
            ],
          ]),
        ]),
      400,
      'crs',
    );
    await problem(
      () =>
        detectCrs([
          feature([
            [
              [5_000, 5_000],
              [6_000, 5_000],
              [5_000, 6_000],
              [5_000, 5_000],
            ],
          ]),
        ]),
      400,
      'crs',
    );
    // Web Mercator metres of Køge: outside both ranges.
    await problem(
      () =>
        detectCrs([
          feature([
            [
              [1_356_000, 7_460_000],
              [1_357_000, 7_460_000],
              [1_356_000, 7_461_000],
            ],
          ]),
        ]),
      400,
      'crs',
    );
  });
});

describe('declaredGeoJsonCrs', () => {
  it.each([
    ['urn:ogc:def:crs:EPSG::25832', 'EPSG:25832'],
    ['EPSG:25832', 'EPSG:25832'],
    ['http://www.opengis.net/def/crs/EPSG/0/25832', 'EPSG:25832'],
    ['urn:ogc:def:crs:OGC:1.3:CRS84', 'EPSG:4326'],
    ['urn:ogc:def:crs:EPSG::4326', 'EPSG:4326'],
    ['EPSG:4326', 'EPSG:4326'],
  ])('%s → %s', (name, crs) => {
    expect(declaredGeoJsonCrs({ type: 'name', properties: { name } })).toBe(crs);
  });

  it('no member is no declaration; another CRS or form is a 400 naming crs', async () => {
    expect(declaredGeoJsonCrs(undefined)).toBeNull();
    await problem(() => declaredGeoJsonCrs({ type: 'name', properties: { name: 'EPSG:3857' } }), 400, 'crs');
    await problem(() => declaredGeoJsonCrs({ type: 'link', properties: { href: 'x' } }), 400, 'crs');
  });
});

describe('readGeoJsonImport', () => {
  it('reads a FeatureCollection with its crs member, a Feature, and a bare Geometry', () => {
    const fc1 = readGeoJsonImport({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'EPSG:25832' } },
      features: [{ type: 'Feature', properties: null, geometry: null }],
    });
    expect(fc1).toEqual({
      format: 'geojson',
      features: [{ geometry: null, properties: {} }],
      declared: { crs: 'EPSG:25832', reason: 'declared' },
    });
    expect(readGeoJsonImport({ type: 'Point', coordinates: [12, 55] }).features).toEqual([
      { geometry: { type: 'Point', coordinates: [12, 55] }, properties: {} },
    ]);
  });

  it('refuses coordinates nested deeper than a MultiPolygon, naming the geometry, without overflowing (issue #19)', async () => {
    const nested = (depth: number) => JSON.parse(`${'['.repeat(depth)}[12.15,55.47]${']'.repeat(depth)}`) as unknown;
    const collection = (coordinates: unknown) => ({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [12, 55] } },
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } },
      ],
    });
    for (const depth of [4, 5_000, 100_000]) {
      await problem(() => readGeoJsonImport(collection(nested(depth))), 400, 'features[1].geometry');
    }
    await problem(
      () =>
        readGeoJsonImport({
          type: 'Feature',
          properties: {},
          geometry: { type: 'Polygon', coordinates: nested(5_000) },
        }),
      400,
      'body.geometry',
    );
    await problem(() => readGeoJsonImport({ type: 'MultiPolygon', coordinates: nested(100_000) }), 400, 'body');
    // As deep as GeoJSON goes is read; its faults, if any, are the geometry check's to name.
    const multiPolygon = { type: 'MultiPolygon', coordinates: [[[[12, 55]]]] };
    expect(readGeoJsonImport(multiPolygon).features[0]!.geometry).toEqual(multiPolygon);
  });
});

describe('exceedsArrayDepth', () => {
  it('counts the deepest branch, not the first', () => {
    expect(exceedsArrayDepth([[1], [[2]]], 2)).toBe(true);
    expect(exceedsArrayDepth([[1], [[2]]], 3)).toBe(false);
    expect(exceedsArrayDepth([], 1)).toBe(false);
    expect(exceedsArrayDepth('[[[[', 0)).toBe(false);
    expect(exceedsArrayDepth(undefined, 0)).toBe(false);
  });

  it('walks a million levels without recursion', () => {
    let deep: unknown = [];
    for (let i = 0; i < 1_000_000; i++) deep = [deep];
    expect(exceedsArrayDepth(deep, 4)).toBe(true);
  });
});

describe('importAttributes', () => {
  it('takes the first title-like property in any letter case, the Plandata use and the note', () => {
    expect(importAttributes({ PLANNAVN: 'Lokalplan 7', ANVGEN: 31, Note: 'n' }, 0, '51')).toEqual({
      title: 'Lokalplan 7',
      proposed_use: '31',
      note: 'n',
      action_number: null,
    });
    expect(importAttributes({ name: '  ', navn: 'Navn\u0000' }, 2, '51')).toEqual({
      title: 'Navn',
      proposed_use: '51',
      note: '',
      action_number: null,
    });
    expect(importAttributes({}, 6, '96').title).toBe('Import 7');
    // Bidirectional controls are stripped, not refused (issue #19): the preview shows what is saved.
    expect(
      importAttributes({ title: 'Plan \u202Eevil\u202C', note: '\u2066a\u2069\u200E\u200F\u061Cb' }, 0, '31'),
    ).toMatchObject({ title: 'Plan evil', note: 'ab' });
    expect(importAttributes({ title: '\u202E\u2067' }, 4, '31').title).toBe('Import 5');
    expect(importAttributes({ title: 'x'.repeat(300) }, 0, '31').title).toHaveLength(200);
  });

  it('names the property of a wrong proposed use or action number', async () => {
    await problem(() => importAttributes({ anvgen: 'erhverv' }, 3, '31'), 400, 'features[3].properties.proposed_use');
    await problem(
      () => importAttributes({ action_number: 'three' }, 0, '31'),
      400,
      'features[0].properties.action_number',
    );
  });
});

describe('toWgs84', () => {
  it('is proj4’s inverse of EPSG:25832, to well under a millimetre (seeded property test)', () => {
    const lon = fc.double({ min: 8, max: 15, noNaN: true });
    const lat = fc.double({ min: 54.5, max: 57.7, noNaN: true });
    fc.assert(
      fc.property(lon, lat, (x, y) => {
        const utm = proj4('EPSG:4326', EPSG_25832_PROJ4, [x, y]);
        const back = toWgs84({ type: 'Point', coordinates: utm }, 'EPSG:25832') as { coordinates: number[] };
        expect(Math.abs(back.coordinates[0]! - x)).toBeLessThan(1e-8);
        expect(Math.abs(back.coordinates[1]! - y)).toBeLessThan(1e-8);
      }),
      { seed: 25832, numRuns: 200 },
    );
  });

  it('leaves EPSG:4326 and malformed parts alone, and never changes its input', () => {
    const input = Object.freeze({
      type: 'LineString',
      coordinates: Object.freeze([Object.freeze([699_000, 6_153_000]), 'x']),
    });
    const out = toWgs84(input, 'EPSG:25832') as { coordinates: unknown[] };
    expect(out.coordinates[1]).toBe('x');
    expect(input.coordinates[0]).toEqual([699_000, 6_153_000]);
    expect(toWgs84(input, 'EPSG:4326')).toBe(input);
  });
});

describe('readShapefileZip', () => {
  const parts = () => polygonShapefile([SQUARE], [{ NAVN: 'Grund', ANVGEN: 31 }]);

  it('reads the .shp and .dbf, and the .prj as the declared CRS', async () => {
    const { shp, shx, dbf } = parts();
    const source = await readShapefileZip(zipOf({ 'a.shp': shp, 'a.shx': shx, 'a.dbf': dbf, 'a.prj': ESRI_UTM32_PRJ }));
    expect(source.format).toBe('shapefile');
    expect(source.declared).toEqual({ crs: 'EPSG:25832', reason: '.prj' });
    expect(source.features).toHaveLength(1);
    expect(source.features[0]!.properties).toEqual({ NAVN: 'Grund', ANVGEN: 31 });
    expect(source.features[0]!.geometry).toEqual(expect.objectContaining({ type: 'Polygon' }));
  });

  it('tells the accepted CRSs of a .prj apart, and refuses others naming crs', async () => {
    expect(prjCrs(ESRI_UTM32_PRJ)).toBe('EPSG:25832');
    expect(
      prjCrs(
        'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["Degree",0.017453292519943295]]',
      ),
    ).toBe('EPSG:4326');
    const err = await problem(() => prjCrs(ESRI_UTM33_PRJ), 400, 'crs');
    expect(err.detail).toMatch(/ETRS_1989_UTM_Zone_33N/);
    await problem(() => prjCrs('not a CRS'), 400, 'crs');
  });

  it('refuses several .shp files, a .dbf that does not match, and a zip bomb (413)', async () => {
    const { shp, dbf } = parts();
    await problem(() => readShapefileZip(zipOf({ 'a.shp': shp, 'b.shp': shp })), 400, 'body');
    const twoRows = polygonShapefile([SQUARE, SQUARE], [{ A: 1 }, { A: 2 }]).dbf;
    await problem(() => readShapefileZip(zipOf({ 'a.shp': shp, 'a.dbf': twoRows })), 400, 'body');
    await problem(() => readShapefileZip(zipOf({ 'a.shp': shp, 'a.dbf': dbf.subarray(0, 40) })), 400, 'body');
    const bomb = zipOf({ 'a.shp': new Uint8Array(MAX_UNZIPPED_BYTES + 1) }, { deflate: true });
    expect(bomb.length).toBeLessThan(200_000);
    await problem(() => readShapefileZip(bomb), 413, 'body');
  });

  it('reads a deflated zip', async () => {
    const { shp, dbf } = parts();
    const source = await readShapefileZip(zipOf({ 'a.shp': shp, 'a.dbf': dbf }, { deflate: true }));
    expect(source.features).toHaveLength(1);
  });

  // but-unzip never returns on a zip without its end record; every cut of a zip must end in an answer.
  it('every truncation of a zip ends in a 400 naming body, never a hang (seeded property test)', async () => {
    const { shp, shx, dbf } = parts();
    const zip = zipOf({ 'a.shp': shp, 'a.shx': shx, 'a.dbf': dbf, 'a.prj': ESRI_UTM32_PRJ });
    expect(hasEndOfCentralDirectory(zip)).toBe(true);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: zip.length - 1 }), async (cut) => {
        await problem(() => readShapefileZip(zip.subarray(0, cut)), 400, 'body');
      }),
      { seed: 9994, numRuns: 150 },
    );
  });

  it('a zip with damaged bytes answers (a result or a problem), never hangs or crashes (seeded property test)', async () => {
    const { shp, shx, dbf } = parts();
    const zip = zipOf({ 'a.shp': shp, 'a.shx': shx, 'a.dbf': dbf });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: zip.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        async (edits) => {
          const damaged = Buffer.from(zip);
          for (const [at, value] of edits) damaged[at] = value;
          try {
            await readShapefileZip(damaged);
          } catch (err) {
            expect(err).toBeInstanceOf(HttpProblem);
          }
        },
      ),
      { seed: 1, numRuns: 300 },
    );
  });
});
