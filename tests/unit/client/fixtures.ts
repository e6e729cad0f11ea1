import type { FloodAffected } from '../../../client/src/features/climate/FloodAffected';
import type { FloodExtent } from '../../../client/src/features/climate/FloodExtent';
import type { DikeState } from '@shared/schemas/flood';
import type { Layer } from '@shared/schemas/layer';
import type { Plot } from '@shared/schemas/plot';
import type { Policy } from '@shared/schemas/policy';
import type { Feature, FeatureCollection, SiteDetail } from '@shared/schemas/site';

/** Deep-freezes a fixture so that a function mutating its input fails loudly. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** A layer as the API lists it; polygons and lines come as tiles, points as GeoJSON (like the server). */
export function makeLayer(overrides: Partial<Layer> & Pick<Layer, 'id'>): Layer {
  const geometryType = overrides.geometry_type ?? 'polygon';
  return deepFreeze({
    title: { da: `Lag ${overrides.id}`, en: `Layer ${overrides.id}` },
    theme: 'erhverv',
    geometry_type: geometryType,
    style: { fill: '#9c7bb5', line: '#5c3d7a' },
    sort_order: 100,
    min_zoom: 0,
    max_zoom: 22,
    delivery: geometryType === 'point' ? 'geojson' : 'tiles',
    version: 1,
    tileset: null,
    feature_count: 1,
    illustrative: false,
    source: null,
    bbox: [12, 55.4, 12.2, 55.5],
    ...overrides,
  });
}

/** A point feature at (lon, lat) in EPSG:4326 degrees, as GET /api/layers/:id/features serves it. */
export function pointFeature(id: string, layer: string, [lon, lat]: [number, number]): Feature {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [lon, lat] },
    properties: {
      id,
      layer,
      name: `Sted ${id}`,
      kind: 'station',
      plan_use: null,
      area_m2: null,
      length_m: null,
      accuracy: 'sourced',
      source: 'Test',
      tender_status: null,
      planned_year: null,
      actions: [],
    },
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
  makeLayer({
    id: 'stations',
    theme: 'infrastruktur',
    geometry_type: 'point',
    style: { fill: '#c8102e', line: '#ffffff' },
    sort_order: 140,
    min_zoom: 9,
  }),
]);

/** The GeoJSON the API serves, only for the layers delivered as GeoJSON (the points). */
export const COLLECTIONS: Readonly<Record<string, FeatureCollection>> = deepFreeze({
  stations: collection(
    pointFeature('koege-st', 'stations', [12.18, 55.457]),
    pointFeature('oelby-st', 'stations', [12.14, 55.47]),
  ),
});

export const POLICY: Policy = deepFreeze({
  initiatives: [
    {
      number: 1,
      title: 'Produktion',
      goal: 'Mål 1',
      actions: [
        {
          number: '1.4',
          text: 'Udbud af grunde',
          progress: 'in_progress',
          sites: [
            { id: 'kn-1', layer: 'koege-nord-plots' },
            { id: 'kn-2', layer: 'koege-nord-plots' },
          ],
          bbox: [12.1, 55.48, 12.13, 55.495],
        },
      ],
    },
    {
      number: 3,
      title: 'Klima',
      goal: 'Mål 3',
      actions: [
        {
          number: '3.6',
          text: 'Køge Dige',
          progress: 'in_progress',
          sites: [
            { id: 'dige-nord', layer: 'koege-dige' },
            { id: 'dige-syd', layer: 'koege-dige' },
          ],
          bbox: [12.18, 55.44, 12.2, 55.47],
        },
        {
          number: '3.8',
          text: 'Dige og stationer',
          progress: 'not_started',
          sites: [
            { id: 'dige-nord', layer: 'koege-dige' },
            { id: 'koege-st', layer: 'stations' },
          ],
          bbox: [12.18, 55.457, 12.19, 55.47],
        },
        { number: '3.7', text: 'Uden områder', progress: 'not_started', sites: [], bbox: null },
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
    plans: [],
    ...overrides,
  };
}

/** A plot as GET /api/plots lists it (areas in m², distances in metres). */
export function plot(id: string, overrides: Partial<Plot> = {}): Plot {
  return deepFreeze({
    id,
    layer: 'koege-nord-plots',
    name: `Grund ${id}`,
    area_m2: 25_000,
    plan_use: 'production',
    max_height_m: 15,
    plot_ratio_pct: 50,
    tender_status: 'open',
    planned_year: 2026,
    opens_on: '2026-03-01',
    closes_on: '2026-05-01',
    nearest_station: { id: 'station-koege-nord', name: 'Køge Nord Station', distance_m: 850 },
    nearest_junction: { id: 'tilslutning-koege-nord', name: 'Køge Nord', distance_m: 1_450 },
    accuracy: 'illustrative',
    source: 'Test',
    bbox: [12.16, 55.49, 12.17, 55.5],
    ...overrides,
  });
}

/** A small flood extent as GET /api/flood serves it (EPSG:4326, illustrative terrain). */
export function floodExtent(level: number, dike: DikeState): FloodExtent {
  return deepFreeze({
    type: 'Feature',
    id: `flood-${level}-${dike}`,
    geometry: {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [12.18, 55.45],
            [12.2, 55.45],
            [12.2, 55.46],
            [12.18, 55.45],
          ],
        ],
      ],
    },
    properties: {
      level_m: level,
      dike,
      model: 'test-model',
      source: 'Test terrain',
      accuracy: 'illustrative',
      flooded_area_m2: 8_800_000,
    },
  });
}

/** What GET /api/flood/affected lists for a level: one plot, one road and one station (a point: flooded). */
export function floodAffected(level: number, dike: DikeState): FloodAffected {
  return deepFreeze({
    level_m: level,
    dike,
    model: 'test-model',
    source: 'Test terrain',
    accuracy: 'illustrative',
    flooded_area_m2: 8_800_000,
    count: 3,
    sites: [
      {
        id: 'kn-1',
        name: 'Grund kn-1',
        layer: 'koege-nord-plots',
        kind: 'plot',
        tender_status: 'open',
        flooded_area_m2: 5_000,
        area_m2: 20_000,
        flooded_length_m: null,
        length_m: null,
        accuracy: 'illustrative',
      },
      {
        id: 'e20',
        name: 'E20',
        layer: 'motorways',
        kind: 'motorway',
        tender_status: null,
        flooded_area_m2: null,
        area_m2: null,
        flooded_length_m: 300,
        length_m: 1_200,
        accuracy: 'approximate',
      },
      {
        id: 'koege-st',
        name: 'Køge Station',
        layer: 'stations',
        kind: 'station',
        tender_status: null,
        flooded_area_m2: null,
        area_m2: null,
        flooded_length_m: null,
        length_m: null,
        accuracy: 'sourced',
      },
    ],
  });
}
