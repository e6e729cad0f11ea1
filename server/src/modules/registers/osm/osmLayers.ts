import type { RegisterLayer } from '../registerLayers';

const osmLayer = (
  l: Pick<RegisterLayer, 'id' | 'title_da' | 'title_en' | 'geometry_type' | 'style' | 'sort_order' | 'min_zoom'>,
): RegisterLayer => ({
  theme: 'kontekst',
  max_zoom: 22,
  tile_feature_cap: 20_000,
  source_table: 'osm',
  sitePrefix: `${l.id}-way`,
  ...l,
});

/**
 * The layers of an OpenStreetMap import: drawn under the business layers (sort order below 110, the seed's
 * motorways), land use and water lowest.
 */
export const OSM_LAYERS = {
  landuse: osmLayer({
    id: 'osm-landuse',
    title_da: 'Arealanvendelse (OpenStreetMap)',
    title_en: 'Land use (OpenStreetMap)',
    geometry_type: 'polygon',
    style: { fill: '#e4e9d8', line: '#c9d1b5' },
    sort_order: 21,
    min_zoom: 11,
  }),
  water: osmLayer({
    id: 'osm-water',
    title_da: 'Vand (OpenStreetMap)',
    title_en: 'Water (OpenStreetMap)',
    geometry_type: 'polygon',
    style: { fill: '#bcd8ea', line: '#8ab4d0', label: { min_zoom: 13, size: 10.5, color: '#3f7fa6', font: 'italic' } },
    sort_order: 22,
    min_zoom: 9,
  }),
  waterways: osmLayer({
    id: 'osm-waterways',
    title_da: 'Vandløb (OpenStreetMap)',
    title_en: 'Waterways (OpenStreetMap)',
    geometry_type: 'line',
    style: {
      line: '#7aa9c9',
      width: 1,
      label: { min_zoom: 14, placement: 'line', size: 10, color: '#3f7fa6', font: 'italic' },
    },
    sort_order: 23,
    min_zoom: 11,
  }),
  buildings: osmLayer({
    id: 'osm-buildings',
    title_da: 'Bygninger (OpenStreetMap)',
    title_en: 'Buildings (OpenStreetMap)',
    geometry_type: 'polygon',
    style: { fill: '#d6cfc4', line: '#b3a894' },
    sort_order: 24,
    min_zoom: 14,
  }),
  roads: osmLayer({
    id: 'osm-roads',
    title_da: 'Veje (OpenStreetMap)',
    title_en: 'Roads (OpenStreetMap)',
    geometry_type: 'line',
    style: { line: '#b8a98c', width: 1.5, label: { min_zoom: 13, placement: 'line', size: 10.5, color: '#5a5245' } },
    sort_order: 102,
    min_zoom: 10,
  }),
  railways: osmLayer({
    id: 'osm-railways',
    title_da: 'Jernbaner (OpenStreetMap)',
    title_en: 'Railways (OpenStreetMap)',
    geometry_type: 'line',
    style: { line: '#6d6d6d', width: 1.5, dash: [3, 2] },
    sort_order: 104,
    min_zoom: 9,
  }),
} as const satisfies Record<string, RegisterLayer>;
