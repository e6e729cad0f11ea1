/** One export of the sketches: where to get it and the file name the server names it by. */
export interface SketchExportLink {
  format: 'geojson' | 'gpkg';
  /** EPSG code of the coordinates in the file. */
  crs: 4326 | 25832;
  href: string;
  fileName: string;
  /** The link's text; format names and EPSG codes read the same in Danish and English. */
  label: string;
}

/**
 * The sketch exports of the contract (issue #6): GeoJSON in EPSG:4326 and EPSG:25832, and a GeoPackage (25832).
 * `ids` limits them to those sketches; empty means every live sketch.
 */
export function sketchExportLinks(ids: readonly string[] = []): SketchExportLink[] {
  const only = ids.length > 0 ? `ids=${ids.map(encodeURIComponent).join(',')}` : '';
  return [
    {
      format: 'geojson',
      crs: 4326,
      href: `/api/sketches/export.geojson?crs=4326${only ? `&${only}` : ''}`,
      fileName: 'koege-sketches-EPSG4326.geojson',
      label: 'GeoJSON (EPSG:4326)',
    },
    {
      format: 'geojson',
      crs: 25832,
      href: `/api/sketches/export.geojson?crs=25832${only ? `&${only}` : ''}`,
      fileName: 'koege-sketches-EPSG25832.geojson',
      label: 'GeoJSON (EPSG:25832)',
    },
    {
      format: 'gpkg',
      crs: 25832,
      href: `/api/sketches/export.gpkg${only ? `?${only}` : ''}`,
      fileName: 'koege-sketches-EPSG25832.gpkg',
      label: 'GeoPackage (EPSG:25832)',
    },
  ];
}
