import { describe, expect, it } from 'vitest';
import { matrikelnr } from '../../../../seeds/synth/matrikelnr';

describe('matrikelnr', () => {
  it('appends letters a–z, æ, ø, then two letters', () => {
    expect([0, 1, 26, 27, 28, 29, 31].map((i) => matrikelnr(5, i))).toEqual([
      '5',
      '5a',
      '5z',
      '5æ',
      '5ø',
      '5aa',
      '5ac',
    ]);
  });
});
