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
