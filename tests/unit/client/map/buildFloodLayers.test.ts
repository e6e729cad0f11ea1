import { describe, expect, it } from 'vitest';
import {
  buildFloodCompareLayerSpecs,
  buildFloodLayerSpecs,
  floodBeforeLayerId,
  floodSourceData,
} from '../../../../client/src/map/buildFloodLayers';
import {
  fillLayerId,
  FLOOD_COMPARE_FILL_LAYER_ID,
  FLOOD_COMPARE_LINE_LAYER_ID,
  FLOOD_COMPARE_SOURCE_ID,
  FLOOD_FILL_LAYER_ID,
  FLOOD_LINE_LAYER_ID,
  FLOOD_SOURCE_ID,
  lineLayerId,
} from '../../../../client/src/map/ids';
import { deepFreeze, floodExtent, makeLayer } from '../fixtures';

describe('flood layers', () => {
  it('go under the first layer in drawing order that is not context: over the sea, under the plots', () => {
    const layers = deepFreeze([
      makeLayer({ id: 'rail', theme: 'infrastruktur', geometry_type: 'line', sort_order: 120 }),
      makeLayer({ id: 'plots', theme: 'erhverv', sort_order: 210 }),
      makeLayer({ id: 'sea', theme: 'kontekst', sort_order: 20 }),
      makeLayer({ id: 'municipality', theme: 'kontekst', sort_order: 10 }),
    ]);
    expect(floodBeforeLayerId(layers)).toBe(fillLayerId('plots'));
    expect(floodBeforeLayerId(layers.filter((layer) => layer.id !== 'plots'))).toBe(lineLayerId('rail'));
    expect(floodBeforeLayerId(layers.filter((layer) => layer.theme === 'kontekst'))).toBeUndefined();
  });

  it('are a fill and an outline of the one flood source', () => {
    const specs = buildFloodLayerSpecs();
    expect(specs.map((spec) => [spec.id, spec.type])).toEqual([
      [FLOOD_FILL_LAYER_ID, 'fill'],
      [FLOOD_LINE_LAYER_ID, 'line'],
    ]);
    for (const spec of specs) expect(spec).toMatchObject({ source: FLOOD_SOURCE_ID });
  });

  it('of the comparison’s scenario B are a fill and a dashed outline of their own source', () => {
    const specs = buildFloodCompareLayerSpecs();
    expect(specs.map((spec) => [spec.id, spec.type])).toEqual([
      [FLOOD_COMPARE_FILL_LAYER_ID, 'fill'],
      [FLOOD_COMPARE_LINE_LAYER_ID, 'line'],
    ]);
    for (const spec of specs) expect(spec).toMatchObject({ source: FLOOD_COMPARE_SOURCE_ID });
    expect(specs[1]).toMatchObject({ paint: { 'line-dasharray': [2, 1.5] } });
  });

  it('hold the extent, or nothing once the filter is cleared', () => {
    const extent = floodExtent(1.8, 'without');
    expect(floodSourceData(extent).features).toEqual([extent]);
    expect(floodSourceData(null)).toEqual({ type: 'FeatureCollection', features: [] });
  });
});
