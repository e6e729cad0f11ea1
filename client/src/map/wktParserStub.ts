/**
 * Stands in for `wkt-parser` in the browser build (vite.config.ts aliases it): proj4's core imports it to read
 * WKT projection definitions, but the browser only ever defines EPSG:25832 from a proj string, so this keeps
 * about 5 KB (gzipped) out of the initial bundle (issue #3's budget).
 */
export default function wktParser(): never {
  throw new Error('WKT projection definitions are not supported in the browser build; use a proj string');
}
