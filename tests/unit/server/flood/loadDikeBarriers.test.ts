import { describe, expect, it } from 'vitest';
import { dikeBarriers, loadDikeBarriers } from '../../../../server/src/modules/flood/loadDikeBarriers';

// Køge Torv and Køge Havn in WGS84, whose EPSG:25832 positions are known (facts: 701237 6150220, 702115 6150127).
const section = Object.freeze({
  type: 'Feature',
  properties: { id: 'test-dige', kind: 'dike-section', attributes: { design_level_m: 2.8 } },
  geometry: {
    type: 'LineString',
    coordinates: [
      [12.1827, 55.4567],
      [12.1965, 55.4555],
    ],
  },
});
const collection = (feature: object) => Object.freeze({ type: 'FeatureCollection', features: [feature] });

describe('dikeBarriers', () => {
  it('projects dike sections to EPSG:25832 with their design level as crest', () => {
    const [barrier, ...rest] = dikeBarriers({ collection: collection(section) });
    expect(rest).toEqual([]);
    expect(barrier!.crestLevel).toBe(2.8);
    const [[x0, y0], [x1, y1]] = barrier!.coordinates as [[number, number], [number, number]];
    expect(Math.hypot(x0 - 701_237, y0 - 6_150_220)).toBeLessThan(10);
    expect(Math.hypot(x1 - 702_115, y1 - 6_150_127)).toBeLessThan(10);
  });

  it('names the section that has no design level', () => {
    const broken = { ...section, properties: { ...section.properties, attributes: {} } };
    expect(() => dikeBarriers({ collection: collection(broken) })).toThrow(/test-dige.*design_level_m/);
  });

  it('finds the two sections of Køge Dige in the seed data, both with a 2.8 m crest', async () => {
    const barriers = await loadDikeBarriers();
    expect(barriers.map((b) => b.crestLevel)).toEqual([2.8, 2.8]);
  });
});
