import { describe, expect, it } from 'vitest';
import { buildLabelSpecs, labelLayerIds, LABEL_FONTS, MINOR_RANK } from '../../../../client/src/map/buildLabelSpecs';
import { attributionOf } from '../../../../client/src/map/buildSourceSpec';
import { makeLayer } from '../fixtures';

// Issue #16: the map names its places, roads and plots, from the app's own fonts.
describe('buildLabelSpecs', () => {
  it('makes no labels for a layer without style.label', () => {
    const layer = makeLayer({ id: 'rail', geometry_type: 'line' });
    expect(buildLabelSpecs({ layer, visible: true })).toEqual([]);
    expect(labelLayerIds(layer)).toEqual([]);
  });

  it('writes road numbers along a line, from the label attribute or else the name', () => {
    const layer = makeLayer({
      id: 'motorways',
      geometry_type: 'line',
      style: { line: '#d9622b', label: { min_zoom: 9, placement: 'line', font: 'medium', color: '#a8420f' } },
      min_zoom: 6,
    });
    const [spec, ...rest] = buildLabelSpecs({ layer, visible: true });
    expect(rest).toEqual([]);
    expect(spec?.minzoom).toBe(9);
    expect(spec?.layout?.['symbol-placement']).toBe('line');
    expect(spec?.layout?.['text-field']).toEqual(['coalesce', ['get', 'label'], ['get', 'name']]);
    expect(spec?.layout?.['text-font']).toEqual([LABEL_FONTS.medium]);
    expect(spec?.paint?.['text-color']).toBe('#a8420f');
    expect(spec?.['source-layer']).toBe('motorways');
  });

  it('puts a point’s name beside its circle, never below the layer’s own first zoom', () => {
    const layer = makeLayer({
      id: 'stations',
      geometry_type: 'point',
      style: { fill: '#c8102e', label: { min_zoom: 7 } },
      min_zoom: 9,
    });
    const [spec] = buildLabelSpecs({ layer, visible: false });
    expect(spec?.minzoom).toBe(9);
    expect(spec?.layout?.visibility).toBe('none');
    expect(spec?.layout?.['text-variable-anchor']).toEqual(['left', 'right', 'top', 'bottom']);
    expect(spec?.layout?.['text-font']).toEqual([LABEL_FONTS.regular]);
  });

  it('writes place names as text only, the minor ranks two zooms later', () => {
    const layer = makeLayer({
      id: 'place-names',
      geometry_type: 'point',
      theme: 'kontekst',
      style: { label: { min_zoom: 9, text_only: true, font: 'medium' } },
      min_zoom: 8,
    });
    const specs = buildLabelSpecs({ layer, visible: true });
    expect(specs.map((s) => s.id)).toEqual(labelLayerIds(layer));
    expect(specs.map((s) => s.minzoom)).toEqual([9, 11]);
    const rank = ['coalesce', ['get', 'rank'], 1];
    expect(specs.map((s) => s.filter)).toEqual([
      ['<', rank, MINOR_RANK],
      ['>=', rank, MINOR_RANK],
    ]);
    for (const spec of specs) {
      expect(spec.layout?.['symbol-sort-key']).toEqual(rank);
      expect(spec.layout?.['text-variable-anchor']).toBeUndefined();
    }
  });
});

describe('attributionOf', () => {
  it('names each data source once, or none', () => {
    const dagi = { attribution: 'DAGI' };
    expect(attributionOf([{ style: dagi }, { style: {} }, { style: dagi }, { style: { attribution: 'OSM' } }])).toBe(
      'DAGI · OSM',
    );
    expect(attributionOf([{ style: {} }])).toBeNull();
  });
});
