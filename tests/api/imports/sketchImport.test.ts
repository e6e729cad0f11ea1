import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import type { SketchFeature } from '../../../shared/schemas/sketch';
import type { ImportPreview } from '../../../shared/schemas/sketchExchange';
import { testApp } from '../testApp';
import { expectProblem } from '../expectProblem';
import { authHeaders, createAccount, login, testClient, type Session } from '../workflowFixtures';
import { ESRI_UTM32_PRJ, ESRI_UTM33_PRJ, polygonShapefile, zipOf } from '../shapefileZip';

let app: FastifyInstance;
let db: pg.Client;
let planner: Session;
beforeAll(async () => {
  app = await testApp();
  db = await testClient();
  planner = await login(app, await createAccount(db, 'planner', 'Import planner'), '10.66.1.1');
});
afterAll(async () => {
  await app.close();
  await db.end();
});

/** A 200 m × 200 m square in Køge Nord, in EPSG:25832 metres (exterior ring counter-clockwise). */
const UTM_SQUARE = [
  [
    [699_000, 6_153_000],
    [699_200, 6_153_000],
    [699_200, 6_153_200],
    [699_000, 6_153_200],
    [699_000, 6_153_000],
  ],
];
/** A second one beside it. */
const UTM_SQUARE_2 = UTM_SQUARE.map((ring) => ring.map(([e, n]) => [e! + 500, n!]));
/** A small polygon near Køge in lon/lat degrees. */
const LONLAT_POLYGON = [
  [
    [12.16, 55.47],
    [12.17, 55.47],
    [12.17, 55.475],
    [12.16, 55.475],
    [12.16, 55.47],
  ],
];
/** A bow-tie: its ring crosses itself (PostGIS: Self-intersection). */
const BOW_TIE = [
  [
    [12.16, 55.47],
    [12.17, 55.475],
    [12.17, 55.47],
    [12.16, 55.475],
    [12.16, 55.47],
  ],
];

const polygon = (coordinates: number[][][], properties: Record<string, unknown> = {}) => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Polygon', coordinates },
});

async function counts() {
  const { rows } = await db.query<{ sketches: number; versions: number }>(
    'SELECT (SELECT count(*)::int FROM sketch) AS sketches, (SELECT count(*)::int FROM sketch_version) AS versions',
  );
  return rows[0]!;
}

function post(
  query: string,
  payload: string | Buffer | object,
  contentType = 'application/geo+json',
  session: Session | null = planner,
) {
  return app.inject({
    method: 'POST',
    url: `/api/sketches/import?${query}`,
    headers: { ...(session ? authHeaders(session) : {}), 'content-type': contentType },
    payload: typeof payload === 'object' && !Buffer.isBuffer(payload) ? JSON.stringify(payload) : payload,
  });
}

/** Asserts that `request` is refused with `status` naming `param`, and that no sketch or version was written. */
async function refusedWithNothingSaved(
  request: Promise<Awaited<ReturnType<typeof post>>>,
  status: number,
  param?: string,
) {
  const before = await counts();
  const res = await request;
  const problem = expectProblem(res, status, param);
  expect(await counts()).toEqual(before);
  return problem;
}

const preview = (res: Awaited<ReturnType<typeof post>>) => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ImportPreview>();
};

describe('POST /api/sketches/import: GeoJSON', () => {
  it('a dry run of EPSG:4326 GeoJSON previews every feature, maps the attributes and saves nothing', async () => {
    const before = await counts();
    const body = preview(
      await post('dry_run=true&proposed_use=51', {
        type: 'FeatureCollection',
        features: [
          polygon(LONLAT_POLYGON, { name: 'Erhvervsområde Nord', anvgen: 41, note: 'fra QGIS' }),
          polygon(LONLAT_POLYGON, { NAVN: 'Navn med store bogstaver', action_number: '3.1' }),
          polygon(LONLAT_POLYGON, { plannavn: 'Lokalplan 1234' }),
          polygon(LONLAT_POLYGON, { other: 'no title here' }),
        ],
      }),
    );
    expect(body).toEqual(
      expect.objectContaining({
        crs: 'EPSG:4326',
        crs_reason: 'detected from coordinate range',
        source_format: 'geojson',
        feature_count: 4,
        valid: true,
      }),
    );
    expect(body.features.map((f) => f.properties)).toEqual([
      { title: 'Erhvervsområde Nord', proposed_use: '41', note: 'fra QGIS', action_number: null },
      { title: 'Navn med store bogstaver', proposed_use: '51', note: '', action_number: '3.1' },
      { title: 'Lokalplan 1234', proposed_use: '51', note: '', action_number: null },
      { title: 'Import 4', proposed_use: '51', note: '', action_number: null },
    ]);
    expect(body.features.every((f) => f.fault === null && f.geometry?.type === 'Polygon')).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it('strips bidirectional controls from the attributes: the preview shows what is saved (issue #19)', async () => {
    const file = {
      type: 'FeatureCollection',
      features: [polygon(LONLAT_POLYGON, { title: 'Plan \u202Etxt.exe\u202C', note: '\u2066note\u2069\u200F\u061C' })],
    };
    const body = preview(await post('dry_run=true', file));
    expect(body.features[0]!.properties).toMatchObject({ title: 'Plan txt.exe', note: 'note' });
    const saved = await post('dry_run=false', file);
    expect(saved.statusCode, saved.body).toBe(201);
    const [created] = saved.json<{ created: SketchFeature[] }>().created;
    const { rows } = await db.query<{ title: string; note: string }>(
      'SELECT title, note FROM sketch_current WHERE id = $1',
      [created!.id],
    );
    expect(rows[0]).toEqual({ title: 'Plan txt.exe', note: 'note' });
  });

  it('a commit saves every feature in one go as version 1, change "imported", and answers 201', async () => {
    const before = await counts();
    const res = await post('dry_run=false', {
      type: 'FeatureCollection',
      features: [polygon(LONLAT_POLYGON, { title: 'Import A' }), polygon(LONLAT_POLYGON, { title: 'Import B' })],
    });
    expect(res.statusCode, res.body).toBe(201);
    const { created } = res.json<{ created: SketchFeature[] }>();
    expect(created.map((f) => f.properties.title)).toEqual(['Import A', 'Import B']);
    for (const f of created) {
      expect(f.properties).toEqual(
        expect.objectContaining({ version: 1, change: 'imported', proposed_use: '31', status: 'draft' }),
      );
      expect(f.properties.updated_by.name).toMatch(/^Import planner/);
    }
    expect(await counts()).toEqual({ sketches: before.sketches + 2, versions: before.versions + 2 });
  });

  it('EPSG:25832 declared with the legacy crs member is converted exactly (area 40 000 m²)', async () => {
    const file = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } },
      features: [polygon(UTM_SQUARE, { title: 'UTM declared' })],
    };
    const dry = preview(await post('dry_run=true', file));
    expect(dry.crs).toBe('EPSG:25832');
    expect(dry.crs_reason).toBe('declared');
    const [lon, lat] = (dry.features[0]!.geometry!.coordinates as number[][][])[0]![0]!;
    expect(lon).toBeGreaterThan(12);
    expect(lon).toBeLessThan(12.3);
    expect(lat).toBeGreaterThan(55.4);
    expect(lat).toBeLessThan(55.6);

    const res = await post('dry_run=false', file);
    expect(res.statusCode, res.body).toBe(201);
    const [saved] = res.json<{ created: SketchFeature[] }>().created;
    expect(saved!.properties.area_m2).toBeCloseTo(40_000, 0);
    const { rows } = await db.query<{ x: number; y: number }>(
      'SELECT ST_XMin(geom) x, ST_YMin(geom) y FROM sketch_current WHERE id = $1',
      [saved!.id],
    );
    // Back in EPSG:25832 it is where the file put it, to the millimetre.
    expect(rows[0]!.x).toBeCloseTo(699_000, 2);
    expect(rows[0]!.y).toBeCloseTo(6_153_000, 2);
  });

  it.each([['EPSG:25832'], ['http://www.opengis.net/def/crs/EPSG/0/25832']])(
    'the crs member may also name %s',
    async (name) => {
      const body = preview(
        await post('dry_run=true', {
          type: 'FeatureCollection',
          crs: { type: 'name', properties: { name } },
          features: [polygon(UTM_SQUARE)],
        }),
      );
      expect(body.crs).toBe('EPSG:25832');
      expect(body.valid).toBe(true);
    },
  );

  it('EPSG:25832 without a crs member is detected from the coordinate range', async () => {
    const body = preview(
      await post('dry_run=true', { type: 'FeatureCollection', features: [polygon(UTM_SQUARE), polygon(UTM_SQUARE_2)] }),
    );
    expect(body.crs).toBe('EPSG:25832');
    expect(body.crs_reason).toBe('detected from coordinate range');
    expect(body.valid).toBe(true);
  });

  it('takes one Feature or a bare Geometry as application/json too', async () => {
    const feature = preview(await post('dry_run=true', polygon(LONLAT_POLYGON, { navn: 'Én' }), 'application/json'));
    expect(feature.features.map((f) => f.properties.title)).toEqual(['Én']);
    const bare = preview(
      await post('dry_run=true', {
        type: 'LineString',
        coordinates: [
          [12.16, 55.47],
          [12.17, 55.48],
        ],
      }),
    );
    expect(bare.feature_count).toBe(1);
    expect(bare.features[0]!.properties.title).toBe('Import 1');
    expect(bare.features[0]!.geometry?.type).toBe('LineString');
  });

  it('a self-intersecting feature: the dry run names its fault; the commit saves nothing and names it', async () => {
    const file = {
      type: 'FeatureCollection',
      features: [polygon(LONLAT_POLYGON, { title: 'ok' }), polygon(BOW_TIE, { title: 'bow tie' })],
    };
    const dry = preview(await post('dry_run=true', file));
    expect(dry.valid).toBe(false);
    expect(dry.features[0]!.fault).toBeNull();
    expect(dry.features[1]!.fault).toEqual(
      expect.objectContaining({ reason: expect.stringMatching(/self-intersection/i), repairable: true }),
    );
    expect(dry.features[1]!.fault!.location).toHaveLength(2);

    const problem = await refusedWithNothingSaved(post('dry_run=false', file), 400, 'features[1].geometry');
    expect((problem as unknown as { geometry_fault: { reason: string } }).geometry_fault.reason).toMatch(
      /self-intersection/i,
    );
  });

  it('a feature without geometry, or outside Denmark, is a fault of that feature', async () => {
    const body = preview(
      await post('dry_run=true', {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: {}, geometry: null },
          polygon(LONLAT_POLYGON.map((r) => r.map(([x, y]) => [x! - 10, y!]))),
        ],
      }),
    );
    expect(body.valid).toBe(false);
    expect(body.features[0]!.fault?.reason).toBe('no geometry');
    expect(body.features[1]!.fault?.reason).toMatch(/outside Denmark/);
  });
});

describe('POST /api/sketches/import: zipped Shapefiles', () => {
  const shapefile = () =>
    polygonShapefile(
      [UTM_SQUARE, UTM_SQUARE_2],
      [
        { NAVN: 'Skitse fra shapefil', ANVGEN: 31 },
        { NAVN: 'Anden skitse', ANVGEN: 81 },
      ],
    );

  it('without a .prj: EPSG:25832 detected from the coordinates, attributes from the .dbf', async () => {
    const { shp, shx, dbf } = shapefile();
    const body = preview(
      await post(
        'dry_run=true',
        zipOf({ 'skitser.shp': shp, 'skitser.shx': shx, 'skitser.dbf': dbf }),
        'application/zip',
      ),
    );
    expect(body).toEqual(
      expect.objectContaining({
        crs: 'EPSG:25832',
        crs_reason: 'detected from coordinate range',
        source_format: 'shapefile',
        feature_count: 2,
        valid: true,
      }),
    );
    expect(body.features.map((f) => [f.properties.title, f.properties.proposed_use])).toEqual([
      ['Skitse fra shapefil', '31'],
      ['Anden skitse', '81'],
    ]);
  });

  it('with a .prj (ETRS89 / UTM 32N as ArcGIS writes it): the .prj declares the CRS; the commit saves both', async () => {
    const { shp, shx, dbf } = shapefile();
    const zip = zipOf({
      'lag/skitser.shp': shp,
      'lag/skitser.shx': shx,
      'lag/skitser.dbf': dbf,
      'lag/skitser.prj': ESRI_UTM32_PRJ,
      'lag/skitser.cpg': 'UTF-8',
    });
    const dry = preview(await post('dry_run=true', zip, 'application/zip'));
    expect(dry.crs).toBe('EPSG:25832');
    expect(dry.crs_reason).toBe('.prj');
    const before = await counts();
    const res = await post('dry_run=false', zip, 'application/zip');
    expect(res.statusCode, res.body).toBe(201);
    const { created } = res.json<{ created: SketchFeature[] }>();
    expect(created.map((f) => f.properties.area_m2)).toEqual([expect.closeTo(40_000, 0), expect.closeTo(40_000, 0)]);
    expect(await counts()).toEqual({ sketches: before.sketches + 2, versions: before.versions + 2 });
  });

  it('a .prj of a CRS other than EPSG:25832 or 4326 is refused, naming crs', async () => {
    const { shp, shx, dbf } = shapefile();
    const zip = zipOf({ 'a.shp': shp, 'a.shx': shx, 'a.dbf': dbf, 'a.prj': ESRI_UTM33_PRJ });
    await refusedWithNothingSaved(post('dry_run=false', zip, 'application/zip'), 400, 'crs');
  });

  // GDAL writes the files QGIS users send: its Shapefile must import as it is.
  const ogr2ogr = ['/usr/bin/ogr2ogr', '/usr/local/bin/ogr2ogr'].find((p) => existsSync(p));
  if (!ogr2ogr && process.env.CI === 'true') throw new Error('CI=true but GDAL (ogr2ogr) is not installed');
  it.runIf(ogr2ogr)('a Shapefile written by GDAL’s ogr2ogr (with its .prj and .cpg) imports', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'koege-shp-'));
    try {
      await writeFile(
        join(dir, 'in.geojson'),
        JSON.stringify({
          type: 'FeatureCollection',
          crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } },
          features: [polygon(UTM_SQUARE, { navn: 'Fra GDAL, æøå', anvgen: '51' })],
        }),
      );
      await promisify(execFile)(ogr2ogr!, ['-f', 'ESRI Shapefile', join(dir, 'gdal.shp'), join(dir, 'in.geojson')]);
      const files: Record<string, Uint8Array> = {};
      for (const ext of ['shp', 'shx', 'dbf', 'prj', 'cpg']) {
        if (existsSync(join(dir, `gdal.${ext}`))) files[`gdal.${ext}`] = await readFile(join(dir, `gdal.${ext}`));
      }
      expect(Object.keys(files)).toContain('gdal.prj');
      const body = preview(await post('dry_run=true', zipOf(files), 'application/zip'));
      expect(body.crs_reason).toBe('.prj');
      expect(body.crs).toBe('EPSG:25832');
      expect(body.valid).toBe(true);
      expect(body.features[0]!.properties).toEqual(
        expect.objectContaining({ title: 'Fra GDAL, æøå', proposed_use: '51' }),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('POST /api/sketches/import: bad files save nothing', () => {
  const shp = () => polygonShapefile([UTM_SQUARE], [{ NAVN: 'x' }]);

  it('text that is not JSON → 400 naming body', async () => {
    await refusedWithNothingSaved(post('dry_run=false', 'this is { not json', 'application/geo+json'), 400, 'body');
  });

  it('an empty body → 400 naming body', async () => {
    await refusedWithNothingSaved(post('dry_run=false', '', 'application/json'), 400, 'body');
    await refusedWithNothingSaved(post('dry_run=false', Buffer.alloc(0), 'application/zip'), 400, 'body');
  });

  it('JSON that is not GeoJSON → 400 naming body', async () => {
    await refusedWithNothingSaved(post('dry_run=false', { hello: 'world' }), 400, 'body');
    await refusedWithNothingSaved(post('dry_run=false', { type: 'Topology' }), 400, 'body');
    await refusedWithNothingSaved(post('dry_run=false', { type: 'FeatureCollection', features: 'x' }), 400, 'features');
    await refusedWithNothingSaved(
      post('dry_run=false', { type: 'FeatureCollection', features: [polygon(LONLAT_POLYGON), 7] }),
      400,
      'features[1]',
    );
  });

  it('a FeatureCollection without features → 400 naming features', async () => {
    await refusedWithNothingSaved(post('dry_run=true', { type: 'FeatureCollection', features: [] }), 400, 'features');
  });

  it('more than 500 features → 413 naming features', async () => {
    const features = Array.from({ length: 501 }, () => polygon(LONLAT_POLYGON));
    await refusedWithNothingSaved(post('dry_run=false', { type: 'FeatureCollection', features }), 413, 'features');
  });

  it('a body over 10 MB → 413', async () => {
    await refusedWithNothingSaved(
      post('dry_run=false', Buffer.alloc(10 * 1024 * 1024 + 1, 0x20), 'application/json'),
      413,
    );
  });

  it('a media type other than GeoJSON or zip → 415', async () => {
    await refusedWithNothingSaved(post('dry_run=false', 'a,b\n1,2', 'text/csv'), 415);
  });

  it('bytes that are not a zip → 400 naming body', async () => {
    await refusedWithNothingSaved(
      post('dry_run=false', Buffer.from('plainly not a zip'), 'application/zip'),
      400,
      'body',
    );
  });

  it('a truncated zip → 400 naming body', async () => {
    const { shp: s, shx, dbf } = shp();
    const zip = zipOf({ 'a.shp': s, 'a.shx': shx, 'a.dbf': dbf });
    const problem = await refusedWithNothingSaved(
      post('dry_run=false', zip.subarray(0, Math.floor(zip.length * 0.6)), 'application/zip'),
      400,
      'body',
    );
    expect(problem['invalid-params']?.[0]?.name).toBe('body');
  });

  it('a zip without a .shp → 400 naming body', async () => {
    const { dbf } = shp();
    const problem = await refusedWithNothingSaved(
      post('dry_run=false', zipOf({ 'readme.txt': 'hello', 'a.dbf': dbf }), 'application/zip'),
      400,
      'body',
    );
    expect(JSON.stringify(problem)).toMatch(/no \.shp/);
  });

  it('a zip with a truncated .shp inside → 400 naming body', async () => {
    const { shp: s, dbf } = shp();
    await refusedWithNothingSaved(
      post('dry_run=false', zipOf({ 'a.shp': s.subarray(0, s.length - 20), 'a.dbf': dbf }), 'application/zip'),
      400,
      'body',
    );
  });

  it('coordinates mixing degrees and metres → 400 naming crs', async () => {
    await refusedWithNothingSaved(
      post('dry_run=true', { type: 'FeatureCollection', features: [polygon(LONLAT_POLYGON), polygon(UTM_SQUARE)] }),
      400,
      'crs',
    );
  });

  it('an unsupported declared CRS → 400 naming crs', async () => {
    await refusedWithNothingSaved(
      post('dry_run=false', {
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } },
        features: [polygon(LONLAT_POLYGON)],
      }),
      400,
      'crs',
    );
  });

  it('a proposed use that is no Plandata code, or an unknown action → 400 naming the property', async () => {
    await refusedWithNothingSaved(
      post('dry_run=false', { type: 'FeatureCollection', features: [polygon(LONLAT_POLYGON, { anvgen: 'erhverv' })] }),
      400,
      'features[0].properties.proposed_use',
    );
    await refusedWithNothingSaved(
      post('dry_run=true', {
        type: 'FeatureCollection',
        features: [polygon(LONLAT_POLYGON), polygon(LONLAT_POLYGON, { action_number: '99.9' })],
      }),
      400,
      'features[1].properties.action_number',
    );
  });

  it('dry_run is required, and proposed_use must be a Plandata code → 400 naming them', async () => {
    await refusedWithNothingSaved(
      post('', { type: 'FeatureCollection', features: [polygon(LONLAT_POLYGON)] }),
      400,
      'dry_run',
    );
    await refusedWithNothingSaved(
      post('dry_run=false&proposed_use=erhverv', { type: 'FeatureCollection', features: [polygon(LONLAT_POLYGON)] }),
      400,
      'proposed_use',
    );
  });

  it('needs a planner (401 without a session) and the CSRF token (403 without it)', async () => {
    const file = { type: 'FeatureCollection', features: [polygon(LONLAT_POLYGON)] };
    await refusedWithNothingSaved(post('dry_run=false', file, 'application/geo+json', null), 401);
    const before = await counts();
    const res = await app.inject({
      method: 'POST',
      url: '/api/sketches/import?dry_run=false',
      headers: { cookie: planner.cookie, 'content-type': 'application/geo+json' },
      payload: JSON.stringify(file),
    });
    expectProblem(res, 403, 'x-csrf-token');
    expect(await counts()).toEqual(before);
  });
});
