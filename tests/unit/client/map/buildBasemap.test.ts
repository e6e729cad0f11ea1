import { validateStyleMin, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import type { RasterBasemap, StyleBasemap } from '@shared/schemas/mapConfig';
import { buildBaseStyle } from '../../../../client/src/map/buildBaseStyle';
import {
  attributionHtml,
  buildRasterBasemap,
  buildStyleBasemap,
  type BasemapParts,
} from '../../../../client/src/map/buildBasemap';
import { BASEMAP_ID_PREFIX, BASEMAP_LAYER_ID, BASEMAP_SOURCE_ID } from '../../../../client/src/map/ids';
import { deepFreeze } from '../fixtures';

const OSM: RasterBasemap = deepFreeze({
  kind: 'raster',
  tiles: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  tileSize: 256,
  maxZoom: 19,
  attribution: '© OpenStreetMap contributors',
});

const STYLE_URL = 'https://maps.example.dk/styles/basis/style.json?key=k';
const STYLE_BASEMAP: StyleBasemap = deepFreeze({ kind: 'style', url: STYLE_URL, attribution: null });

/** A small style of the kind OpenMapTiles-based services publish: vector tiles, a raster, labels and a pattern. */
const STYLE = deepFreeze({
  version: 8,
  glyphs: 'https://maps.example.dk/fonts/{fontstack}/{range}.pbf',
  sprite: 'https://maps.example.dk/sprites/basis',
  sources: {
    openmaptiles: { type: 'vector', url: '../../data/v3.json', attribution: '<a href="https://x.dk">&copy; X</a>' },
    relief: { type: 'raster', tiles: ['/relief/{z}/{x}/{y}.png'], tileSize: 256 },
    legacy: { type: 'vector', url: 'mapbox://mapbox.streets' },
  },
  layers: [
    { id: 'background', type: 'background', paint: { 'background-color': '#f8f4f0' } },
    { id: 'relief', type: 'raster', source: 'relief' },
    {
      id: 'landuse',
      type: 'fill',
      source: 'openmaptiles',
      'source-layer': 'landuse',
      paint: { 'fill-color': '#eee', 'fill-pattern': 'wetland' },
    },
    { id: 'streets', type: 'line', source: 'legacy', 'source-layer': 'road' },
    {
      id: 'place-labels',
      type: 'symbol',
      source: 'openmaptiles',
      'source-layer': 'place',
      layout: { 'text-field': '{name}', 'text-font': ['Noto Sans Regular'] },
    },
  ],
});

/** The base style with the basemap's parts right above its background, as BasemapAttachment puts them. */
const withBase = ({ sources, layers }: BasemapParts): StyleSpecification => {
  const base = buildBaseStyle({ origin: 'http://127.0.0.1:3000' });
  return { ...base, sources: { ...base.sources, ...sources }, layers: [...base.layers, ...layers] };
};

describe('buildRasterBasemap (issue #16)', () => {
  it('is one raster source and one raster layer, a valid style on top of the base style', () => {
    const parts = buildRasterBasemap(OSM);
    expect(parts.sources).toEqual({
      [BASEMAP_SOURCE_ID]: {
        type: 'raster',
        tiles: [OSM.tiles],
        tileSize: 256,
        maxzoom: 19,
        attribution: '© OpenStreetMap contributors',
      },
    });
    expect(parts.layers).toEqual([{ id: BASEMAP_LAYER_ID, type: 'raster', source: BASEMAP_SOURCE_ID }]);
    expect(validateStyleMin(withBase(parts))).toEqual([]);
  });

  it('takes the tile size and deepest zoom, and has no attribution when none is configured', () => {
    const parts = buildRasterBasemap({ ...OSM, tileSize: 512, maxZoom: 12, attribution: null });
    expect(parts.sources[BASEMAP_SOURCE_ID]).toEqual({
      type: 'raster',
      tiles: [OSM.tiles],
      tileSize: 512,
      maxzoom: 12,
    });
  });

  it('escapes the configured attribution, which is plain text', () => {
    const parts = buildRasterBasemap({ ...OSM, attribution: '<img src=x onerror=alert(1)> & "Co"' });
    expect(parts.sources[BASEMAP_SOURCE_ID]).toMatchObject({
      attribution: '&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Co&quot;',
    });
  });
});

describe('buildStyleBasemap (issue #16)', () => {
  const parts = buildStyleBasemap({ basemap: STYLE_BASEMAP, style: STYLE });

  it('prefixes every source and layer id, so none meets the offline map’s', () => {
    expect(Object.keys(parts.sources)).toEqual([`${BASEMAP_ID_PREFIX}openmaptiles`, `${BASEMAP_ID_PREFIX}relief`]);
    expect(parts.layers.map((layer) => layer.id)).toEqual([
      `${BASEMAP_ID_PREFIX}background`,
      `${BASEMAP_ID_PREFIX}relief`,
      `${BASEMAP_ID_PREFIX}landuse`,
    ]);
    expect(parts.layers[2]).toMatchObject({ source: `${BASEMAP_ID_PREFIX}openmaptiles`, 'source-layer': 'landuse' });
  });

  it('makes relative URLs absolute against the style’s and keeps tile templates intact', () => {
    expect(parts.sources[`${BASEMAP_ID_PREFIX}openmaptiles`]).toMatchObject({
      url: 'https://maps.example.dk/data/v3.json',
    });
    expect(parts.sources[`${BASEMAP_ID_PREFIX}relief`]).toMatchObject({
      tiles: ['https://maps.example.dk/relief/{z}/{x}/{y}.png'],
    });
  });

  it('leaves out labels, patterns and what MapLibre cannot fetch (mapbox://), with the layers that need it', () => {
    const text = JSON.stringify(parts);
    expect(text).not.toContain('symbol');
    expect(text).not.toContain('pattern');
    expect(text).not.toContain('mapbox:');
    expect(text).not.toContain('streets');
  });

  it('keeps the style’s credit line as text without markup, or takes the configured one', () => {
    expect(parts.sources[`${BASEMAP_ID_PREFIX}openmaptiles`]).toMatchObject({ attribution: '&copy; X' });
    const credited = buildStyleBasemap({ basemap: { ...STYLE_BASEMAP, attribution: '© Example <b>' }, style: STYLE });
    for (const source of Object.values(credited.sources)) {
      expect(source).toMatchObject({ attribution: '© Example &lt;b&gt;' });
    }
  });

  it('is a valid style on top of the base style, and never changes its input', () => {
    expect(validateStyleMin(withBase(parts))).toEqual([]);
    // STYLE is deep-frozen: a write to it would have thrown above.
    expect(STYLE.layers).toHaveLength(5);
  });

  it.each([
    ['not an object', 'nonsense'],
    ['version 7', { ...STYLE, version: 7 }],
    ['no layers', { version: 8, sources: {} }],
    ['no sources', { version: 8, layers: [] }],
  ])('refuses %s', (_name, style) => {
    expect(() => buildStyleBasemap({ basemap: STYLE_BASEMAP, style })).toThrow(/not a MapLibre style/);
  });
});

describe('attributionHtml', () => {
  it('escapes plain text whole', () => {
    expect(attributionHtml(`a<b>&'"`)).toBe('a&lt;b&gt;&amp;&#39;&quot;');
  });

  it('reduces a style’s HTML to its text, entities kept', () => {
    expect(
      attributionHtml('<a href="https://x.dk" onclick="x()">&copy; X</a> <script>y</script>', { fromStyle: true }),
    ).toBe('&copy; X y');
  });
});
