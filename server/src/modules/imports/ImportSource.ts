/** The CRSs an import may be in (issue #6): GeoJSON's lon/lat, or the Danish UTM zone in metres. */
export type ImportCrs = 'EPSG:4326' | 'EPSG:25832';

/** How the CRS was known: the file said so (a `crs` member or a .prj), or the coordinates' range told. */
export type CrsReason = 'declared' | 'detected from coordinate range' | '.prj' | 'default';

/** One feature as read from the file: its geometry in the file's CRS, unchecked, and its attributes. */
export interface RawImportFeature {
  geometry: unknown;
  properties: Readonly<Record<string, unknown>>;
}

/** A file read, before its CRS is settled and its geometries are checked. */
export interface ImportSource {
  format: 'geojson' | 'shapefile';
  features: RawImportFeature[];
  /** The CRS the file declares, if it does. */
  declared: { crs: ImportCrs; reason: 'declared' | '.prj' } | null;
}
