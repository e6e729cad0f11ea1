/**
 * The bad-input corpus of issue #8: requests a client may send that the server must refuse with a 4xx
 * problem+json naming what is wrong, changing nothing. `param` is the name the problem must give (in
 * `invalid-params`), where the fault is one parameter or field.
 */
export type Auth = 'none' | 'planner' | 'planner-without-csrf' | 'forged-session' | 'forged-csrf';

export interface BadInput {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** `{sketch}` is replaced by the id of a sketch that exists, `{version}` by its version. */
  url: string;
  auth?: Auth;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string or Buffer as it is (with `contentType`). */
  payload?: object | string | Buffer;
  contentType?: string;
  status: number;
  param?: string;
}

export const INJECTION = `'; DROP TABLE site; --`;
export const UTM32_URI = 'http://www.opengis.net/def/crs/EPSG/0/25832';
export const XSS = '<img src=x onerror=alert(1)>';
export const square = (lon: number, lat: number, d = 0.001) => [
  [lon, lat],
  [lon + d, lat],
  [lon + d, lat + d],
  [lon, lat + d],
  [lon, lat],
];
export const sketch = (geometry: unknown, extra: Record<string, unknown> = {}) => ({
  title: 'Korpus',
  proposed_use: '31',
  geometry,
  ...extra,
});
export const polygon = (ring: unknown) => ({ type: 'Polygon', coordinates: [ring] });
/**
 * A position inside `depth` more arrays, as JSON text: a JS value this deep could not even be stringified. Past
 * 32 levels the body is refused before it is parsed (issue #19), naming `body`.
 */
export const nestedCoordinates = (depth: number) => `${'['.repeat(depth)}[12.15,55.47]${']'.repeat(depth)}`;
/** Right-to-left override … pop: shows "Plan exe.txt" as "Plan txt.exe" (issue #19). */
export const BIDI_TEXT = 'Plan \u202Etxt.exe\u202C';
export const okPolygon = polygon(square(12.15, 55.47));
/** A ring of `n` positions around Køge: over the body limit long before n reaches 3 million. */
export const hugeRing = (n: number) => {
  const ring: number[][] = [];
  for (let i = 0; i < n; i++) {
    const a = (i / n) * 2 * Math.PI;
    ring.push([12.15 + 0.01 * Math.cos(a), 55.47 + 0.01 * Math.sin(a)]);
  }
  ring.push(ring[0]!);
  return ring;
};
