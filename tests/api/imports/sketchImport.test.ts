import { describe, expect, it } from 'vitest';
import type { SketchFeature } from '@shared/schemas/sketch';
import {
  BOW_TIE,
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

useImportApp('10.66.1.1');

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
    const { rows } = await ctx.db.query<{ title: string; note: string }>(
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
    const { rows } = await ctx.db.query<{ x: number; y: number }>(
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
