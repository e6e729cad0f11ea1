import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import type { ConstraintItemSummary, SketchFeature } from '@shared/schemas/sketch';
import { testApp } from '../testApp';
import { expectProblem } from '../expectProblem';
import { createAccount, login, testClient } from '../workflowFixtures';
import { createSketch, square, QUIET_FIELD } from '../sketchFixtures';

interface ExportFile {
  type: 'FeatureCollection';
  crs?: unknown;
  features: {
    id: string;
    geometry: { type: string; coordinates: unknown };
    properties: SketchFeature['properties'] & {
      crs: string;
      constraints: (ConstraintItemSummary & { geometry?: unknown })[];
    };
  }[];
}

let app: FastifyInstance;
let db: pg.Client;
let dir: string;
/** A polygon over the plot kn-01 (so its constraints name the plot) and a line in an empty field. */
let onPlot: SketchFeature;
let line: SketchFeature;
let ids: string;

beforeAll(async () => {
  app = await testApp();
  db = await testClient();
  dir = await mkdtemp(join(tmpdir(), 'koege-sketch-export-'));
  const planner = await login(app, await createAccount(db, 'planner', 'Export planner'), '10.66.2.1');
  const { rows } = await db.query<{ lon: number; lat: number }>(
    `SELECT ST_X(p) lon, ST_Y(p) lat FROM (SELECT ST_Transform(ST_PointOnSurface(geom), 4326) p FROM site WHERE id = 'kn-01') x`,
  );
  onPlot = await createSketch(app, planner, {
    geometry: square(rows[0]!.lon, rows[0]!.lat, 0.0004),
    title: 'Over kn-01',
    note: 'eksport',
  });
  line = await createSketch(app, planner, {
    geometry: {
      type: 'LineString',
      coordinates: [
        [QUIET_FIELD.lon, QUIET_FIELD.lat],
        [QUIET_FIELD.lon + 0.002, QUIET_FIELD.lat + 0.001],
      ],
    },
    title: 'Vej i marken',
    proposed_use: '81',
  });
  ids = `${onPlot.id},${line.id}`;
});
afterAll(async () => {
  await app.close();
  await db.end();
  await rm(dir, { recursive: true, force: true });
});

/** Every position of a GeoJSON geometry. */
const positions = (c: unknown): number[][] =>
  Array.isArray(c) && typeof c[0] === 'number' ? [c as number[]] : (c as unknown[]).flatMap(positions);

describe('GET /api/sketches/export.geojson', () => {
  it('EPSG:4326: RFC 7946 (no crs member), named as such, each feature with its constraints', async () => {
    const res = await app.inject(`/api/sketches/export.geojson?crs=4326&ids=${ids}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="koege-sketches-EPSG4326.geojson"');
    const file = res.json<ExportFile>();
    expect(file.crs).toBeUndefined();
    expect(file.features.map((f) => f.id)).toEqual([onPlot.id, line.id]);
    const [plot, road] = file.features;
    expect(plot!.geometry).toEqual(onPlot.geometry);
    expect(plot!.properties).toEqual(
      expect.objectContaining({ title: 'Over kn-01', note: 'eksport', crs: 'EPSG:4326', status: 'draft' }),
    );
    const site = plot!.properties.constraints.find((c) => c.kind === 'site' && c.ref === 'kn-01');
    expect(site).toBeDefined();
    expect(site!.overlap_area_m2).toBeGreaterThan(0);
    expect(plot!.properties.constraints.every((c) => c.geometry === undefined)).toBe(true);
    expect(road!.properties.length_m).toBeGreaterThan(100);
  });

  it('EPSG:25832: the legacy crs member, and PostGIS’s stored coordinates to the millimetre', async () => {
    const res = await app.inject(`/api/sketches/export.geojson?crs=25832&ids=${ids}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="koege-sketches-EPSG25832.geojson"');
    const file = res.json<ExportFile>();
    expect(file.crs).toEqual({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } });
    for (const f of file.features) {
      expect(f.properties.crs).toBe('EPSG:25832');
      const { rows } = await db.query<{ g: { coordinates: unknown } }>(
        `SELECT ST_AsGeoJSON(CASE WHEN ST_Dimension(geom) = 2 THEN ST_ForcePolygonCCW(geom) ELSE geom END, 3)::json g
           FROM sketch_current WHERE id = $1`,
        [f.id],
      );
      expect(positions(f.geometry.coordinates)).toEqual(positions(rows[0]!.g.coordinates));
      const [e, n] = positions(f.geometry.coordinates)[0]!;
      expect(e).toBeGreaterThan(650_000);
      expect(n).toBeGreaterThan(6_100_000);
    }
  });

  it('without ids: every live sketch', async () => {
    const file = (await app.inject('/api/sketches/export.geojson')).json<ExportFile>();
    const { rows } = await db.query<{ n: number }>(
      'SELECT count(*)::int n FROM sketch_current WHERE deleted_at IS NULL',
    );
    expect(file.features).toHaveLength(rows[0]!.n);
    expect(file.features.map((f) => f.id)).toEqual(expect.arrayContaining([onPlot.id, line.id]));
  });

  it.each([
    ['/api/sketches/export.geojson?crs=3857', 400, 'crs'],
    ['/api/sketches/export.geojson?crs=EPSG:25832', 400, 'crs'],
    ['/api/sketches/export.geojson?ids=not-a-uuid', 400, 'ids'],
    [`/api/sketches/export.geojson?ids=${'-'.repeat(36)}`, 400, 'ids'],
    ['/api/sketches/export.geojson?ids=00000000-0000-4000-8000-000000000000', 404, undefined],
    ['/api/sketches/export.gpkg?ids=00000000-0000-4000-8000-000000000000', 404, undefined],
    ['/api/sketches/export.gpkg?crs=4326', 400, 'crs'],
  ])('%s → %i', async (url, status, name) => {
    expectProblem(await app.inject(url), status, name);
  });
});

describe('GET /api/sketches/export.gpkg', () => {
  it('is a GeoPackage file (SQLite header, application_id GPKG), named as such', async () => {
    const res = await app.inject(`/api/sketches/export.gpkg?ids=${ids}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/geopackage+sqlite3');
    expect(res.headers['content-disposition']).toBe('attachment; filename="koege-sketches-EPSG25832.gpkg"');
    const bytes = res.rawPayload;
    expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\u0000');
    expect(bytes.subarray(68, 72).toString('latin1')).toBe('GPKG');
  });
});

// GDAL is the independent reader: QGIS opens these files through it.
describe('exports read by GDAL', () => {
  const ogrinfo = ['/usr/bin/ogrinfo', '/usr/local/bin/ogrinfo'].find((p) => existsSync(p));
  const ogr2ogr = ['/usr/bin/ogr2ogr', '/usr/local/bin/ogr2ogr'].find((p) => existsSync(p));
  if ((!ogrinfo || !ogr2ogr) && process.env.CI === 'true') {
    throw new Error('CI=true but GDAL (ogrinfo, ogr2ogr) is not installed');
  }
  const run = promisify(execFile);

  it.runIf(ogrinfo)('ogrinfo opens both GeoJSON files with 2 features and the right CRS', async () => {
    for (const [crs, expected] of [
      ['4326', /WGS 84/],
      ['25832', /ETRS89 \/ UTM zone 32N/],
    ] as const) {
      const res = await app.inject(`/api/sketches/export.geojson?crs=${crs}&ids=${ids}`);
      const file = join(dir, `sketches-${crs}.geojson`);
      await writeFile(file, res.rawPayload);
      const { stdout } = await run(ogrinfo!, ['-ro', '-al', '-so', file]);
      expect(stdout).toMatch(/Feature Count: 2\b/);
      expect(stdout).toMatch(expected);
    }
  });

  it.runIf(ogrinfo)(
    'ogrinfo opens the GeoPackage: layer sketches in EPSG:25832, and the constraints table',
    async () => {
      const file = join(dir, 'sketches.gpkg');
      await writeFile(file, (await app.inject(`/api/sketches/export.gpkg?ids=${ids}`)).rawPayload);
      const { stdout, stderr } = await run(ogrinfo!, ['-ro', '-al', '-so', file]);
      expect(stderr).toBe('');
      const sketches = stdout.split(/\nLayer name: /).find((l) => l.startsWith('sketches'))!;
      expect(sketches).toMatch(/Feature Count: 2\b/);
      expect(sketches).toMatch(/ETRS89 \/ UTM zone 32N/);
      expect(sketches).toMatch(/ID\["EPSG",25832\]/);
      expect(sketches).toMatch(/title: String/);
      const constraintsLayer = stdout.split(/\nLayer name: /).find((l) => l.startsWith('sketch_constraints'))!;
      expect(constraintsLayer).toMatch(/Geometry: None/);
      const exported = (await app.inject(`/api/sketches/export.geojson?ids=${ids}`)).json<ExportFile>();
      const total = exported.features.reduce((n, f) => n + f.properties.constraints.length, 0);
      expect(total).toBeGreaterThan(0);
      expect(constraintsLayer).toMatch(new RegExp(`Feature Count: ${total}\\b`));
    },
  );

  it.runIf(ogr2ogr)('GDAL reads the GeoPackage’s geometries back as PostGIS stores them', async () => {
    const file = join(dir, 'sketches-read.gpkg');
    await writeFile(file, (await app.inject(`/api/sketches/export.gpkg?ids=${ids}`)).rawPayload);
    const { stdout } = await run(ogr2ogr!, [
      '-f',
      'GeoJSON',
      '/vsistdout/',
      file,
      'sketches',
      '-lco',
      'COORDINATE_PRECISION=3',
    ]);
    const read = JSON.parse(stdout) as {
      features: { geometry: { coordinates: unknown }; properties: { sketch_id: string; title: string } }[];
    };
    expect(read.features.map((f) => f.properties.title)).toEqual(['Over kn-01', 'Vej i marken']);
    for (const f of read.features) {
      const { rows } = await db.query<{ g: { coordinates: unknown } }>(
        `SELECT ST_AsGeoJSON(CASE WHEN ST_Dimension(geom) = 2 THEN ST_ForcePolygonCCW(geom) ELSE geom END, 3)::json g
           FROM sketch_current WHERE id = $1`,
        [f.properties.sketch_id],
      );
      expect(positions(f.geometry.coordinates)).toEqual(positions(rows[0]!.g.coordinates));
    }
  });
});
