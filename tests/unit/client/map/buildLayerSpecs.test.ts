import { validateStyleMin, type LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import layersJson from '../../../../data/layers.json';
import type { Layer } from '@shared/schemas/layer';
import { buildBaseStyle } from '../../../../client/src/map/buildBaseStyle';
import { buildRasterBasemap } from '../../../../client/src/map/buildBasemap';
import { buildLabelSpecs, LABEL_FONTS } from '../../../../client/src/map/buildLabelSpecs';
import { orderForLabels } from '../../../../client/src/map/putApiLayers';
import { buildSourceSpec, buildSources } from '../../../../client/src/map/buildSourceSpec';
import {
  buildLayerSpecs,
  fillOpacity,
  ILLUSTRATIVE_DASH,
  isInteractiveLayer,
  orderForDrawing,
  styleLayerIds,
  UNMATCHED_FILL_OPACITY,
} from '../../../../client/src/map/buildLayerSpecs';
import {
  circleLayerId,
  fillLayerId,
  illustrativeLineLayerId,
  lineLayerId,
  layerSourceId,
  sourceId,
  tilesetSourceId,
  STATE_UNMATCHED,
} from '../../../../client/src/map/ids';
import {
  NO_TENDER_STATUS_COLOR,
  tenderColorExpression,
  TENDER_STATUS_COLORS,
} from '../../../../client/src/map/tenderColors';
import { TENDER_STATUSES } from '../../../../client/src/api/vocabulary';
import { COLLECTIONS, deepFreeze, makeLayer } from '../fixtures';

const byId = (specs: LayerSpecification[], id: string) => {
  const spec = specs.find((candidate) => candidate.id === id);
  if (!spec) throw new Error(`no spec ${id}`);
  return spec;
};

const filterOf = (spec: LayerSpecification) => ('filter' in spec ? spec.filter : undefined);
const sourceLayerOf = (spec: LayerSpecification) => ('source-layer' in spec ? spec['source-layer'] : undefined);

const ORIGIN = 'http://127.0.0.1:3100';

const IS_ILLUSTRATIVE = ['==', ['get', 'accuracy'], 'illustrative'];
const IS_NOT_ILLUSTRATIVE = ['!=', ['get', 'accuracy'], 'illustrative'];

const SITES_TILESET = { id: 'sites', version: '0123456789abcdef' };

/** The layers of data/layers.json as the API would list them: polygons and lines in the `sites` tileset. */
const SEED_LAYERS: readonly Layer[] = deepFreeze(
  layersJson.map((entry) =>
    makeLayer({
      tileset: entry.geometry_type === 'point' ? null : SITES_TILESET,
      id: entry.id,
      title: { da: entry.title_da, en: entry.title_en },
      theme: entry.theme as Layer['theme'],
      geometry_type: entry.geometry_type as Layer['geometry_type'],
      style: entry.style as Layer['style'],
      sort_order: entry.sort_order,
      min_zoom: entry.min_zoom,
      max_zoom: entry.max_zoom,
    }),
  ),
);

describe('buildLayerSpecs for a polygon layer', () => {
  const layer = makeLayer({ id: 'bellingeparken', style: { fill: '#e07a9a', line: '#a1385a' } });
  const specs = buildLayerSpecs({ layer, visible: true });

  it('makes a fill, an outline and an illustrative outline, bottom to top', () => {
    expect(specs.map((spec) => [spec.id, spec.type])).toEqual([
      [fillLayerId('bellingeparken'), 'fill'],
      [lineLayerId('bellingeparken'), 'line'],
      [illustrativeLineLayerId('bellingeparken'), 'line'],
    ]);
    expect(styleLayerIds(layer)).toEqual(specs.map((spec) => spec.id));
  });

  it('reads all of them from the layer’s source', () => {
    for (const spec of specs) expect('source' in spec && spec.source).toBe(sourceId('bellingeparken'));
  });

  it('reads the one source-layer of its vector tiles, named after the layer', () => {
    for (const spec of specs) expect(sourceLayerOf(spec)).toBe('bellingeparken');
  });

  it('in a tileset, reads the tileset’s source and the source-layer named after the layer', () => {
    const member = makeLayer({ id: 'bellingeparken', tileset: SITES_TILESET });
    for (const spec of buildLayerSpecs({ layer: member, visible: true })) {
      expect('source' in spec && spec.source).toBe(tilesetSourceId('sites'));
      expect(sourceLayerOf(spec)).toBe('bellingeparken');
    }
  });

  it('splits the outlines by accuracy and dashes the illustrative one', () => {
    const solid = byId(specs, lineLayerId('bellingeparken'));
    const dashed = byId(specs, illustrativeLineLayerId('bellingeparken'));
    expect(filterOf(solid)).toEqual(IS_NOT_ILLUSTRATIVE);
    expect(filterOf(dashed)).toEqual(IS_ILLUSTRATIVE);
    expect(dashed.type === 'line' && dashed.paint?.['line-dasharray']).toEqual(ILLUSTRATIVE_DASH);
    expect(solid.type === 'line' && solid.paint?.['line-dasharray']).toBeUndefined();
  });

  it('uses the layer’s fill colour', () => {
    const fill = byId(specs, fillLayerId('bellingeparken'));
    expect(fill.type === 'fill' && fill.paint?.['fill-color']).toBe('#e07a9a');
  });

  it('reacts to hover, selection and highlighting through feature-state', () => {
    const text = JSON.stringify(specs);
    for (const key of ['hover', 'selected', 'highlighted']) expect(text).toContain(`["feature-state","${key}"]`);
  });
});

describe('buildLayerSpecs for plots filled by tender status', () => {
  it('colours the fill with the tender-status match expression', () => {
    const layer = makeLayer({ id: 'koege-nord-plots', style: { fill: 'by-tender-status', line: '#1f3b57' } });
    const fill = byId(buildLayerSpecs({ layer, visible: true }), fillLayerId('koege-nord-plots'));
    expect(fill.type === 'fill' && fill.paint?.['fill-color']).toEqual(tenderColorExpression());
  });
});

describe('tenderColorExpression', () => {
  it('matches every tender status to its colour and falls back for none', () => {
    const expression = tenderColorExpression() as unknown[];
    expect(expression.slice(0, 2)).toEqual(['match', ['get', 'tender_status']]);
    const pairs = expression.slice(2, -1);
    expect(Object.fromEntries(TENDER_STATUSES.map((status, i) => [status, pairs[2 * i + 1]]))).toEqual(
      TENDER_STATUS_COLORS,
    );
    expect(pairs.filter((_, i) => i % 2 === 0)).toEqual([...TENDER_STATUSES]);
    expect(expression.at(-1)).toBe(NO_TENDER_STATUS_COLOR);
  });

  it('gives every status a distinct colour', () => {
    expect(new Set(Object.values(TENDER_STATUS_COLORS)).size).toBe(TENDER_STATUSES.length);
  });
});

describe('buildLayerSpecs for lines and points', () => {
  it('makes a solid and an illustrative line, keeping the layer’s own dash and width', () => {
    const layer = makeLayer({
      id: 'rail',
      theme: 'infrastruktur',
      geometry_type: 'line',
      style: { line: '#3a3a3a', width: 2.5, dash: [3, 2] },
    });
    const specs = buildLayerSpecs({ layer, visible: true });
    expect(specs.map((spec) => [spec.id, spec.type, filterOf(spec)])).toEqual([
      [lineLayerId('rail'), 'line', IS_NOT_ILLUSTRATIVE],
      [illustrativeLineLayerId('rail'), 'line', IS_ILLUSTRATIVE],
    ]);
    const solid = byId(specs, lineLayerId('rail'));
    expect(solid.type === 'line' && solid.paint?.['line-dasharray']).toEqual([3, 2]);
    expect(JSON.stringify(solid.type === 'line' && solid.paint?.['line-width'])).toMatch(/2\.5\]$/);
  });

  it('reads a line layer’s tiles from the source-layer named after it', () => {
    const layer = makeLayer({ id: 'koege-dige', theme: 'klima', geometry_type: 'line', style: { line: '#005f73' } });
    for (const spec of buildLayerSpecs({ layer, visible: true })) expect(sourceLayerOf(spec)).toBe('koege-dige');
  });

  it('reads a point layer from GeoJSON, which has no source-layer', () => {
    const layer = makeLayer({ id: 'stations', theme: 'infrastruktur', geometry_type: 'point' });
    expect(layer.delivery).toBe('geojson');
    for (const spec of buildLayerSpecs({ layer, visible: true })) expect(sourceLayerOf(spec)).toBeUndefined();
  });

  it('draws a point layer as one circle layer (no text: the style has no glyphs)', () => {
    const layer = makeLayer({
      id: 'stations',
      theme: 'infrastruktur',
      geometry_type: 'point',
      style: { fill: '#c8102e', line: '#ffffff' },
    });
    const specs = buildLayerSpecs({ layer, visible: true });
    expect(specs.map((spec) => [spec.id, spec.type])).toEqual([[circleLayerId('stations'), 'circle']]);
    const circle = byId(specs, circleLayerId('stations'));
    expect(circle.type === 'circle' && circle.paint?.['circle-color']).toBe('#c8102e');
  });
});

describe('visibility', () => {
  it('hides every style layer of a hidden layer', () => {
    const layer = makeLayer({ id: 'energy-zones', theme: 'energi' });
    for (const spec of buildLayerSpecs({ layer, visible: false })) expect(spec.layout?.visibility).toBe('none');
    for (const spec of buildLayerSpecs({ layer, visible: true })) expect(spec.layout?.visibility).toBe('visible');
  });

  it('lets the optional basemap show through the context fills', () => {
    const layer = makeLayer({ id: 'municipality', theme: 'kontekst' });
    const paintOf = (overBasemap: boolean) => {
      const fill = byId(buildLayerSpecs({ layer, visible: true, overBasemap }), fillLayerId('municipality'));
      return fill.type === 'fill' ? fill.paint?.['fill-opacity'] : undefined;
    };
    expect(paintOf(false)).toBe(1);
    expect(paintOf(true)).toBeLessThan(1);
  });
});

describe('zoom range', () => {
  it('draws a layer from its min_zoom to the end of its max_zoom (a style layer’s maxzoom is exclusive)', () => {
    const layer = makeLayer({ id: 'energy-zones', theme: 'energi', min_zoom: 8, max_zoom: 14 });
    for (const spec of buildLayerSpecs({ layer, visible: true })) {
      expect([spec.minzoom, spec.maxzoom]).toEqual([8, 15]);
    }
  });

  it('gives point layers the same range', () => {
    const layer = makeLayer({ id: 'stations', geometry_type: 'point', min_zoom: 9, max_zoom: 22 });
    for (const spec of buildLayerSpecs({ layer, visible: true })) expect([spec.minzoom, spec.maxzoom]).toEqual([9, 23]);
  });
});

describe('isInteractiveLayer', () => {
  it('excludes the context polygons and place names but keeps context points', () => {
    const style = {};
    const names = { label: { min_zoom: 9, text_only: true } };
    expect(isInteractiveLayer({ theme: 'kontekst', geometry_type: 'polygon', style })).toBe(false);
    expect(isInteractiveLayer({ theme: 'kontekst', geometry_type: 'point', style })).toBe(true);
    expect(isInteractiveLayer({ theme: 'kontekst', geometry_type: 'point', style: names })).toBe(false);
    expect(isInteractiveLayer({ theme: 'erhverv', geometry_type: 'polygon', style })).toBe(true);
    expect(isInteractiveLayer({ theme: 'klima', geometry_type: 'line', style })).toBe(true);
  });
});

describe('orderForDrawing', () => {
  it('draws polygons, then lines, then points, each by sort_order, without touching its input', () => {
    const ordered = orderForDrawing(SEED_LAYERS).map((layer) => layer.id);
    expect(ordered).toEqual([
      'municipality',
      'neighbours',
      'sea',
      'postal-districts',
      'natura2000',
      'protected-nature',
      'koege-nord-plots',
      'baekgaardsvej',
      'bellingeparken',
      'energy-zones',
      'motorways',
      'rail',
      'stevnsvejen',
      'koege-dige',
      'municipality-names',
      'place-names',
      'landmarks',
      'motorway-junctions',
      'stations',
    ]);
    expect(SEED_LAYERS[0]?.id).toBe('municipality');
  });

  it('draws imported context lines (OSM roads, waterways) as basemap, under the business polygons', () => {
    const ordered = orderForDrawing([
      { id: 'koege-nord-plots', theme: 'erhverv', geometry_type: 'polygon', sort_order: 210 },
      { id: 'motorways', theme: 'infrastruktur', geometry_type: 'line', sort_order: 110 },
      { id: 'osm-roads', theme: 'kontekst', geometry_type: 'line', sort_order: 102 },
      { id: 'osm-water', theme: 'kontekst', geometry_type: 'polygon', sort_order: 22 },
      { id: 'place-names', theme: 'kontekst', geometry_type: 'point', sort_order: 6 },
    ] as const).map((layer) => layer.id);
    expect(ordered).toEqual(['osm-water', 'osm-roads', 'koege-nord-plots', 'motorways', 'place-names']);
  });
});

describe('the whole style', () => {
  const styleWith = (basemapUrl: string | null) => {
    const base = buildBaseStyle({ origin: ORIGIN });
    const basemap =
      basemapUrl === null
        ? null
        : buildRasterBasemap({ kind: 'raster', tiles: basemapUrl, tileSize: 256, maxZoom: 19, attribution: null });
    const sources = { ...base.sources, ...basemap?.sources };
    const layers = [...base.layers, ...(basemap?.layers ?? [])];
    for (const [id, spec] of buildSources({ layers: SEED_LAYERS, origin: ORIGIN, collections: COLLECTIONS })) {
      sources[id] = spec;
    }
    for (const layer of orderForDrawing(SEED_LAYERS)) {
      layers.push(...buildLayerSpecs({ layer, visible: true, overBasemap: basemapUrl !== null }));
    }
    for (const layer of orderForLabels(orderForDrawing(SEED_LAYERS))) {
      layers.push(...buildLabelSpecs({ layer, visible: true }));
    }
    return { ...base, sources, layers };
  };

  it('is a valid MapLibre style for every seed layer', () => {
    expect(validateStyleMin(styleWith(null))).toEqual([]);
    expect(validateStyleMin(styleWith('https://tiles.example/{z}/{x}/{y}.png'))).toEqual([]);
  });

  it('has unique layer ids', () => {
    const ids = styleWith(null).layers.map((layer) => layer.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('draws polygons and lines from one tileset’s vector tiles and points from GeoJSON', () => {
    const { sources, layers } = styleWith(null);
    for (const layer of SEED_LAYERS) {
      expect(sources[layerSourceId(layer)]?.type).toBe(layer.geometry_type === 'point' ? 'geojson' : 'vector');
    }
    const vector = Object.entries(sources).filter(([, spec]) => spec.type === 'vector');
    expect(vector.map(([id]) => id)).toEqual([tilesetSourceId('sites')]);
    // Every source is used, and every style layer's source exists.
    const used = new Set(layers.flatMap((layer) => ('source' in layer ? [layer.source] : [])));
    expect(used).toEqual(new Set(Object.keys(sources)));
  });

  it('is offline unless a basemap is configured: glyphs, tiles and data from the page’s origin only', () => {
    const style = buildBaseStyle({ origin: ORIGIN });
    expect(style.glyphs).toBe(`${ORIGIN}/glyphs/{fontstack}/{range}.pbf`);
    expect(style.sprite).toBeUndefined();
    expect(style.sources).toEqual({});
    const urls = JSON.stringify(styleWith(null)).match(/https?:[^"]*/g) ?? [];
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toMatch(new RegExp(`^${ORIGIN}/(tiles|glyphs)/`));
  });

  it('writes names in the fonts the app serves, with halos, place names on top', () => {
    const symbols = styleWith(null).layers.filter((layer) => layer.type === 'symbol');
    expect(symbols.map((layer) => layer.id)).toEqual(
      expect.arrayContaining(['place-names-label', 'stations-label', 'motorways-label', 'koege-dige-label']),
    );
    for (const layer of symbols) {
      expect(Object.values(LABEL_FONTS)).toContain(layer.layout?.['text-font']?.toString());
      expect(layer.paint?.['text-halo-width']).toBeGreaterThan(0);
    }
    expect(symbols.at(-1)?.id).toBe('place-names-label-minor');
  });
});

describe('fillOpacity with the plot finder’s result', () => {
  const plots = makeLayer({ id: 'koege-nord-plots', style: { fill: 'by-tender-status', line: '#333' } });

  it('dims features in the unmatched state, after selection and hover, without naming any id', () => {
    const text = JSON.stringify(fillOpacity({ layer: plots }));
    expect(text).toContain(
      JSON.stringify([['boolean', ['feature-state', STATE_UNMATCHED], false], UNMATCHED_FILL_OPACITY]).slice(1, -1),
    );
    expect(text.indexOf('"hover"')).toBeLessThan(text.indexOf(`"${STATE_UNMATCHED}"`));
    // A constant expression: a finder result changes feature states, never the style (no tile re-layout).
    expect(text).not.toContain('"get","id"');
  });

  it('is a valid style expression', () => {
    const [fill, ...rest] = buildLayerSpecs({ layer: plots, visible: true });
    const style = buildBaseStyle({ origin: 'http://127.0.0.1' });
    style.sources[sourceId(plots.id)] = buildSourceSpec({ layer: plots, origin: 'http://127.0.0.1' });
    style.layers.push(fill as LayerSpecification, ...rest);
    expect(validateStyleMin(style)).toEqual([]);
  });
});
