import type { Layer } from '../../../server/src/schemas/layer';
import type { Policy } from '../../../server/src/schemas/policy';
import type { Feature, FeatureCollection, FeatureProperties, SiteDetail } from '../../../server/src/schemas/site';

/** Deep-freezes a fixture so that a function mutating its input fails loudly. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export function makeLayer(overrides: Partial<Layer> & Pick<Layer, 'id'>): Layer {
  return deepFreeze({
    title: { da: `Lag ${overrides.id}`, en: `Layer ${overrides.id}` },
    theme: 'erhverv',
    geometry_type: 'polygon',
    style: { fill: '#9c7bb5', line: '#5c3d7a' },
    sort_order: 100,
    feature_count: 1,
    illustrative: false,
    bbox: [12, 55.4, 12.2, 55.5],
    ...overrides,
  });
}

function properties(id: string, layer: string, overrides: Partial<FeatureProperties> = {}): FeatureProperties {
  return {
    id,
    layer,
    name: `Område ${id}`,
    kind: 'plot',
    plan_use: 'production',
    area_m2: 10_000,
    length_m: null,
    accuracy: 'sourced',
    source: 'Test',
    tender_status: null,
    planned_year: null,
    actions: [],
    ...overrides,
  };
}

/** A square polygon feature with corners (w, s) and (e, n) in EPSG:4326 degrees. */
export function squareFeature(id: string, layer: string, [w, s, e, n]: [number, number, number, number]): Feature {
  return {
    type: 'Feature',
    id,
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [w, s],
          [e, s],
          [e, n],
          [w, n],
          [w, s],
        ],
      ],
    },
    properties: properties(id, layer),
  };
}

export function lineFeature(id: string, layer: string, coordinates: [number, number][]): Feature {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'LineString', coordinates },
    properties: properties(id, layer, { area_m2: null, length_m: 1000, plan_use: null }),
  };
}

export function collection(...features: Feature[]): FeatureCollection {
  return deepFreeze({ type: 'FeatureCollection', features });
}

export const LAYERS: readonly Layer[] = deepFreeze([
  makeLayer({ id: 'koege-nord-plots', style: { fill: 'by-tender-status', line: '#1f3b57' }, sort_order: 210 }),
  makeLayer({ id: 'energy-zones', theme: 'energi', sort_order: 310, illustrative: true }),
  makeLayer({
    id: 'koege-dige',
    theme: 'klima',
    geometry_type: 'line',
    style: { line: '#005f73', width: 5 },
    sort_order: 410,
  }),
]);

export const COLLECTIONS: Readonly<Record<string, FeatureCollection>> = deepFreeze({
  'koege-nord-plots': collection(
    squareFeature('kn-1', 'koege-nord-plots', [12.1, 55.48, 12.11, 55.49]),
    squareFeature('kn-2', 'koege-nord-plots', [12.12, 55.485, 12.13, 55.495]),
  ),
  'energy-zones': collection(squareFeature('ez-1', 'energy-zones', [11.95, 55.4, 12.0, 55.43])),
  'koege-dige': collection(
    lineFeature('dige-nord', 'koege-dige', [
      [12.18, 55.46],
      [12.19, 55.47],
    ]),
    lineFeature('dige-syd', 'koege-dige', [
      [12.185, 55.44],
      [12.2, 55.455],
    ]),
  ),
});

export const POLICY: Policy = deepFreeze({
  initiatives: [
    {
      number: 1,
      title: 'Produktion',
      goal: 'Mål 1',
      actions: [{ number: '1.4', text: 'Udbud af grunde', progress: 'in_progress', site_ids: ['kn-1', 'kn-2'] }],
    },
    {
      number: 3,
      title: 'Klima',
      goal: 'Mål 3',
      actions: [
        { number: '3.6', text: 'Køge Dige', progress: 'in_progress', site_ids: ['dige-nord', 'dige-syd'] },
        { number: '3.7', text: 'Uden områder', progress: 'not_started', site_ids: [] },
      ],
    },
  ],
});

export function siteDetail(id: string, overrides: Partial<SiteDetail> = {}): SiteDetail {
  return {
    id,
    layer: 'koege-nord-plots',
    name: `Område ${id}`,
    kind: 'plot',
    plan_use: 'production',
    max_height_m: 20,
    plot_ratio_pct: 60,
    building_rights: null,
    description: '',
    source: 'Test',
    accuracy: 'illustrative',
    attributes: {},
    area_m2: 123_456,
    length_m: null,
    geometry: { type: 'Point', coordinates: [12.1, 55.48] },
    bbox: [12.1, 55.48, 12.1, 55.48],
    actions: [],
    tender: null,
    ...overrides,
  };
}
