/**
 * OpenStreetMap ways → roads (by class, with name and ref), railways, waterways, water, land use and buildings.
 * Imported by importOsm (set-based, through its own scratch tables), not feature by feature as the other kinds.
 */
export const osmKind = {
  id: 'osm',
  publisher: 'OpenStreetMap contributors',
  licence: '© OpenStreetMap contributors, ODbL 1.0 (https://www.openstreetmap.org/copyright)',
} as const;
