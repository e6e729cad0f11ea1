import { afterEach, describe, expect, it } from 'vitest';
import { collection, importText, ownerClient, removeRegisterLayers, square } from './registerTestHelpers';

afterEach(removeRegisterLayers);

const centroid = async (id: string) => {
  const client = await ownerClient();
  try {
    const { rows } = await client.query<{ x: number; y: number }>(
      'SELECT round(ST_X(ST_Centroid(geom))) AS x, round(ST_Y(ST_Centroid(geom))) AS y FROM site WHERE id = $1',
      [id],
    );
    return rows[0];
  } finally {
    await client.end();
  }
};

describe('register CRSs: every feature lands in EPSG:25832 where it belongs', () => {
  it('EPSG:25832 declared, CRS84 declared, and Danish metres with no crs member (as GDAL may write them)', async () => {
    await importText('dagi', collection([[{ kode: '0259', navn: 'Køge' }, square(700_000, 6_150_000)]]), 'a.json');
    expect(await centroid('dagi-kommune-0259')).toEqual({ x: 700050, y: 6150050 });
    await importText(
      'dagi',
      collection([[{ kode: '0253', navn: 'Greve' }, square(700_000, 6_150_000)]], null),
      'b.json',
    );
    expect(await centroid('dagi-kommune-0253')).toEqual({ x: 700050, y: 6150050 });
    const lonLat = {
      type: 'Polygon',
      coordinates: [
        [
          [12.18, 55.46],
          [12.19, 55.46],
          [12.19, 55.47],
          [12.18, 55.47],
          [12.18, 55.46],
        ],
      ],
    };
    await importText('dagi', collection([[{ nr: '4600', navn: 'Køge' }, lonLat]], 'urn:ogc:def:crs:OGC:1.3:CRS84'));
    const c = await centroid('dagi-postnr-4600');
    expect(c!.x).toBeGreaterThan(701_000);
    expect(c!.x).toBeLessThan(702_500);
    expect(c!.y).toBeGreaterThan(6_150_000);
    expect(c!.y).toBeLessThan(6_151_500);
  });

  it('a crs member after the features (GeoServer) that agrees with them', async () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { kode: '0259', navn: 'Køge' }, geometry: square(700_000, 6_150_000) }],
      numberMatched: 1,
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } },
    });
    const report = await importText('dagi', text);
    expect(report.layers[0]).toMatchObject({ written: 1 });
  });
});
