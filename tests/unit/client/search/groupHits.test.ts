import { describe, expect, it } from 'vitest';
import type { SearchHit } from '@shared/schemas/search';
import { groupHits } from '../../../../client/src/features/search/groupHits';

const hit = (type: SearchHit['type'], id: string): SearchHit =>
  Object.freeze({ type, id, name: id, detail: '', match: 'prefix', bbox: null, distance_m: null });

describe('groupHits', () => {
  it('groups by type in the order of each type’s best hit, numbering the hits as they are shown', () => {
    const hits = Object.freeze([hit('place', 'a'), hit('address', 'b'), hit('place', 'c'), hit('action', 'd')]);
    const groups = groupHits(hits);
    expect(groups.map((g) => g.type)).toEqual(['place', 'address', 'action']);
    expect(groups.flatMap((g) => g.hits.map((h) => [h.hit.id, h.index]))).toEqual([
      ['a', 0],
      ['c', 1],
      ['b', 2],
      ['d', 3],
    ]);
  });

  it('gives nothing for no hits', () => {
    expect(groupHits([])).toEqual([]);
  });
});
