import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../client/src/api/ApiError';
import { importContentType } from '../../../../client/src/features/sketches/importContentType';
import { ProblemError } from '../../../../client/src/api/ProblemError';
import { sketchExportLinks } from '../../../../client/src/features/sketches/sketchExportLinks';
import type { ConstraintItemSummary } from '../../../../client/src/features/sketches/SketchTypes';
import { PLANDATA_GENERAL_USES } from '../../../../client/src/api/vocabulary';
import { groupConstraints } from '../../../../client/src/features/sketches/groupConstraints';
import { formatShare, sketchSizeText } from '../../../../client/src/features/sketches/sketchMeasureText';
import { da } from '@shared/i18n/da';
import { geometryBbox } from '../../../../client/src/features/sketches/geometryBbox';
import { sketchProblemOf } from '../../../../client/src/features/sketches/SketchProblem';
import { activeSketchEditor, NEW_SKETCH_ATTRIBUTES } from '../../../../client/src/features/sketches/activeSketchEditor';
import { deepFreeze } from '../fixtures';

const problem = (status: number, body: Record<string, unknown>) =>
  new ProblemError({ status, title: 'Problem', detail: 'detail', body, retryAfterSeconds: null });

describe('geometryBbox', () => {
  it('spans every ring of a multipolygon', () => {
    const geometry: Geometry = deepFreeze({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [12.1, 55.4],
            [12.2, 55.4],
            [12.2, 55.5],
            [12.1, 55.4],
          ],
        ],
        [
          [
            [12.3, 55.45],
            [12.35, 55.6],
            [12.3, 55.6],
            [12.3, 55.45],
          ],
        ],
      ],
    });
    expect(geometryBbox(geometry)).toEqual([12.1, 55.4, 12.35, 55.6]);
  });

  it('gives a point a bbox of no size and a line its extent', () => {
    expect(geometryBbox(deepFreeze({ type: 'Point', coordinates: [12.18, 55.46] }))).toEqual([
      12.18, 55.46, 12.18, 55.46,
    ]);
    expect(
      geometryBbox(
        deepFreeze({
          type: 'LineString',
          coordinates: [
            [12.2, 55.5],
            [12.1, 55.45],
          ],
        }),
      ),
    ).toEqual([12.1, 55.45, 12.2, 55.5]);
  });

  it('is null without positions', () => {
    expect(geometryBbox(deepFreeze({ type: 'MultiPoint', coordinates: [] }))).toBeNull();
  });
});

describe('sketchProblemOf', () => {
  it('reads a geometry fault with its location and repair', () => {
    const repaired = { type: 'MultiPolygon', coordinates: [] };
    expect(
      sketchProblemOf(
        problem(400, {
          geometry_fault: { reason: 'Self-intersection', location: [12.2, 55.5], repairable: true, repaired },
        }),
      ),
    ).toEqual({
      kind: 'fault',
      fault: { reason: 'Self-intersection', location: [12.2, 55.5], repairable: true, repaired },
    });
  });

  it('drops a malformed location and repair instead of trusting them', () => {
    expect(
      sketchProblemOf(problem(400, { geometry_fault: { reason: 'too few points', location: 'x', repaired: 3 } })),
    ).toEqual({
      kind: 'fault',
      fault: { reason: 'too few points', location: null, repairable: false, repaired: null },
    });
  });

  it('knows a stale version, a deleted sketch, fields at fault and a refused login', () => {
    expect(sketchProblemOf(problem(412, { current_version: 4 }))).toEqual({ kind: 'stale', currentVersion: 4 });
    expect(sketchProblemOf(problem(409, {}))).toEqual({ kind: 'deleted' });
    expect(sketchProblemOf(problem(400, { 'invalid-params': [{ name: 'body.title', reason: 'empty' }] }))).toEqual({
      kind: 'invalid',
      fields: [{ name: 'title', reason: 'empty' }],
    });
    expect(sketchProblemOf(new ApiError({ status: 401, title: 'Unauthorized' }))).toEqual({
      kind: 'denied',
      status: 401,
    });
  });

  it('keeps the server title and detail of anything else', () => {
    expect(sketchProblemOf(problem(500, {}))).toEqual({ kind: 'error', message: 'Problem: detail' });
  });
});

describe('groupConstraints', () => {
  const item = (kind: ConstraintItemSummary['kind'], ref: string, area: number): ConstraintItemSummary => ({
    kind,
    ref,
    name: ref,
    layer_id: null,
    accuracy: 'illustrative',
    overlap_area_m2: area,
    overlap_share: area / 10_000,
  });

  it('orders kinds water first and items largest first, with sums, leaving empty kinds out', () => {
    const items = deepFreeze([
      item('site', 'kn-1', 100),
      item('flood', 'flood-1.80-with_dike', 20),
      item('site', 'kn-2', 300),
      item('sketch', 'b', 5),
    ]);
    const groups = groupConstraints(items);
    expect(groups.map((g) => g.kind)).toEqual(['flood', 'site', 'sketch']);
    expect(groups[1]?.items.map((i) => i.ref)).toEqual(['kn-2', 'kn-1']);
    expect(groups[1]?.area_m2).toBe(400);
  });

  it('is empty for a report without overlaps', () => {
    expect(groupConstraints([])).toEqual([]);
  });
});

describe('sketch sizes and shares', () => {
  it('gives a polygon its area in ha and m², a line its length, a point nothing', () => {
    expect(sketchSizeText({ measure: { area_m2: 12_345, length_m: null }, lang: 'da' })).toBe('1,2 ha (12.345 m²)');
    expect(sketchSizeText({ measure: { area_m2: null, length_m: 850.4 }, lang: 'en' })).toBe('850 m');
    expect(sketchSizeText({ measure: { area_m2: null, length_m: null }, lang: 'da' })).toBeNull();
  });

  it('writes a share as a percentage in each language', () => {
    expect(formatShare({ share: 0.125, lang: 'da' })).toBe('12,5 %');
    expect(formatShare({ share: 1, lang: 'en' })).toBe('100%');
  });
});

describe('import and export', () => {
  it('sends .geojson, .json and .zip with their media types and nothing else', () => {
    expect(importContentType('Udvidelse.GeoJSON')).toBe('application/geo+json');
    expect(importContentType('a.json')).toBe('application/json');
    expect(importContentType('plan.zip')).toBe('application/zip');
    expect(importContentType('plan.shp')).toBeNull();
  });

  it('links the three exports of the contract, optionally for some sketches', () => {
    expect(sketchExportLinks().map((link) => [link.href, link.fileName])).toEqual([
      ['/api/sketches/export.geojson?crs=4326', 'koege-sketches-EPSG4326.geojson'],
      ['/api/sketches/export.geojson?crs=25832', 'koege-sketches-EPSG25832.geojson'],
      ['/api/sketches/export.gpkg', 'koege-sketches-EPSG25832.gpkg'],
    ]);
    expect(sketchExportLinks(['a', 'b']).map((link) => link.href)).toEqual([
      '/api/sketches/export.geojson?crs=4326&ids=a,b',
      '/api/sketches/export.geojson?crs=25832&ids=a,b',
      '/api/sketches/export.gpkg?ids=a,b',
    ]);
  });
});

describe('activeSketchEditor', () => {
  it('opens a new sketch’s form when the map has a draft or a draw tool on without one', () => {
    const point: Geometry = { type: 'Point', coordinates: [12.2, 55.5] };
    expect(activeSketchEditor({ sketchEditor: null, draftGeometry: null, drawMode: 'off' })).toBeNull();
    expect(activeSketchEditor({ sketchEditor: null, draftGeometry: null, drawMode: 'polygon' })?.id).toBeNull();
    expect(activeSketchEditor({ sketchEditor: null, draftGeometry: point, drawMode: 'off' })?.attributes).toEqual(
      NEW_SKETCH_ATTRIBUTES,
    );
    const editing = { id: 'x', version: 2, attributes: { ...NEW_SKETCH_ATTRIBUTES, title: 'A' } };
    expect(activeSketchEditor({ sketchEditor: editing, draftGeometry: null, drawMode: 'off' })).toBe(editing);
  });
});

describe('sketch UI strings', () => {
  it('label every Plandata use, change kind and constraint kind', () => {
    const keys = Object.keys(da);
    for (const use of PLANDATA_GENERAL_USES) expect(keys).toContain(`plandataUse.${use}`);
    for (const change of ['created', 'edited', 'restored', 'imported', 'repaired']) {
      expect(keys).toContain(`sketch.change.${change}`);
    }
    for (const kind of ['flood', 'dike_buffer', 'nature', 'site', 'sketch'])
      expect(keys).toContain(`sketch.kind.${kind}`);
  });
});
