import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import initSqlJs from 'sql.js';
import {
  geoPackageGeometry,
  wkbEnvelope,
  wkbGeometryType,
} from '../../../../server/src/modules/exports/geoPackageGeometry';
import { writeGeoPackage } from '../../../../server/src/modules/exports/writeGeoPackage';
import { EPSG_25832_SRS } from '../../../../server/src/modules/exports/sketchExports';

/** ISO WKB, little-endian, as PostGIS's ST_AsBinary writes it. */
function wkb(type: number, body: (w: (n: number, kind: 'u32' | 'f64') => void) => void, littleEndian = true) {
  const parts: Buffer[] = [];
  const w = (n: number, kind: 'u32' | 'f64') => {
    const b = Buffer.alloc(kind === 'u32' ? 4 : 8);
    if (kind === 'u32' && littleEndian) b.writeUInt32LE(n);
    else if (kind === 'u32') b.writeUInt32BE(n);
    else if (littleEndian) b.writeDoubleLE(n);
    else b.writeDoubleBE(n);
    parts.push(b);
  };
  parts.push(Buffer.from([littleEndian ? 1 : 0]));
  w(type, 'u32');
  body(w);
  return new Uint8Array(Buffer.concat(parts));
}
const polygonWkb = (rings: number[][][], littleEndian = true) =>
  wkb(
    3,
    (w) => {
      w(rings.length, 'u32');
      for (const ring of rings) {
        w(ring.length, 'u32');
        for (const [x, y] of ring) {
          w(x!, 'f64');
          w(y!, 'f64');
        }
      }
    },
    littleEndian,
  );
const SQUARE = Object.freeze([
  [
    [699_000, 6_153_000],
    [699_200, 6_153_000],
    [699_200, 6_153_200],
    [699_000, 6_153_200],
    [699_000, 6_153_000],
  ],
]);

describe('wkbEnvelope', () => {
  it('reads points, polygons (either byte order), multi-geometries and Z', () => {
    const point = wkb(1, (w) => (w(700_000, 'f64'), w(6_150_000, 'f64')));
    expect(wkbEnvelope(point)).toEqual([700_000, 6_150_000, 700_000, 6_150_000]);
    expect(wkbGeometryType(point)).toBe(1);
    expect(wkbEnvelope(polygonWkb(SQUARE as number[][][]))).toEqual([699_000, 6_153_000, 699_200, 6_153_200]);
    expect(wkbEnvelope(polygonWkb(SQUARE as number[][][], false))).toEqual([699_000, 6_153_000, 699_200, 6_153_200]);
    const multi = wkb(6, (w) => w(2, 'u32'));
    const twoPolygons = new Uint8Array(
      Buffer.concat([
        multi,
        polygonWkb(SQUARE as number[][][]),
        polygonWkb([
          [
            [1, 2],
            [3, 4],
            [1, 5],
            [1, 2],
          ],
        ]),
      ]),
    );
    expect(wkbEnvelope(twoPolygons)).toEqual([1, 2, 699_200, 6_153_200]);
    const lineZ = wkb(1002, (w) => {
      w(2, 'u32');
      for (const v of [1, 2, 99, 3, 4, -99]) w(v, 'f64');
    });
    expect(wkbEnvelope(lineZ)).toEqual([1, 2, 3, 4]);
    expect(wkbGeometryType(lineZ)).toBe(2);
  });

  it('refuses bytes that are not one whole WKB geometry', () => {
    const square = polygonWkb(SQUARE as number[][][]);
    expect(() => wkbEnvelope(square.subarray(0, square.length - 3))).toThrow();
    expect(() => wkbEnvelope(new Uint8Array([...square, 0]))).toThrow(/trailing/);
    expect(() => wkbEnvelope(wkb(17, () => {}))).toThrow(/unsupported/);
  });

  it('is the min/max of the coordinates of any ring (seeded property test)', () => {
    const coord = fc.double({ min: -1e7, max: 1e7, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.tuple(coord, coord), { minLength: 3, maxLength: 30 }), (points) => {
        const ring = [...points, points[0]!];
        const xs = ring.map((p) => p[0]);
        const ys = ring.map((p) => p[1]);
        expect(wkbEnvelope(polygonWkb([ring]))).toEqual([
          Math.min(...xs),
          Math.min(...ys),
          Math.max(...xs),
          Math.max(...ys),
        ]);
      }),
      { seed: 6, numRuns: 200 },
    );
  });
});

describe('geoPackageGeometry', () => {
  it('writes the GP header: version 0, little-endian flags with an xy envelope, srs_id, then the WKB', () => {
    const body = polygonWkb(SQUARE as number[][][]);
    const blob = geoPackageGeometry({ srsId: 25832, wkb: body });
    const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
    expect([blob[0], blob[1], blob[2]]).toEqual([0x47, 0x50, 0]);
    expect(blob[3]).toBe(0b0000_0011); // little-endian, envelope [minx, maxx, miny, maxy]
    expect(view.getInt32(4, true)).toBe(25832);
    expect([8, 16, 24, 32].map((o) => view.getFloat64(o, true))).toEqual([699_000, 699_200, 6_153_000, 6_153_200]);
    expect(blob.subarray(40)).toEqual(body);
  });

  it('writes points without an envelope, as GDAL does', () => {
    const point = wkb(1, (w) => (w(1, 'f64'), w(2, 'f64')));
    const blob = geoPackageGeometry({ srsId: 25832, wkb: point });
    expect(blob[3]).toBe(1);
    expect(blob.subarray(8)).toEqual(point);
  });
});

describe('writeGeoPackage', () => {
  it('writes a GeoPackage 1.3: application_id GPKG, user_version 10300, the required SRS rows and the tables', async () => {
    const bytes = await writeGeoPackage({
      lastChange: new Date('2025-01-02T03:04:05.678Z'),
      srs: [EPSG_25832_SRS],
      tables: [
        {
          dataType: 'features',
          name: 'sketches',
          description: 'd',
          srsId: 25832,
          columns: [
            { name: 'title', type: 'TEXT' },
            { name: 'area_m2', type: 'REAL' },
          ],
          rows: [{ wkb: polygonWkb(SQUARE as number[][][]), values: { title: 'Skitse', area_m2: 40_000 } }],
        },
        {
          dataType: 'attributes',
          name: 'sketch_constraints',
          description: 'c',
          columns: [{ name: 'kind', type: 'TEXT' }],
          rows: [{ values: { kind: 'flood' } }, { values: { kind: 'nature' } }],
        },
      ],
    });
    // The SQLite header: 'GPKG' at offset 68, user_version 10300 at 60 (big-endian).
    const header = new DataView(bytes.buffer, bytes.byteOffset, 100);
    expect(new TextDecoder().decode(bytes.subarray(68, 72))).toBe('GPKG');
    expect(header.getUint32(60)).toBe(10300);

    const SQL = await initSqlJs();
    const db = new SQL.Database(bytes);
    const one = (sql: string) => db.exec(sql)[0]!.values;
    expect(one('SELECT srs_id FROM gpkg_spatial_ref_sys ORDER BY srs_id').flat()).toEqual([-1, 0, 4326, 25832]);
    expect(
      one('SELECT table_name, data_type, srs_id, min_x, max_y, last_change FROM gpkg_contents ORDER BY 1'),
    ).toEqual([
      ['sketch_constraints', 'attributes', null, null, null, '2025-01-02T03:04:05.678Z'],
      ['sketches', 'features', 25832, 699_000, 6_153_200, '2025-01-02T03:04:05.678Z'],
    ]);
    expect(one('SELECT table_name, column_name, geometry_type_name, srs_id, z, m FROM gpkg_geometry_columns')).toEqual([
      ['sketches', 'geom', 'GEOMETRY', 25832, 0, 0],
    ]);
    expect(one('SELECT fid, title, area_m2, substr(geom, 1, 2) FROM sketches')).toEqual([
      [1, 'Skitse', 40_000, new Uint8Array([0x47, 0x50])],
    ]);
    expect(one('SELECT id, kind FROM sketch_constraints ORDER BY id')).toEqual([
      [1, 'flood'],
      [2, 'nature'],
    ]);
    db.close();
  });

  it('refuses table and column names that are not plain identifiers', async () => {
    await expect(
      writeGeoPackage({
        srs: [],
        tables: [{ dataType: 'attributes', name: 'x"; DROP', description: '', columns: [], rows: [] }],
      }),
    ).rejects.toThrow(/identifier/);
  });
});
