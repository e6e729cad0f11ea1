import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Barrier } from '../../../../server/src/modules/flood/barrier';
import { cellAt, type ElevationGrid } from '../../../../server/src/modules/flood/elevationGrid';
import { SHIPPED_ELEVATION_FILE } from '../../../../server/src/modules/flood/elevationSource';
import { floodMask } from '../../../../server/src/modules/flood/floodMask';
import { DIKE_CREST_LEVEL } from '@shared/flood/floodScenarios';
import { loadDikeBarriers } from '../../../../server/src/modules/flood/loadDikeBarriers';
import { readElevationGeoTiffFile } from '../../../../server/src/modules/flood/readElevationGeoTiff';
import { makeIllustrativeGrid } from '../../../../seeds/elevation/makeIllustrativeGrid';
import { projectSeaRings } from '../../../../seeds/elevation/projectSeaRings';

/** Named points, EPSG:25832 (facts: the sourced points; the others are places on the illustrative terrain). */
const KOEGE_TORV = [701_237, 6_150_220] as const;
const KOEGE_NORD_STATION = [700_439, 6_154_921] as const;
const BELLINGEPARKEN = [700_260, 6_152_605] as const;
/** On the low coastal strip behind the north section of the dike, south of Ølsemagle. */
const COASTAL_STRIP = [701_600, 6_153_000] as const;
/** Between the old town and the harbour, behind the south section of the dike. */
const HARBOUR_SIDE_TOWN = [701_650, 6_150_350] as const;

// Read once: the file is an input, the same for every case, and nothing here mutates it.
let grid: ElevationGrid;
let dike: Barrier[];
beforeAll(async () => {
  grid = await readElevationGeoTiffFile({ path: SHIPPED_ELEVATION_FILE });
  dike = await loadDikeBarriers();
});

const flooded = (mask: Uint8Array, [x, y]: readonly [number, number]): boolean =>
  mask[cellAt({ grid, x, y })!.index] === 1;
const cells = (mask: Uint8Array): number => mask.reduce((sum, v) => sum + v, 0);

describe('the shipped illustrative grid', () => {
  it('covers Køge at 25 m in EPSG:25832 and says it is illustrative', () => {
    expect(grid).toMatchObject({
      width: 360,
      height: 440,
      originX: 696_000,
      originY: 6_157_000,
      cellSize: 25,
      accuracy: 'illustrative',
    });
  });

  it('is what the generator makes', () => {
    const seaLayer = fileURLToPath(new URL('../../../../data/elevation/illustrative-sea.geojson', import.meta.url));
    const made = makeIllustrativeGrid({
      seaRings: projectSeaRings({ collection: JSON.parse(readFileSync(seaLayer, 'utf8')) }),
    });
    expect(made.width * made.height).toBe(grid.values.length);
    let worst = 0;
    for (let i = 0; i < made.values.length; i++) worst = Math.max(worst, Math.abs(made.values[i]! - grid.values[i]!));
    expect(worst).toBeLessThan(0.011);
  });

  it('keeps Køge Torv dry in the 2017 storm (1.57 m) behind the dike', () => {
    expect(flooded(floodMask({ grid, level: 1.57, barriers: dike }), KOEGE_TORV)).toBe(false);
  });

  it('at 1.8 m (October 2023) floods the coastal strip and the harbour side of town without the dike, not with it', () => {
    const without = floodMask({ grid, level: 1.8 });
    const withDike = floodMask({ grid, level: 1.8, barriers: dike });
    expect([flooded(without, COASTAL_STRIP), flooded(without, HARBOUR_SIDE_TOWN)]).toEqual([true, true]);
    expect([flooded(withDike, COASTAL_STRIP), flooded(withDike, HARBOUR_SIDE_TOWN)]).toEqual([false, false]);
    expect(cells(withDike)).toBeLessThan(0.5 * cells(without));
  });

  it('holds at its 2.8 m crest; Køge Nord Station and Bellingeparken stay dry even without it', () => {
    const withDike = floodMask({ grid, level: DIKE_CREST_LEVEL, barriers: dike });
    expect([flooded(withDike, KOEGE_TORV), flooded(withDike, COASTAL_STRIP)]).toEqual([false, false]);
    const without = floodMask({ grid, level: DIKE_CREST_LEVEL });
    expect([flooded(without, KOEGE_NORD_STATION), flooded(without, BELLINGEPARKEN)]).toEqual([false, false]);
    expect(flooded(without, KOEGE_TORV)).toBe(true);
  });

  it('is overtopped at 3.45 m (the 1000-year event of 2115)', () => {
    const withDike = floodMask({ grid, level: 3.45, barriers: dike });
    expect([flooded(withDike, KOEGE_TORV), flooded(withDike, COASTAL_STRIP)]).toEqual([true, true]);
    expect(cells(withDike)).toBe(cells(floodMask({ grid, level: 3.45 })));
    expect(flooded(withDike, KOEGE_NORD_STATION)).toBe(false);
  });
});
