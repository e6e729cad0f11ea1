import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import type { PlotList } from '@shared/schemas/plot';
import { testApp } from '../testApp';
import { expectProblem } from '../expectProblem';

let app: FastifyInstance;
let dir: string;
beforeAll(async () => {
  app = await testApp();
  dir = await mkdtemp(join(tmpdir(), 'koege-export-'));
});
afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

const FILTER = '?use=production,logistics&min_area=20000&sort=-area';
const listed = async () => (await app.inject(`/api/plots${FILTER}`)).json<PlotList>();

type Fc = {
  type: string;
  crs?: unknown;
  features: { id: string; geometry: { coordinates: number[][][] }; properties: Record<string, unknown> }[];
};

describe('exports of the plot finder result', () => {
  it('CSV holds exactly the listed rows, in order, with a header and file name', async () => {
    const { plots } = await listed();
    expect(plots.length).toBeGreaterThan(1);
    const res = await app.inject(`/api/plots.csv${FILTER}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="koege-grunde.csv"');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toMatch(/^id,name,area_m2,area_ha,plan_use/);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(plots.map((p) => p.id));
  });

  it('GeoJSON in EPSG:4326 (RFC 7946) and in EPSG:25832 (proj4) hold the same listed features', async () => {
    const { plots } = await listed();
    const wgs = await app.inject(`/api/plots.geojson${FILTER}`);
    const utm = await app.inject(`/api/plots.geojson${FILTER}&crs=EPSG:25832`);
    expect(wgs.headers['content-disposition']).toMatch(/koege-grunde-epsg4326\.geojson/);
    expect(utm.headers['content-disposition']).toMatch(/koege-grunde-epsg25832\.geojson/);
    const a = wgs.json<Fc>();
    const b = utm.json<Fc>();
    expect(a.crs).toBeUndefined();
    expect(b.crs).toEqual({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } });
    expect(a.features.map((f) => f.id)).toEqual(plots.map((p) => p.id));
    expect(b.features.map((f) => f.id)).toEqual(plots.map((p) => p.id));
    expect(b.features.every((f) => f.properties.crs === 'EPSG:25832')).toBe(true);
  });

  it('proj4’s EPSG:25832 coordinates match PostGIS’s stored geometry to the centimetre', async () => {
    const b = (await app.inject(`/api/plots.geojson${FILTER}&crs=EPSG:25832`)).json<Fc>();
    const client = new pg.Client({ connectionString: inject('ownerDatabaseUrl') });
    await client.connect();
    try {
      for (const f of b.features) {
        const { rows } = await client.query<{ g: { coordinates: number[][][] } }>(
          'SELECT ST_AsGeoJSON(ST_ForcePolygonCCW(geom), 3)::json AS g FROM site WHERE id = $1',
          [f.id],
        );
        const stored = rows[0]!.g.coordinates[0]!;
        const exported = f.geometry.coordinates[0]!;
        expect(exported).toHaveLength(stored.length);
        exported.forEach(([e, n], i) => {
          expect(Math.abs(e! - stored[i]![0]!)).toBeLessThan(0.02);
          expect(Math.abs(n! - stored[i]![1]!)).toBeLessThan(0.02);
        });
      }
    } finally {
      await client.end();
    }
  });

  // GDAL is the independent reader: the files must open in QGIS/ogr with the right count and CRS.
  const ogrinfo = ['/usr/bin/ogrinfo', '/usr/local/bin/ogrinfo'].find((p) => existsSync(p));
  if (!ogrinfo && process.env.CI === 'true') throw new Error('CI=true but GDAL (ogrinfo) is not installed');
  it.runIf(ogrinfo)('GDAL ogrinfo opens both files with the right feature count and CRS', async () => {
    const { count } = await listed();
    for (const [crs, expected] of [
      ['EPSG:4326', /WGS 84/],
      ['EPSG:25832', /ETRS89 \/ UTM zone 32N/],
    ] as const) {
      const body = (await app.inject(`/api/plots.geojson${FILTER}&crs=${crs}`)).body;
      const file = join(dir, `plots-${crs.replace(':', '')}.geojson`);
      await writeFile(file, body);
      const info = execFileSync(ogrinfo!, ['-ro', '-so', '-al', file], { encoding: 'utf8' });
      expect(info).toMatch(new RegExp(`Feature Count: ${count}\\b`));
      expect(info).toMatch(expected);
    }
  });

  it.each([
    ['/api/plots.geojson?crs=EPSG:3857', 'crs'],
    ['/api/plots.geojson?crs=25832', 'crs'],
    ['/api/plots.csv?min_area=abc', 'min_area'],
    ['/api/plots.csv?format=xlsx', 'format'],
  ])('%s → 400 naming %s', async (url, name) => {
    expectProblem(await app.inject(url), 400, name);
  });
});
