/** The label fonts the app ships (data/glyphs, SIL OFL), by the names a style's `text-font` uses. */
export const GLYPH_FONTS = ['Noto Sans Regular', 'Noto Sans Medium', 'Noto Sans Italic'] as const;
export type GlyphFont = (typeof GLYPH_FONTS)[number];

/** Glyph PBFs cover 256 code points each: `0-255.pbf`, `256-511.pbf`, … up to U+FFFF. */
export type GlyphRange = { start: number; end: number };

/**
 * A glyph request's font stack and range, or what is wrong with them. MapLibre asks for the fonts of a
 * `text-font` list joined by commas; the first font the app has answers for the stack.
 */
export function parseGlyphRequest(
  fontstack: string,
  file: string,
): { font: GlyphFont; range: GlyphRange } | { field: 'fontstack' | 'range'; reason: string } {
  const match = /^(\d{1,5})-(\d{1,5})\.pbf$/.exec(file);
  const start = Number(match?.[1]);
  const end = Number(match?.[2]);
  if (!match || start % 256 !== 0 || end !== start + 255 || end > 0xffff) {
    return { field: 'range', reason: 'must be <start>-<start + 255>.pbf with start a multiple of 256, up to 65535' };
  }
  const font = fontstack
    .split(',')
    .map((name) => name.trim())
    .find((name): name is GlyphFont => (GLYPH_FONTS as readonly string[]).includes(name));
  if (font === undefined) return { field: 'fontstack', reason: `must name one of ${GLYPH_FONTS.join(', ')}` };
  return { font, range: { start, end } };
}
