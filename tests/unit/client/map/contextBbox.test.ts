import { describe, expect, it } from 'vitest';
import { contextBbox, NEARBY_FRAME_MAX_M, plotFrame, unionBbox } from '../../../../client/src/map/contextBbox';

const metresAcross = ([w, s, e, n]: number[]) => {
  const lat = (((s ?? 0) + (n ?? 0)) / 2) * (Math.PI / 180);
  return { x: ((e ?? 0) - (w ?? 0)) * 111_320 * Math.cos(lat), y: ((n ?? 0) - (s ?? 0)) * 111_320 };
};

describe('framing a site with its surroundings (issue #20)', () => {
  it('doubles a large site’s bbox about its centre', () => {
    const bbox = [12.1, 55.45, 12.14, 55.47] as const;
    const wide = contextBbox([...bbox]);
    expect((wide[0] + wide[2]) / 2).toBeCloseTo((bbox[0] + bbox[2]) / 2, 10);
    expect((wide[1] + wide[3]) / 2).toBeCloseTo((bbox[1] + bbox[3]) / 2, 10);
    expect(wide[2] - wide[0]).toBeCloseTo(2 * (bbox[2] - bbox[0]), 10);
    expect(wide[3] - wide[1]).toBeCloseTo(2 * (bbox[3] - bbox[1]), 10);
  });

  it('widens a small plot to at least 900 m each way', () => {
    const plot = [12.15, 55.48, 12.151, 55.4805];
    const size = metresAcross(contextBbox(plot as [number, number, number, number]));
    expect(size.x).toBeGreaterThanOrEqual(899);
    expect(size.y).toBeGreaterThanOrEqual(899);
    expect(size.x).toBeLessThan(950);
  });

  it('unites bboxes, and has none for nothing', () => {
    expect(
      unionBbox([
        [1, 2, 3, 4],
        [0, 3, 2, 5],
      ]),
    ).toEqual([0, 2, 3, 5]);
    expect(unionBbox([])).toBeNull();
  });
});

describe('framing an opened plot with its station and junction (issue #20)', () => {
  const plot: [number, number, number, number] = [12.15, 55.48, 12.151, 55.4805];

  it('takes in a station and a junction within 1.5 km', () => {
    const frame = plotFrame(plot, [
      { lon: 12.17, lat: 55.49, distanceM: 1400 },
      { lon: 12.14, lat: 55.475, distanceM: 900 },
    ]);
    expect(frame[1]).toBeLessThanOrEqual(55.475);
    expect(frame[2]).toBeGreaterThanOrEqual(12.17);
    expect(frame[3]).toBeGreaterThanOrEqual(55.49);
    expect(frame[0]).toBeLessThanOrEqual(12.14);
  });

  it('leaves out a station farther than that, and frames the plot alone without one', () => {
    expect(plotFrame(plot, [{ lon: 12.3, lat: 55.6, distanceM: NEARBY_FRAME_MAX_M + 1 }])).toEqual(contextBbox(plot));
    expect(plotFrame(plot, [null, null])).toEqual(contextBbox(plot));
  });
});
