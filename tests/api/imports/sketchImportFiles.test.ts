import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { SketchFeature } from '@shared/schemas/sketch';
import { expectProblem } from '../expectProblem';
import { ESRI_UTM32_PRJ, ESRI_UTM33_PRJ, polygonShapefile, zipOf } from '../shapefileZip';
import {
  counts,
  ctx,
  LONLAT_POLYGON,
  polygon,
  post,
  preview,
  refusedWithNothingSaved,
  useImportApp,
  UTM_SQUARE,
  UTM_SQUARE_2,
} from './importFixtures';

// Imports of zipped Shapefiles, and bad files that save nothing (issue #6).
useImportApp('10.66.1.2');

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
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/sketches/import?dry_run=false',
      headers: { cookie: ctx.planner.cookie, 'content-type': 'application/geo+json' },
      payload: JSON.stringify(file),
    });
    expectProblem(res, 403, 'x-csrf-token');
    expect(await counts()).toEqual(before);
  });
});
