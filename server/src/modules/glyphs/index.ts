// What other modules may use of glyphs (issue #17): everything else in this folder is its own.
export { glyphRoutes } from './glyphRoutes';
export { GLYPH_FONTS } from './glyphRange';
