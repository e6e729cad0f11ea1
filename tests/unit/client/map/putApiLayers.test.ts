import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { putApiLayers } from '../../../../client/src/map/putApiLayers';
import { layerSourceId } from '../../../../client/src/map/ids';
import { collection, COLLECTIONS, LAYERS, makeLayer, pointFeature } from '../fixtures';

// putApiLayers against the part of MapLibre's Map it uses: a style's ordered layer ids (addLayer with `before`
// inserts under that id) and its sources, recording every setData.
class StyleStack {
  readonly ids: string[] = [];
  readonly sources = new Map<string, { spec: { type: string; data?: unknown }; setData: unknown[] }>();
  getLayer = (id: string) => (this.ids.includes(id) ? { id } : undefined);
  addLayer = (spec: { id: string }, before?: string) => {
    if (this.ids.includes(spec.id)) throw new Error(`layer ${spec.id} exists`);
    const at = before === undefined ? -1 : this.ids.indexOf(before);
    if (before !== undefined && at < 0) throw new Error(`no layer ${before}`);
    this.ids.splice(at < 0 ? this.ids.length : at, 0, spec.id);
  };
  getSource = (id: string) => {
    const source = this.sources.get(id);
    if (source === undefined) return undefined;
    return {
      serialize: () => source.spec,
      setData: (data: unknown) => {
        source.setData.push(data);
        source.spec = { ...source.spec, data };
      },
      setTiles: () => undefined,
    };
  };
  addSource = (id: string, spec: { type: string; data?: unknown }) => {
    if (this.sources.has(id)) throw new Error(`source ${id} exists`);
    this.sources.set(id, { spec, setData: [] });
  };
  asMap = () => this as unknown as MapLibreMap;
}

const PLACES = makeLayer({
  id: 'place-names',
  theme: 'kontekst',
  geometry_type: 'point',
  sort_order: 6,
  style: { fill: '#2b2b2b', label: { min_zoom: 9, font: 'medium', text_only: true } },
});
const NAMED = [
  ...LAYERS.map((layer) =>
    layer.id === 'stations' ? { ...layer, style: { ...layer.style, label: { min_zoom: 12 } } } : layer,
  ),
  makeLayer({ id: 'koege-dige-named', geometry_type: 'line', style: { line: '#005f73', label: { min_zoom: 12 } } }),
  PLACES,
];
const ALL = { ...COLLECTIONS, 'place-names': collection(pointFeature('koege', 'place-names', [12.18, 55.457])) };
const put = (map: StyleStack, collections: typeof ALL | Record<string, never>, before?: string) =>
  putApiLayers({ map: map.asMap(), layers: NAMED, collections, hiddenLayerIds: [], overBasemap: false, before });

beforeEach(() => vi.stubGlobal('window', { location: { origin: 'http://127.0.0.1:3000' } }));
afterEach(() => vi.unstubAllGlobals());

describe('putApiLayers', () => {
  it('adds a GeoJSON layer only once its features are in, in the order one call with everything gives', () => {
    const atOnce = new StyleStack();
    put(atOnce, ALL);

    const inTwoSteps = new StyleStack();
    put(inTwoSteps, {});
    // The tile layers are on; the point layers wait for their features, sources included.
    expect(inTwoSteps.sources.has(layerSourceId(NAMED.find((l) => l.id === 'koege-nord-plots')!))).toBe(true);
    expect(inTwoSteps.sources.has(layerSourceId(PLACES))).toBe(false);
    expect(inTwoSteps.ids.some((id) => id.includes('place-names'))).toBe(false);
    expect(inTwoSteps.ids.some((id) => id.includes('stations'))).toBe(false);
    put(inTwoSteps, ALL);

    expect(inTwoSteps.ids).toEqual(atOnce.ids);
    // Names on top, the place names topmost; the stations' circles under every name.
    expect(atOnce.ids.at(-1)).toMatch(/place-names/);
    const firstName = atOnce.ids.findIndex((id) => id.includes('label'));
    expect(firstName).toBeGreaterThan(0);
    expect(atOnce.ids.slice(firstName).every((id) => id.includes('label'))).toBe(true);
    // Filled once, with the features: never emptied first.
    expect(inTwoSteps.sources.get(layerSourceId(PLACES))?.spec.data).toBe(ALL['place-names']);
    expect(inTwoSteps.sources.get(layerSourceId(PLACES))?.setData).toEqual([]);
  });

  it('keeps everything under `before` (the sketch tool’s floor) when it comes later', () => {
    const map = new StyleStack();
    map.addLayer({ id: 'sketch-floor' });
    put(map, {}, 'sketch-floor');
    put(map, ALL, 'sketch-floor');
    expect(map.ids.at(-1)).toBe('sketch-floor');
    const reference = new StyleStack();
    put(reference, ALL);
    expect(map.ids.slice(0, -1)).toEqual(reference.ids);
  });

  it('gives a source new features only when they are other features', () => {
    const map = new StyleStack();
    put(map, ALL);
    put(map, ALL);
    expect(map.sources.get(layerSourceId(PLACES))?.setData).toEqual([]);
    const moved = { ...ALL, 'place-names': collection(pointFeature('koege', 'place-names', [12.2, 55.46])) };
    putApiLayers({ map: map.asMap(), layers: NAMED, collections: moved, hiddenLayerIds: [], overBasemap: false });
    expect(map.sources.get(layerSourceId(PLACES))?.setData).toEqual([moved['place-names']]);
  });
});
