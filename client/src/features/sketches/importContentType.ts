/** The file types the sketch import takes (issue #6), by extension, for the file input's `accept`. */
export const IMPORT_ACCEPT = '.geojson,.json,.zip';

/**
 * The media type to send a file to import with, from its name: a zipped Shapefile or GeoJSON. Null for any other
 * file, which is then not sent at all.
 */
export function importContentType(fileName: string): string | null {
  const name = fileName.toLowerCase();
  if (name.endsWith('.zip')) return 'application/zip';
  if (name.endsWith('.geojson')) return 'application/geo+json';
  if (name.endsWith('.json')) return 'application/json';
  return null;
}
