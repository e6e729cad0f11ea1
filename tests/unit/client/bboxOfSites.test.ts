import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bboxOfSites } from '../../../client/src/map/bboxOfSites';
import { indexSiteLayers } from '../../../client/src/map/indexSiteLayers';
import { collection, COLLECTIONS, squareFeature } from './fixtures';

describe('bboxOfSites', () => {
  it('combines the bboxes of features in different places', () => {
    expect(bboxOfSites({ collections: COLLECTIONS, siteIds: ['dige-nord', 'dige-syd'] })).toEqual([
      12.18, 55.44, 12.2, 55.47,
    ]);
  });

  it('searches across layers', () => {
    expect(bboxOfSites({ collections: COLLECTIONS, siteIds: ['kn-1', 'ez-1'] })).toEqual([11.95, 55.4, 12.11, 55.49]);
  });

  it('ignores ids that are not loaded and gives null for none', () => {
    expect(bboxOfSites({ collections: COLLECTIONS, siteIds: ['kn-2', 'nowhere'] })).toEqual([
      12.12, 55.485, 12.13, 55.495,
    ]);
    expect(bboxOfSites({ collections: COLLECTIONS, siteIds: ['nowhere'] })).toBeNull();
    expect(bboxOfSites({ collections: COLLECTIONS, siteIds: [] })).toBeNull();
  });

  it('contains every chosen square (property)', () => {
    const square = fc
      .tuple(
        fc.double({ min: 8, max: 15, noNaN: true }),
        fc.double({ min: 54, max: 58, noNaN: true }),
        fc.double({ min: 0.001, max: 0.5, noNaN: true }),
      )
      .map(([w, s, size]) => [w, s, w + size, s + size] as [number, number, number, number]);
    fc.assert(
      fc.property(fc.array(square, { minLength: 1, maxLength: 6 }), (squares) => {
        const features = squares.map((box, i) => squareFeature(`f-${i}`, 'test', box));
        const result = bboxOfSites({
          collections: { test: collection(...features) },
          siteIds: features.map((f) => f.id),
        });
        expect(result).not.toBeNull();
        const [w, s, e, n] = result!;
        for (const [sw, ss, se, sn] of squares) expect(w <= sw && s <= ss && e >= se && n >= sn).toBe(true);
      }),
      { seed: 7, numRuns: 100 },
    );
  });
});

describe('indexSiteLayers', () => {
  it('maps each feature id to its layer', () => {
    const index = indexSiteLayers(COLLECTIONS);
    expect(index.get('kn-2')).toBe('koege-nord-plots');
    expect(index.get('dige-syd')).toBe('koege-dige');
    expect(index.get('nowhere')).toBeUndefined();
  });
});
