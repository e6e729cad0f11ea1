import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const gz = (data: string | Buffer) => gzipSync(data, { level: 9 }).length;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** Decodes one source-map segment (base64 VLQ) into its numbers. */
function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`bad source-map character "${char}"`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/**
 * Splits generated code by the source each character maps to (source map v3): returns the text that
 * `isOwn(source)` rejects and the rest. Characters with no mapping (glue the bundler wrote) count as
 * the app's own.
 */
export function splitBySource(
  code: string,
  map: { sources: string[]; mappings: string },
  isOther: (source: string) => boolean,
) {
  const lines = code.split('\n');
  const mapLines = map.mappings.split(';');
  let source = 0;
  const own: string[] = [];
  const other: string[] = [];
  lines.forEach((line, i) => {
    const segments = (mapLines[i] ?? '').split(',').filter(Boolean);
    let column = 0;
    const cuts: { column: number; other: boolean }[] = [];
    for (const segment of segments) {
      const v = decodeSegment(segment);
      column += v[0]!;
      if (v.length >= 4) source += v[1]!;
      cuts.push({ column, other: v.length >= 4 && isOther(map.sources[source] ?? '') });
    }
    let at = 0;
    let otherNow = false;
    for (const cut of cuts) {
      (otherNow ? other : own).push(line.slice(at, cut.column));
      at = cut.column;
      otherNow = cut.other;
    }
    (otherNow ? other : own).push(line.slice(at), '\n');
  });
  return { own: own.join(''), other: other.join('') };
}

export interface BundleSize {
  /** Every .js/.mjs file of the build with its raw and gzipped (level 9) size in bytes; `initial` if the page loads it. */
  files: { file: string; bytes: number; gzip: number; initial: boolean }[];
  totalJsGzip: number;
  /**
   * Method 1: the JS the page loads before it can run (index.html's entry and its module preloads) that the
   * source maps attribute to anything but maplibre-gl, gzipped. This is the budget's figure.
   */
  appOwnGzip: number;
  /** The same for the chunks loaded on demand (the sketch tools, the sketch panel), gzipped together. */
  lazyOwnGzip: number;
  /** The maplibre-gl part of the app chunks (by source map) plus maplibre's worker file, gzipped. */
  maplibreGzip: number;
  /** Method 2: gzip of all JS minus gzip of maplibre-gl's own dist files (main thread + worker). */
  appOwnBySubtractionGzip: number;
  maplibreDistGzip: number;
  cssGzip: number;
}

const anyMap = (names: readonly string[]) => names.some((n) => n.endsWith('.js.map') || n.endsWith('.mjs.map'));

/**
 * The built client's JavaScript, gzipped, with maplibre-gl's share taken out in two ways: by the source
 * maps vite writes (each generated character belongs to a source file; maplibre-gl's are its dist files),
 * and, as a cross-check, by subtracting the gzipped size of maplibre-gl's own dist files.
 */
export function measureBundle({ distDir, maplibreDist }: { distDir: string; maplibreDist: string }): BundleSize {
  const assets = join(distDir, 'assets');
  const names = readdirSync(assets);
  const isMaplibre = (source: string) => /(^|\/)node_modules\/maplibre-gl\//.test(source);
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  // What index.html loads: its module script and the chunks vite preloads for it (the entry's static imports).
  const initialNames = new Set(
    [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\brel="modulepreload"[^>]*\bhref)="\/assets\/([^"]+)"/g)].map(
      (m) => m[1]!,
    ),
  );
  if (initialNames.size === 0) throw new Error('index.html names no script of /assets/: cannot tell the initial JS');
  const files: BundleSize['files'] = [];
  const own: string[] = [];
  const lazyOwn: string[] = [];
  const maplibre: string[] = [];
  for (const name of names.filter((n) => /\.m?js$/.test(n)).sort()) {
    const code = readFileSync(join(assets, name), 'utf8');
    const initial = initialNames.has(name);
    files.push({ file: name, bytes: Buffer.byteLength(code), gzip: gz(code), initial });
    if (/^maplibre-gl-worker/.test(name)) {
      maplibre.push(code);
      continue;
    }
    const mapFile = join(assets, `${name}.map`);
    if (!existsSync(mapFile)) {
      // The bundler's own runtime (rolldown-runtime-*.js: module helpers, no source file) comes without a map; any
      // chunk without one is counted as the app's, whole, which can only overstate the app's share.
      if (!anyMap(names)) throw new Error(`no source maps in ${assets}: build it with VITE_SOURCEMAP=true`);
      (initial ? own : lazyOwn).push(code);
      continue;
    }
    const parts = splitBySource(code, JSON.parse(readFileSync(mapFile, 'utf8')), isMaplibre);
    (initial ? own : lazyOwn).push(parts.own);
    maplibre.push(parts.other);
  }
  const totalJsGzip = files.reduce((s, f) => s + f.gzip, 0);
  const maplibreDistGzip = ['maplibre-gl.mjs', 'maplibre-gl-shared.mjs', 'maplibre-gl-worker.mjs']
    .filter((f) => existsSync(join(maplibreDist, f)))
    .reduce((s, f) => s + gz(readFileSync(join(maplibreDist, f))), 0);
  return {
    files,
    totalJsGzip,
    appOwnGzip: gz(own.join('')),
    lazyOwnGzip: lazyOwn.length > 0 ? gz(lazyOwn.join('')) : 0,
    maplibreGzip: gz(maplibre.join('')),
    appOwnBySubtractionGzip: totalJsGzip - maplibreDistGzip,
    maplibreDistGzip,
    cssGzip: names.filter((n) => n.endsWith('.css')).reduce((s, n) => s + gz(readFileSync(join(assets, n))), 0),
  };
}
