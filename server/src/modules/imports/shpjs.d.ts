// shpjs 6 ships no types (@types/shpjs describes version 3). These are the two parsers the import uses.
declare module 'shpjs' {
  /** Geometries of a .shp in file order (null for null shapes); reprojected to WGS 84 only when `prj` is given. */
  export function parseShp(
    shp: ArrayBuffer | ArrayBufferView,
    prj?: string | false,
  ): ({ type: string; coordinates: unknown } | null)[];
  /** Records of a .dbf; `cpg` is the code page (.cpg file's text), UTF-8 when absent. */
  export function parseDbf(dbf: ArrayBuffer | ArrayBufferView, cpg?: string): Record<string, unknown>[];
}
