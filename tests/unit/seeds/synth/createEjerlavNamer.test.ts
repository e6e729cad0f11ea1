import { describe, expect, it } from 'vitest';
import { createEjerlavNamer } from '../../../../seeds/synth/createEjerlavNamer';
import { ZEALAND_BOUNDS } from '../../../../seeds/synth/zealandOutline';

describe('createEjerlavNamer', () => {
  it('gives every 2 km cell of Zealand its own name', () => {
    const name = createEjerlavNamer({ seed: 1 });
    const names = new Set<string>();
    let cells = 0;
    for (let x = ZEALAND_BOUNDS.west + 1_000; x < ZEALAND_BOUNDS.east; x += 2_000) {
      for (let y = ZEALAND_BOUNDS.south + 1_000; y < ZEALAND_BOUNDS.north; y += 2_000) {
        names.add(name(x, y).name);
        cells++;
      }
    }
    expect(names.size).toBe(cells);
  });
});
