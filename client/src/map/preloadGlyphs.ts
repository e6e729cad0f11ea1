import { glyphsUrl, LABEL_FONTS } from './buildLabelSpecs';

/** The range every name on the map needs: Basic Latin and Latin-1, which hold æ, ø and å. */
const FIRST_RANGE = '0-255';

/** The glyph files MapLibre will ask for first, one per label font, at the URLs it builds from the style. */
export function firstGlyphUrls(origin: string): string[] {
  return Object.values(LABEL_FONTS).map((font) =>
    glyphsUrl(origin).replace('{fontstack}', encodeURIComponent(font)).replace('{range}', FIRST_RANGE),
  );
}

/**
 * Starts loading the label fonts while the script and the first API answers load, instead of after the first
 * tiles have been parsed and found to need them (issue #16: names must cost little on load). A `fetch` preload
 * with `crossorigin` is the request MapLibre makes (CORS mode, same-origin credentials), so it is used, not
 * repeated. Not called when names are switched off (`off=labels`): the files would go unused.
 */
export function preloadGlyphs(doc: Document, origin: string): void {
  for (const href of firstGlyphUrls(origin)) {
    if (doc.head.querySelector(`link[rel="preload"][href="${href}"]`) !== null) continue;
    const link = doc.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = href;
    doc.head.appendChild(link);
  }
}

/** What `primeLabelFonts` reaches into: MapLibre's (6.x) glyph manager, by font, variant and character. */
interface GlyphManagerLike {
  getGlyphs(glyphs: Record<string, Record<string, string[]>>): Promise<unknown>;
}

/**
 * Has MapLibre read the label fonts' first range as soon as its style is parsed, while the data loads, instead of
 * when the first tile with names asks for them. Reading a range takes MapLibre's main thread several turns (the
 * request, its answer, the parsing); on a slow machine each turn can wait for a frame being drawn, and a tile's
 * names wait for all of them (issue #16). One character per font makes MapLibre read the whole range, which the
 * preload above has already fetched. The glyph manager is not MapLibre's public API: `false` when it is not there
 * (the fonts then load when first needed, as before).
 */
export function primeLabelFonts(map: unknown): boolean {
  const manager = (map as { style?: { glyphManager?: Partial<GlyphManagerLike> } }).style?.glyphManager;
  if (typeof manager?.getGlyphs !== 'function') return false;
  const request = Object.fromEntries(Object.values(LABEL_FONTS).map((font) => [font, { default: ['a'] }]));
  // A font that fails here is asked for again by the tiles, and reported there.
  manager.getGlyphs(request).catch(() => undefined);
  return true;
}
