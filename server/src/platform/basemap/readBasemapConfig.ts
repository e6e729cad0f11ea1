import type { Basemap } from '@shared/schemas/mapConfig';

/** Zoom of the deepest tiles when BASEMAP_MAX_ZOOM is unset: OpenStreetMap's standard tiles end at 19. */
const DEFAULT_MAX_ZOOM = 19;
const MAX_ATTRIBUTION_LENGTH = 500;
const MAX_URL_LENGTH = 2000;

/** WMTS REST templates name the tile by matrix, row and column; MapLibre by z, y and x (Web Mercator only). */
const WMTS_NAMES: Readonly<Record<string, string>> = { tilematrix: '{z}', tilerow: '{y}', tilecol: '{x}' };
/** The placeholders MapLibre expands in a raster source's tile URL. */
const MAPLIBRE_PLACEHOLDERS = new Set(['z', 'x', 'y', 'quadkey', 'bbox-epsg-3857', 'ratio', 'prefix']);

/**
 * An http(s) URL in `name`, checked without ever echoing it: a basemap URL may carry the operator's token, and
 * the message goes to the start log.
 */
function httpUrl(name: string, raw: string): URL {
  if (raw.length > MAX_URL_LENGTH) throw new Error(`${name} is longer than ${MAX_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be an absolute http(s) URL (the value is not shown: it may hold a token)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`${name} must be an http(s) URL, not ${url.protocol}`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new Error(`${name} must not carry a user name or password; put a token in the query instead`);
  }
  if (url.hostname.includes('{') || url.hostname.includes('%7B')) {
    throw new Error(`${name} must name one host: MapLibre does not expand placeholders such as {s} in the host`);
  }
  return url;
}

/**
 * The raster tile template with WMTS's {TileMatrix}/{TileRow}/{TileCol} turned into MapLibre's {z}/{y}/{x}; it
 * must address a tile by {z}, {x} and {y}, by {quadkey}, or by {bbox-epsg-3857} (a WMS GetMap template).
 */
function tileTemplate(raw: string): string {
  const template = raw.replace(
    /\{(TileMatrix|TileRow|TileCol)\}/gi,
    (found, name: string) => WMTS_NAMES[name.toLowerCase()] ?? found,
  );
  const placeholders = [...template.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1] ?? '');
  const unknown = placeholders.find((name) => !MAPLIBRE_PLACEHOLDERS.has(name));
  if (unknown !== undefined) {
    throw new Error(
      `BASEMAP_URL has the placeholder {${unknown}}, which MapLibre does not expand; use {z}/{x}/{y}, {quadkey}, {bbox-epsg-3857} or WMTS's {TileMatrix}/{TileRow}/{TileCol}`,
    );
  }
  const has = new Set(placeholders);
  if (!(has.has('z') && has.has('x') && has.has('y')) && !has.has('quadkey') && !has.has('bbox-epsg-3857')) {
    throw new Error('BASEMAP_URL must be a tile template with {z}, {x} and {y} (or {quadkey} or {bbox-epsg-3857})');
  }
  httpUrl('BASEMAP_URL', template);
  return template;
}

function attributionOf(raw: string | undefined): string | null {
  const text = (raw ?? '').trim();
  if (text === '') return null;
  if (text.length > MAX_ATTRIBUTION_LENGTH) {
    throw new Error(`BASEMAP_ATTRIBUTION must be at most ${MAX_ATTRIBUTION_LENGTH} characters`);
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(text)) throw new Error('BASEMAP_ATTRIBUTION must be one line of plain text');
  return text;
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, allowed: (n: number) => boolean, what: string) {
  const raw = (env[name] ?? '').trim();
  if (raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || !allowed(n)) throw new Error(`${name} must be ${what}, got "${raw}"`);
  return n;
}

/**
 * The online basemap from the environment (issue #16): BASEMAP_URL, a raster tile template, or BASEMAP_STYLE_URL,
 * a MapLibre style JSON; BASEMAP_ATTRIBUTION, its credit line as plain text; BASEMAP_TILE_SIZE (256 or 512 px) and
 * BASEMAP_MAX_ZOOM (0–24) for the raster template. Nothing set: null, the fully offline default. A bad value throws
 * an Error naming the variable, so the server refuses to start.
 */
export function readBasemapConfig(env: NodeJS.ProcessEnv): Basemap | null {
  const tiles = (env.BASEMAP_URL ?? '').trim();
  const style = (env.BASEMAP_STYLE_URL ?? '').trim();
  const attribution = attributionOf(env.BASEMAP_ATTRIBUTION);
  const rasterOnly = ['BASEMAP_TILE_SIZE', 'BASEMAP_MAX_ZOOM'].filter((name) => (env[name] ?? '').trim() !== '');
  if (tiles !== '' && style !== '') throw new Error('Set BASEMAP_URL or BASEMAP_STYLE_URL, not both');
  if (style !== '') {
    if (rasterOnly.length > 0) throw new Error(`${rasterOnly[0]} applies to BASEMAP_URL only; a style sets its own`);
    httpUrl('BASEMAP_STYLE_URL', style);
    return { kind: 'style', url: style, attribution };
  }
  if (tiles === '') {
    const orphan = [...(attribution !== null ? ['BASEMAP_ATTRIBUTION'] : []), ...rasterOnly][0];
    if (orphan !== undefined) throw new Error(`${orphan} needs BASEMAP_URL or BASEMAP_STYLE_URL`);
    return null;
  }
  return {
    kind: 'raster',
    tiles: tileTemplate(tiles),
    tileSize: whole(env, 'BASEMAP_TILE_SIZE', 256, (n) => n === 256 || n === 512, '256 or 512') as 256 | 512,
    maxZoom: whole(env, 'BASEMAP_MAX_ZOOM', DEFAULT_MAX_ZOOM, (n) => n >= 0 && n <= 24, 'an integer from 0 to 24'),
    attribution,
  };
}

/** The one origin the browser fetches the basemap from, for the CSP; none for the offline default. */
export function basemapOrigins(basemap: Basemap | null): string[] {
  if (basemap === null) return [];
  return [new URL(basemap.kind === 'raster' ? basemap.tiles : basemap.url).origin];
}
