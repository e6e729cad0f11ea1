import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { SketchFeature, SketchOverlay } from '../../../../client/src/features/sketches/SketchTypes';
import { buildSketchLayers, CLICKABLE_SKETCH_LAYER_IDS } from '../../../../client/src/map/buildSketchLayers';
import { buildSketchOverlayData } from '../../../../client/src/map/buildSketchOverlayData';
import { SKETCH_FLOOR_LAYER_ID, SKETCH_OVERLAY_SOURCE_IDS, sketchLayerId } from '../../../../client/src/map/ids';
import { CONSTRAINT_COLORS, SKETCH_COLORS } from '../../../../client/src/map/sketchColors';
import { deepFreeze } from '../fixtures';

const square: Geometry = {
  type: 'Polygon',
  coordinates: [
    [
      [12.1, 55.4],
      [12.2, 55.4],
      [12.2, 55.5],
      [12.1, 55.4],
    ],
  ],
};

const sketch = (id: string): SketchFeature =>
  ({ type: 'Feature', id, geometry: square, properties: { id, title: id } }) as unknown as SketchFeature;

const NO_OVERLAY: SketchOverlay = {
  preview: null,
  fault: null,
  constraints: null,
  highlightedConstraintRef: null,
  comparison: null,
  imported: null,
};

describe('sketch overlay layers', () => {
  it('are a valid MapLibre style over their GeoJSON sources, the floor layer lowest', () => {
    const layers = buildSketchLayers();
    const sources = Object.fromEntries(
      SKETCH_OVERLAY_SOURCE_IDS.map((id) => [
        id,
        { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
      ]),
    );
    expect(validateStyleMin({ version: 8, sources, layers } as never)).toEqual([]);
    expect(layers[0]!.id).toBe(SKETCH_FLOOR_LAYER_ID);
    expect(new Set(layers.map((layer) => layer.id)).size).toBe(layers.length);
    for (const id of CLICKABLE_SKETCH_LAYER_IDS) expect(layers.map((layer) => layer.id)).toContain(id);
  });

  it('paint colours from the features and dash the sketches (illustrative) and the old version', () => {
    const byId = new Map(buildSketchLayers().map((layer) => [layer.id, layer]));
    expect(byId.get(sketchLayerId('sketches', 'fill'))).toMatchObject({ paint: { 'fill-color': ['get', 'color'] } });
    expect(byId.get(sketchLayerId('sketches', 'line'))).toMatchObject({ paint: { 'line-dasharray': [3, 1.5] } });
    expect(byId.get(sketchLayerId('sketch-preview', 'line'))).toHaveProperty('paint.line-dasharray');
    expect(byId.get(sketchLayerId('sketch-constraints', 'line'))).not.toHaveProperty('paint.line-dasharray');
  });
});

describe('sketch overlay data', () => {
  it('leaves the sketch being edited out and emphasises the selected one', () => {
    const data = buildSketchOverlayData(
      deepFreeze({
        sketches: [sketch('a'), sketch('b'), sketch('c')],
        draftSketchId: 'a',
        selectedSketchId: 'b',
        overlay: NO_OVERLAY,
        activeVertex: null,
        draftFixed: [],
      }),
    );
    expect(
      data.sketches.features.map((f) => [f.properties.sketchId, f.properties.emphasis, f.properties.color]),
    ).toEqual([
      ['b', 1, SKETCH_COLORS.selectedSketch],
      ['c', 0, SKETCH_COLORS.sketch],
    ]);
    for (const id of SKETCH_OVERLAY_SOURCE_IDS) if (id !== 'sketches') expect(data[id].features).toEqual([]);
  });

  it('draws the fault’s location and repair, constraints by kind with the highlighted one emphasised, and the comparison', () => {
    const overlay: SketchOverlay = {
      ...NO_OVERLAY,
      preview: sketch('old'),
      fault: { location: [12.15, 55.45], repaired: square },
      constraints: [
        { kind: 'flood', ref: 'flood-1.80-with_dike', geometry: square },
        { kind: 'nature', ref: 'n2000', geometry: square },
      ] as SketchOverlay['constraints'],
      highlightedConstraintRef: 'n2000',
      comparison: { only_a: square, only_b: null, intersection: square },
    };
    const data = buildSketchOverlayData(
      deepFreeze({
        sketches: [],
        draftSketchId: null,
        selectedSketchId: null,
        overlay,
        activeVertex: [12.1, 55.4],
        draftFixed: [
          {
            type: 'LineString',
            coordinates: [
              [12.1, 55.4],
              [12.2, 55.4],
            ],
          },
        ],
      }),
    );
    expect(data['sketch-preview'].features).toHaveLength(1);
    expect(data['sketch-fault'].features.map((f) => [f.geometry.type, f.properties.color])).toEqual([
      ['Polygon', SKETCH_COLORS.repaired],
      ['Point', SKETCH_COLORS.faultLocation],
    ]);
    expect(data['sketch-constraints'].features.map((f) => [f.properties.color, f.properties.emphasis])).toEqual([
      [CONSTRAINT_COLORS.flood, 0],
      [CONSTRAINT_COLORS.nature, 1],
    ]);
    expect(data['sketch-compare'].features.map((f) => f.properties.color)).toEqual([
      SKETCH_COLORS.onlyA,
      SKETCH_COLORS.intersection,
    ]);
    expect(data['sketch-vertex'].features[0]!.geometry).toEqual({ type: 'Point', coordinates: [12.1, 55.4] });
    expect(data['sketch-draft-fixed'].features.map((f) => [f.geometry.type, f.properties.color])).toEqual([
      ['LineString', SKETCH_COLORS.draftFixed],
    ]);
  });

  it('marks an import preview’s faulty features', () => {
    const imported = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: square, properties: { index: 0, title: 'ok', faulty: false } },
        { type: 'Feature', geometry: square, properties: { index: 1, title: 'bad', faulty: true } },
      ],
    } as SketchOverlay['imported'];
    const data = buildSketchOverlayData(
      deepFreeze({
        sketches: [],
        draftSketchId: null,
        selectedSketchId: null,
        overlay: { ...NO_OVERLAY, imported },
        activeVertex: null,
        draftFixed: [],
      }),
    );
    expect(data['sketch-import'].features.map((f) => f.properties.color)).toEqual([
      SKETCH_COLORS.imported,
      SKETCH_COLORS.importedFaulty,
    ]);
  });
});
