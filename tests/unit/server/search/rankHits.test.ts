import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SEARCH_MATCHES } from '@shared/schemas/search';
import { rankHits, type SearchCandidate } from '../../../../server/src/modules/search/rankHits';

const candidate = (over: Partial<SearchCandidate>): SearchCandidate =>
  Object.freeze({
    type: 'place',
    id: 'x',
    name: 'X',
    detail: '',
    layer: null,
    tier: 1,
    similarity: 1,
    bbox: null,
    distanceM: null,
    ...over,
  });

describe('rankHits', () => {
  it('puts a better match before a nearer one, and the nearer before the farther within a match', () => {
    const ranked = rankHits({
      candidates: Object.freeze([
        candidate({ id: 'near-prefix', tier: 1, distanceM: 10 }),
        candidate({ id: 'far-exact', tier: 0, distanceM: 50_000 }),
        candidate({ id: 'far-prefix', tier: 1, distanceM: 9_000 }),
      ]),
      limit: 10,
    });
    expect(ranked.map((h) => h.id)).toEqual(['far-exact', 'near-prefix', 'far-prefix']);
    expect(ranked.map((h) => h.match)).toEqual(['exact', 'prefix', 'prefix']);
  });

  it('keeps every hit in order of match, whatever the input order (seeded property)', () => {
    const arb = fc.array(
      fc.record({
        id: fc.string({ minLength: 1, maxLength: 4 }),
        tier: fc.integer({ min: 0, max: 4 }),
        distanceM: fc.option(fc.double({ min: 0, max: 1e5, noNaN: true }), { nil: null }),
        similarity: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 50 }), (rows, limit) => {
        const ranked = rankHits({ candidates: rows.map((r) => candidate(r)), limit });
        expect(ranked.length).toBe(Math.min(limit, rows.length));
        const tiers = ranked.map((h) => SEARCH_MATCHES.indexOf(h.match));
        expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
      }),
      { seed: 21, numRuns: 200 },
    );
  });
});
