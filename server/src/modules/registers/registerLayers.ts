/** A layer an import fills: a row of `layer`, made or updated by the import. */
export interface RegisterLayer {
  id: string;
  title_da: string;
  title_en: string;
  theme: 'kontekst' | 'erhverv';
  geometry_type: 'polygon' | 'line' | 'point';
  style: Record<string, unknown>;
  sort_order: number;
  min_zoom: number;
  max_zoom: number;
  tile_feature_cap: number;
  source_table: 'site' | 'parcel' | 'osm';
  /** Site ids are `${sitePrefix}-${the source's id}`, so a re-import finds its own features. */
  sitePrefix: string;
}

const layer = (l: Omit<RegisterLayer, 'tile_feature_cap' | 'source_table'> & Partial<RegisterLayer>) =>
  ({ tile_feature_cap: 20_000, source_table: 'site', ...l }) as RegisterLayer;

export const REGISTER_LAYERS = {
  kommuner: layer({
    id: 'dagi-kommuner',
    title_da: 'Kommuner (DAGI)',
    title_en: 'Municipalities (DAGI)',
    theme: 'kontekst',
    geometry_type: 'polygon',
    style: { line: '#6f6a5c', width: 1.5 },
    sort_order: 12,
    min_zoom: 0,
    max_zoom: 22,
    sitePrefix: 'dagi-kommune',
  }),
  postnumre: layer({
    id: 'dagi-postnumre',
    title_da: 'Postnumre (DAGI)',
    title_en: 'Postcodes (DAGI)',
    theme: 'kontekst',
    geometry_type: 'polygon',
    style: { line: '#8a7fa0', dash: [2, 2] },
    sort_order: 13,
    min_zoom: 8,
    max_zoom: 22,
    sitePrefix: 'dagi-postnr',
  }),
  lokalplaner: layer({
    id: 'plandata-lokalplaner',
    title_da: 'Lokalplaner (Plandata.dk)',
    title_en: 'Local plans (Plandata.dk)',
    theme: 'erhverv',
    geometry_type: 'polygon',
    style: { fill: '#e9c46a', line: '#a67c00' },
    sort_order: 60,
    min_zoom: 10,
    max_zoom: 22,
    sitePrefix: 'lokalplan',
  }),
  kommuneplanrammer: layer({
    id: 'plandata-kommuneplanrammer',
    title_da: 'Kommuneplanrammer (Plandata.dk)',
    title_en: 'Municipal plan frameworks (Plandata.dk)',
    theme: 'erhverv',
    geometry_type: 'polygon',
    style: { fill: '#f4a261', line: '#b5651d', dash: [3, 2] },
    sort_order: 55,
    min_zoom: 9,
    max_zoom: 22,
    sitePrefix: 'kpramme',
  }),
  jordstykker: layer({
    id: 'matrikel-jordstykker',
    title_da: 'Matrikler (Matriklen)',
    title_en: 'Cadastral parcels (Matriklen)',
    theme: 'kontekst',
    geometry_type: 'polygon',
    style: { fill: '#d9d3c7', line: '#7d705a' },
    sort_order: 16,
    min_zoom: 13,
    max_zoom: 22,
    tile_feature_cap: 4000,
    source_table: 'parcel',
    sitePrefix: 'matrikel',
  }),
} as const satisfies Record<string, RegisterLayer>;

/** The layers that plans live in: the site detail and the plot finder read them. */
export const PLAN_LAYER_IDS = [REGISTER_LAYERS.lokalplaner.id, REGISTER_LAYERS.kommuneplanrammer.id] as const;
