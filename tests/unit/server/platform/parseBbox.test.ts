import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseBbox } from '../../../../server/src/platform/http/parseBbox';
import { HttpProblem } from '../../../../server/src/platform/errors';

describe('parseBbox', () => {
  it('parses west,south,east,north in degrees', () => {
    expect(parseBbox('12.1,55.4,12.25,55.52')).toEqual([12.1, 55.4, 12.25, 55.52]);
    expect(parseBbox(' -1.5 , -2 , 3e0 , .5 ')).toEqual([-1.5, -2, 3, 0.5]);
  });

  it.each(['1,2,3', '1,2,3,4,5', 'a,b,c,d', '1,2,3,0x10', '0,0,0,0', '700000,6150000,701000,6151000', '1,,3,4'])(
    'rejects %s naming bbox',
    (text) => {
      try {
        parseBbox(text);
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(HttpProblem);
        expect((err as HttpProblem).invalidParams?.[0]?.name).toBe('bbox');
      }
    },
  );

  it('round-trips any valid box (seeded property test)', () => {
    const lon = fc.double({ min: -180, max: 180, noNaN: true });
    const lat = fc.double({ min: -90, max: 90, noNaN: true });
    fc.assert(
      fc.property(lon, lon, lat, lat, (a, b, c, d) => {
        fc.pre(a !== b && c !== d);
        // `+ 0` turns -0 into 0, as its text form does.
        const box = [Math.min(a, b), Math.min(c, d), Math.max(a, b), Math.max(c, d)].map((x) => x + 0);
        expect(parseBbox(box.join(','))).toEqual(box);
      }),
      { seed: 2024, numRuns: 300 },
    );
  });
});
