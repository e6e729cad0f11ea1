import { describe, expect, it } from 'vitest';
import { parseGlyphRequest } from '../../../../server/src/modules/glyphs/glyphRange';

describe('parseGlyphRequest', () => {
  it('reads a font stack and a 256-code-point range', () => {
    expect(parseGlyphRequest('Noto Sans Medium', '0-255.pbf')).toEqual({
      font: 'Noto Sans Medium',
      range: { start: 0, end: 255 },
    });
    expect(parseGlyphRequest('Open Sans Bold,Noto Sans Italic', '8192-8447.pbf')).toEqual({
      font: 'Noto Sans Italic',
      range: { start: 8192, end: 8447 },
    });
  });

  it.each([['0-256.pbf'], ['1-256.pbf'], ['65536-65791.pbf'], ['0-255.png'], ['-255.pbf'], ['../0-255.pbf']])(
    'refuses the range %s',
    (file) => {
      expect(parseGlyphRequest('Noto Sans Regular', file)).toMatchObject({ field: 'range' });
    },
  );

  it('refuses a stack of fonts the app does not have', () => {
    expect(parseGlyphRequest('Arial Unicode MS Regular', '0-255.pbf')).toMatchObject({ field: 'fontstack' });
    expect(parseGlyphRequest('../../etc', '0-255.pbf')).toMatchObject({ field: 'fontstack' });
  });
});
