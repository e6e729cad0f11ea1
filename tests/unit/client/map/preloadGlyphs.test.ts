import { describe, expect, it } from 'vitest';
import { glyphsUrl, LABEL_FONTS } from '../../../../client/src/map/buildLabelSpecs';
import { firstGlyphUrls, primeLabelFonts } from '../../../../client/src/map/preloadGlyphs';
import { readSeedData } from '../../../../server/src/platform/seed/readSeedData';

// Issue #16: the label fonts load beside the first API answers. A preload is only used when its URL is the one
// MapLibre requests: the style's template with the font stack put in as it is and the range of the glyph.
describe('firstGlyphUrls', () => {
  const origin = 'http://127.0.0.1:3000';
  const asMapLibreAsks = (font: string, range: string) =>
    new URL(glyphsUrl(origin).replace('{fontstack}', font).replace('{range}', range)).href;

  it('names the first range of every label font, at the URL MapLibre builds from the style', () => {
    const urls = firstGlyphUrls(origin);
    expect(urls).toHaveLength(Object.keys(LABEL_FONTS).length);
    expect(urls.map((url) => new URL(url).href)).toEqual(
      Object.values(LABEL_FONTS).map((font) => asMapLibreAsks(font, '0-255')),
    );
  });

  it('holds every letter of the names the seed writes on the map, so no second range is waited for', async () => {
    const data = await readSeedData();
    const written = [...data.layers]
      .filter((layer) => layer.style.label !== undefined)
      .flatMap((layer) => data.features.get(layer.id)?.features ?? [])
      // What the symbol layers write: the feature's label (a plot or road number), or else its name.
      .map((feature) => feature.properties.attributes?.label ?? feature.properties.name)
      .filter((text): text is string => typeof text === 'string');
    expect(written.length).toBeGreaterThan(50);
    const beyond = written.filter((text) => [...text].some((letter) => letter.codePointAt(0)! > 255));
    expect(beyond).toEqual([]);
  });
});

describe('primeLabelFonts', () => {
  it('asks MapLibre’s glyph manager for one character of each label font, which reads that font’s first range', () => {
    const asked: unknown[] = [];
    const map = {
      style: { glyphManager: { getGlyphs: (request: unknown) => (asked.push(request), Promise.resolve({})) } },
    };
    expect(primeLabelFonts(map)).toBe(true);
    expect(asked).toEqual([Object.fromEntries(Object.values(LABEL_FONTS).map((font) => [font, { default: ['a'] }]))]);
  });

  it('leaves a MapLibre without that manager alone, and a failed font to the tiles that need it', async () => {
    expect(primeLabelFonts({ style: {} })).toBe(false);
    expect(primeLabelFonts({})).toBe(false);
    const failing = { style: { glyphManager: { getGlyphs: () => Promise.reject(new Error('404')) } } };
    expect(primeLabelFonts(failing)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0)); // no unhandled rejection
  });
});
