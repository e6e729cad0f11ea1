import { describe, expect, it } from 'vitest';
import { HttpProblem } from '../../../../server/src/platform/errors';
import {
  MAX_DENSIFIED_CORNERS,
  UTM32N_DOMAIN,
  densifySegment,
  parseOgcBbox,
  parseOgcCrs,
} from '../../../../server/src/modules/ogc/ogcParams';

const CRS84 = parseOgcCrs('bbox-crs', undefined);
const UTM32 = parseOgcCrs('bbox-crs', 'http://www.opengis.net/def/crs/EPSG/0/25832');

/** The corners of a box's ring after densifying it with `densifySegment`. */
const corners = (box: ReturnType<typeof parseOgcBbox>) => {
  const [minx, miny, maxx, maxy] = box.box;
  return (2 * (maxx - minx + (maxy - miny))) / densifySegment(box);
};

describe('parseOgcBbox in EPSG:25832 (issue #19)', () => {
  it('takes a box in Denmark, in metres', () => {
    expect(parseOgcBbox('690000,6140000,710000,6160000', UTM32).box).toEqual([690_000, 6_140_000, 710_000, 6_160_000]);
    const d = UTM32N_DOMAIN;
    expect(parseOgcBbox(`${d.minE},${d.minN},${d.maxE},${d.maxN}`, UTM32).box).toEqual([
      d.minE,
      d.minN,
      d.maxE,
      d.maxN,
    ]);
  });

  it.each([
    '0,0,1e8,1e8',
    '0,0,1e7,1e7',
    '690000,6140000,1e7,6160000',
    '-1e6,6140000,710000,6160000',
    '690000,0,710000,6160000',
    '690000,6140000,710000,9500000',
    '0,0,0,1e7,1e7,0',
  ])('refuses %s outside the zone’s domain, naming bbox', (text) => {
    try {
      parseOgcBbox(text, UTM32);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(HttpProblem);
      expect((err as HttpProblem).status).toBe(400);
      expect((err as HttpProblem).invalidParams?.[0]?.name).toBe('bbox');
    }
  });
});

describe('densifySegment (issue #19)', () => {
  it('keeps 100 m or 0.01° for a box the size of the municipality', () => {
    expect(densifySegment(parseOgcBbox('690000,6140000,710000,6160000', UTM32))).toBe(100);
    expect(densifySegment(parseOgcBbox('12.0,55.4,12.3,55.6', CRS84))).toBe(0.01);
  });

  it('gives the largest boxes at most MAX_DENSIFIED_CORNERS corners', () => {
    const d = UTM32N_DOMAIN;
    expect(corners(parseOgcBbox(`${d.minE},${d.minN},${d.maxE},${d.maxN}`, UTM32))).toBeLessThanOrEqual(
      MAX_DENSIFIED_CORNERS,
    );
    expect(corners(parseOgcBbox('-180,-90,180,90', CRS84))).toBeLessThanOrEqual(MAX_DENSIFIED_CORNERS);
  });
});
