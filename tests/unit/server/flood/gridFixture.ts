import type { ElevationGrid } from '../../../../server/src/modules/flood/elevationGrid';

/** North-west corner of every fixture grid, EPSG:25832 metres. */
export const FIXTURE_ORIGIN = { originX: 700_000, originY: 6_150_000 } as const;

/** A frozen grid from rows of heights (row 0 = north), 10 m cells by default; NaN stands for no data. */
export function gridFromRows(rows: readonly (readonly number[])[], cellSize = 10): ElevationGrid {
  return Object.freeze({
    width: rows[0]!.length,
    height: rows.length,
    ...FIXTURE_ORIGIN,
    cellSize,
    values: Float32Array.from(rows.flat()),
    source: 'test fixture',
    accuracy: 'illustrative' as const,
  });
}

/** The mask as rows of 0/1, for readable assertions. */
export function maskRows(mask: Uint8Array, width: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < mask.length; i += width) rows.push(Array.from(mask.subarray(i, i + width)));
  return rows;
}
