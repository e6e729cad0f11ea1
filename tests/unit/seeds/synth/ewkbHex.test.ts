import { describe, expect, it } from 'vitest';
import { ewkbHex } from '../../../../seeds/synth/ewkbHex';

describe('ewkbHex', () => {
  it('encodes a polygon as little-endian EWKB with SRID 25832', () => {
    const ring = Object.freeze([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ] as const);
    const hex = ewkbHex({ ring, srid: 25832 });
    // byte order 01, type 0x20000003, SRID 25832 = 0x64e8, 1 ring, 4 points, then x, y doubles.
    expect(hex.slice(0, 34)).toBe('0103000020e86400000100000004000000');
    expect(hex.slice(34, 66)).toBe('0'.repeat(32));
    expect(hex.slice(66, 82)).toBe('000000000000f03f'); // 1.0
    expect(hex).toHaveLength(2 * (17 + 4 * 16));
  });
});
