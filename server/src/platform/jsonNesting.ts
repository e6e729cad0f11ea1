/**
 * Deepest nesting of JSON bodies any route takes (issue #19): a GeoJSON FeatureCollection nests about 8 deep
 * (collection, features, feature, geometry, coordinates of a MultiPolygon). JSON.parse takes half a second of the
 * event loop for 2 MB of `[[[[…`, which an anonymous client could send to validation a hundred times a minute.
 */
export const MAX_JSON_NESTING = 32;

/**
 * Whether JSON text nests objects and arrays more than `max` deep, read in one pass over the characters (brackets
 * inside strings do not count). Meant to run before JSON.parse, which it does not replace: it checks no syntax.
 */
export function jsonNestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
