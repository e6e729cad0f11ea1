import { getManyValues, none } from 'stream-chain/core';
import { jsonParser, type Token } from 'stream-json/core/parser.js';
import Assembler from 'stream-json/core/assembler.js';
import { DENMARK_RANGE, parseCrsName } from './registerCrs';
import { RegisterImportError } from './RegisterImportError';
import type { RegisterSrid, SourceFeature, SourceSummary } from './SourceFeature';

/** The first [x, y] of a GeoJSON-like geometry, or undefined. */
function firstPosition(geometry: unknown): [unknown, unknown] | undefined {
  let c = (geometry as { coordinates?: unknown } | null)?.coordinates;
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  return Array.isArray(c) ? [c[0], c[1]] : undefined;
}

/** EPSG:25832 when a position is Danish metres, else lon/lat degrees (RFC 7946's only CRS). */
function undeclaredSrid(geometry: unknown): RegisterSrid {
  const p = firstPosition(geometry);
  const m = DENMARK_RANGE[25832];
  if (!p || typeof p[0] !== 'number' || typeof p[1] !== 'number') return 4326;
  return p[0] >= m.minX && p[0] <= m.maxX && p[1] >= m.minY && p[1] <= m.maxY ? 25832 : 4326;
}

/** Top-level members read whole; every other member is skipped token by token. */
const KEPT = new Set(['type', 'crs', 'links', 'numberMatched']);

interface Collected {
  type?: unknown;
  crs?: unknown;
  links?: unknown;
  numberMatched?: unknown;
}

const nextLink = (links: unknown): string | undefined => {
  if (!Array.isArray(links)) return undefined;
  const next = links.find((l) => l && typeof l === 'object' && (l as { rel?: unknown }).rel === 'next') as
    { href?: unknown } | undefined;
  return typeof next?.href === 'string' ? next.href : undefined;
};

/**
 * Streams the features of a GeoJSON FeatureCollection from text chunks, one at a time: only the feature being read
 * is held in memory. The text is fed to the tokenizer line by line, so a syntax error or a truncated file is named
 * by its line. A file's legacy `crs` member (GDAL, GeoServer, Plandata's WFS) sets the CRS of the features after
 * it. Before it, or with none, each feature's CRS is told from its numbers (Danish EPSG:25832 metres, else degrees);
 * GeoServer writes `crs` after the features, so a late `crs` that disagrees with what was assumed is refused then,
 * and the import, one transaction, is rolled back.
 */
export async function* readGeoJsonFeatures(
  chunks: AsyncIterable<string>,
  source: string,
): AsyncGenerator<SourceFeature, SourceSummary> {
  const parse = jsonParser({ streamValues: false });
  const top: Collected = {};
  let line = 1;
  let depth = 0;
  let key: string | null = null;
  /** What the value now being read is for. */
  let target: 'feature' | 'kept' | 'skip' | null = null;
  let valueDepth = 0;
  let asm: Assembler | null = null;
  let inFeatures = false;
  let sawFeatures = false;
  let n = 0;
  let srid: RegisterSrid = 4326;
  let crsName: string | null = null;
  let declared = false;
  const assumed = new Set<RegisterSrid>();
  const ready: SourceFeature[] = [];
  const fail = (reason: string): never => {
    throw new RegisterImportError(source, `line ${line}`, reason);
  };

  const finishFeature = (value: unknown) => {
    n++;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      fail(`feature ${n} is not an object`);
    }
    const f = value as { type?: unknown; id?: unknown; properties?: unknown; geometry?: unknown };
    if (f.type !== 'Feature') fail(`feature ${n} has type ${JSON.stringify(f.type) ?? 'none'}, not "Feature"`);
    const properties = f.properties ?? {};
    if (typeof properties !== 'object' || Array.isArray(properties)) fail(`feature ${n}: properties is not an object`);
    const fid = typeof f.id === 'string' || typeof f.id === 'number' ? String(f.id) : undefined;
    // A WFS names the feature type in the id: "theme_pdk_lokalplan_vedtaget_v.1234".
    const typeName = fid?.includes('.') ? fid.slice(0, fid.lastIndexOf('.')) : undefined;
    const featureSrid = declared ? srid : undeclaredSrid(f.geometry);
    if (!declared) assumed.add(featureSrid);
    ready.push({
      n,
      line,
      fid,
      typeName,
      properties: properties as Record<string, unknown>,
      geometry: f.geometry,
      srid: featureSrid,
      crsName,
    });
  };

  const finishKept = (name: string, value: unknown) => {
    top[name as keyof Collected] = value;
    if (name === 'type' && value !== 'FeatureCollection') {
      fail(`not a GeoJSON FeatureCollection (type ${JSON.stringify(value)?.slice(0, 40)})`);
    }
    if (name === 'crs') {
      const named = (value as { properties?: { name?: unknown } } | null)?.properties?.name;
      if (typeof named !== 'string') fail('crs must be {"type": "name", "properties": {"name": …}}');
      const parsed = parseCrsName(named as string);
      if (!parsed)
        fail(`CRS "${(named as string).slice(0, 80)}" is not supported: use EPSG:4326 (CRS84) or EPSG:25832`);
      srid = parsed!.srid;
      crsName = named as string;
      declared = true;
      const other = [...assumed].find((s) => s !== srid);
      if (other !== undefined) {
        fail(
          `the crs member after the features declares ${crsName}, but features before it hold EPSG:${other} numbers`,
        );
      }
    }
  };

  const onToken = (t: Token) => {
    const opens = t.name === 'startObject' || t.name === 'startArray';
    const closes = t.name === 'endObject' || t.name === 'endArray';
    if (depth === 0) {
      if (t.name !== 'startObject') fail('not a GeoJSON FeatureCollection (the file is not a JSON object)');
      depth = 1;
      return;
    }
    if (target !== null) {
      if (target !== 'skip') asm!.consume(t);
      if (opens) depth++;
      if (closes) depth--;
      if (depth === valueDepth) {
        if (target === 'feature') finishFeature(asm!.current);
        else if (target === 'kept') finishKept(key!, asm!.current);
        target = null;
        asm = null;
      }
      return;
    }
    if (depth === 1 && t.name === 'keyValue') {
      key = t.value;
      return;
    }
    if (depth === 1 && t.name === 'endObject') {
      depth = 0;
      return;
    }
    if (depth === 1 && key === 'features' && !inFeatures) {
      if (t.name !== 'startArray') fail('features is not an array');
      inFeatures = true;
      sawFeatures = true;
      depth = 2;
      return;
    }
    if (inFeatures && depth === 2 && t.name === 'endArray') {
      inFeatures = false;
      depth = 1;
      return;
    }
    // The start of a value: a feature, a member kept whole, or one to skip.
    target = inFeatures ? 'feature' : KEPT.has(key ?? '') ? 'kept' : 'skip';
    valueDepth = depth;
    if (target !== 'skip') asm = new Assembler();
    if (opens) {
      if (target !== 'skip') asm!.consume(t);
      depth++;
      return;
    }
    // A scalar: complete in one token.
    const scalar = 'value' in t ? (t.name === 'numberValue' ? Number(t.value) : t.value) : undefined;
    if (target === 'feature') finishFeature(scalar);
    else if (target === 'kept') finishKept(key!, scalar);
    target = null;
    asm = null;
  };

  const feed = (text: string | typeof none) => {
    let out;
    try {
      out = parse(text as string);
    } catch (err) {
      const why = err instanceof Error ? err.message.replace(/^Parser /, '') : String(err);
      if (text === none) {
        fail(
          inFeatures
            ? `the file ends inside feature ${n + 1}: it is truncated`
            : `the JSON ends too early (${why}): it is truncated`,
        );
      }
      fail(n === 0 && line === 1 ? `not JSON (${why})` : `not valid JSON (${why}), in or after feature ${n}`);
    }
    if (out !== none) for (const t of getManyValues(out as Parameters<typeof getManyValues<Token>>[0])) onToken(t);
  };

  for await (const chunk of chunks) {
    let start = 0;
    while (start < chunk.length) {
      const nl = chunk.indexOf('\n', start);
      const end = nl === -1 ? chunk.length : nl + 1;
      feed(start === 0 && end === chunk.length ? chunk : chunk.slice(start, end));
      if (nl !== -1) line++;
      start = end;
    }
    yield* ready.splice(0);
  }
  feed(none);
  if (depth !== 0)
    fail(inFeatures ? `the file ends inside feature ${n + 1}: it is truncated` : 'the JSON is truncated');
  if (!sawFeatures) fail('not a GeoJSON FeatureCollection (no features member)');
  yield* ready.splice(0);
  const matched = typeof top.numberMatched === 'number' ? top.numberMatched : undefined;
  const next = nextLink(top.links);
  return { features: n, ...(matched !== undefined ? { numberMatched: matched } : {}), ...(next ? { next } : {}) };
}
