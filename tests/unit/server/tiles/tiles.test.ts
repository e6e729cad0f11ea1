import { describe, expect, it } from 'vitest';
import { HttpProblem } from '../../../../server/src/platform/errors';
import { parseTileAddress, tileSpanMetres } from '../../../../server/src/modules/tiles/tileAddress';
import { featureCapAt, tileQueryValues } from '../../../../server/src/modules/tiles/tileQueries';

const nameOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as HttpProblem).invalidParams?.[0]?.name;
  }
  return undefined;
};

describe('parseTileAddress', () => {
  it('accepts the corners of every zoom', () => {
    for (let z = 0; z <= 22; z++) {
      const last = String(2 ** z - 1);
      expect(parseTileAddress({ z: String(z), x: last, y: '0' })).toEqual({ z, x: 2 ** z - 1, y: 0 });
    }
  });

  it.each([
    [{ z: '23', x: '0', y: '0' }, 'z'],
    [{ z: '3', x: '8', y: '0' }, 'x'],
    [{ z: '3', x: '0', y: '8' }, 'y'],
    [{ z: '3', x: '1.0', y: '0' }, 'x'],
    [{ z: '', x: '0', y: '0' }, 'z'],
    [{ z: '3', x: '0', y: '-0' }, 'y'],
  ])('rejects %o naming %s', (parts, name) => {
    expect(nameOf(() => parseTileAddress(parts))).toBe(name);
  });
});

describe('tile query parameters', () => {
  it('halves the feature cap for each zoom below 15 and never goes below one', () => {
    expect(featureCapAt(4000, 16)).toBe(4000);
    expect(featureCapAt(4000, 15)).toBe(4000);
    expect(featureCapAt(4000, 14)).toBe(2000);
    expect(featureCapAt(4000, 13)).toBe(1000);
    expect(featureCapAt(4000, 0)).toBe(1);
  });

  it('simplifies to one tile unit (1/4096 of the tile) in EPSG:3857 metres', () => {
    const values = tileQueryValues({ id: 'x', featureCap: 100 }, { z: 14, x: 1, y: 2 });
    expect(values.slice(0, 4)).toEqual(['x', 14, 1, 2]);
    expect(values[4]).toBeCloseTo(tileSpanMetres(14) / 4096, 9);
    expect(tileSpanMetres(0)).toBeCloseTo(40_075_016.69, 1);
  });
});
