import type { LayerSpecification, SourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { RasterBasemap, StyleBasemap } from '@shared/schemas/mapConfig';
import { BASEMAP_ID_PREFIX, BASEMAP_LAYER_ID, BASEMAP_SOURCE_ID } from './ids';

/** The sources and style layers an online basemap adds to the map, bottom layer first (issue #16). */
export interface BasemapParts {
  sources: Record<string, SourceSpecification>;
  layers: LayerSpecification[];
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * An attribution as MapLibre's attribution control shows it, which is as HTML: the configured text is plain text,
 * so it is escaped whole; a style's own credit line keeps its text and entities (&copy;), never its markup.
 */
export function attributionHtml(text: string, { fromStyle = false }: { fromStyle?: boolean } = {}): string {
  if (!fromStyle) return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
  return text.replace(/<[^>]*>/g, '').replace(/[<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** A raster tile template as one raster source and one raster layer. */
export function buildRasterBasemap(basemap: RasterBasemap): BasemapParts {
  return {
    sources: {
      [BASEMAP_SOURCE_ID]: {
        type: 'raster',
        tiles: [basemap.tiles],
        tileSize: basemap.tileSize,
        maxzoom: basemap.maxZoom,
        ...(basemap.attribution !== null ? { attribution: attributionHtml(basemap.attribution) } : {}),
      },
    },
    layers: [{ id: BASEMAP_LAYER_ID, type: 'raster', source: BASEMAP_SOURCE_ID }],
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A source's URLs made absolute against the style's address; null for what MapLibre cannot fetch (mapbox://). */
function absoluteSource(spec: Record<string, unknown>, styleUrl: string): Record<string, unknown> | null {
  const resolve = (url: unknown) => (typeof url === 'string' ? new URL(url, styleUrl).href : null);
  const urls = [spec.url, ...(Array.isArray(spec.tiles) ? spec.tiles : [])].filter((u) => u !== undefined);
  if (urls.some((u) => typeof u !== 'string' || /^mapbox:/i.test(u))) return null;
  const out: Record<string, unknown> = { ...spec };
  if (spec.url !== undefined) out.url = resolve(spec.url);
  // Template braces must survive: resolve, then put back what URL parsing percent-encoded.
  if (Array.isArray(spec.tiles))
    out.tiles = spec.tiles.map((u) => resolve(u)?.replace(/%7B/g, '{').replace(/%7D/g, '}'));
  return out;
}

/** A layer without what needs the style's sprite (patterns); null for symbol layers, which need its glyphs too. */
function withoutSpriteNeeds(layer: Record<string, unknown>): Record<string, unknown> | null {
  if (layer.type === 'symbol') return null;
  if (!isRecord(layer.paint)) return { ...layer };
  const paint = Object.fromEntries(Object.entries(layer.paint).filter(([name]) => !name.endsWith('-pattern')));
  return { ...layer, paint };
}

/**
 * A MapLibre style (BASEMAP_STYLE_URL) as parts to put under the offline layers: every source and layer id gets
 * BASEMAP_ID_PREFIX, relative URLs are made absolute against `basemap.url`, and the configured attribution, when
 * there is one, replaces the sources' own. The style's labels (symbol layers) and patterns are left out: a map has
 * one glyph and sprite set, and the offline map's own labels are drawn above. Throws when `style` is no style.
 */
export function buildStyleBasemap({ basemap, style }: { basemap: StyleBasemap; style: unknown }): BasemapParts {
  if (!isRecord(style) || style.version !== 8 || !isRecord(style.sources) || !Array.isArray(style.layers)) {
    throw new Error('The basemap style is not a MapLibre style (version 8 with sources and layers)');
  }
  const sources: Record<string, SourceSpecification> = {};
  for (const [id, spec] of Object.entries(style.sources)) {
    if (!isRecord(spec) || typeof spec.type !== 'string') continue;
    const source = absoluteSource(spec, basemap.url);
    if (source === null) continue;
    if (basemap.attribution !== null) source.attribution = attributionHtml(basemap.attribution);
    else if (typeof source.attribution === 'string') {
      source.attribution = attributionHtml(source.attribution, { fromStyle: true });
    }
    sources[BASEMAP_ID_PREFIX + id] = source as unknown as SourceSpecification;
  }
  const layers: LayerSpecification[] = [];
  for (const raw of style.layers as unknown[]) {
    if (!isRecord(raw) || typeof raw.id !== 'string') continue;
    const layer = withoutSpriteNeeds(raw);
    if (layer === null) continue;
    if (typeof layer.source === 'string') {
      if (!(BASEMAP_ID_PREFIX + layer.source in sources)) continue;
      layer.source = BASEMAP_ID_PREFIX + layer.source;
    }
    layers.push({ ...layer, id: BASEMAP_ID_PREFIX + raw.id } as unknown as LayerSpecification);
  }
  return { sources, layers };
}
