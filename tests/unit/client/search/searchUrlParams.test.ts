import { describe, expect, it } from 'vitest';
import { formatUrlState, parseUrlState, DEFAULT_URL_STATE } from '../../../../client/src/app/urlState';
import { formatSearchParam, parseSearchParam } from '../../../../client/src/features/search/searchUrlParams';

describe('the link’s q=', () => {
  it('round-trips a query with Danish letters, spaces and punctuation through the link', () => {
    for (const q of ['Køge Nord', '5ae Ølsemagle By, Ølsemagle', '3.6', 'a&b=c#d', '100%']) {
      const link = formatUrlState({ ...DEFAULT_URL_STATE, site: 'kn-05', q });
      expect(parseUrlState(link)).toMatchObject({ site: 'kn-05', q });
    }
  });

  it.each([
    ['absent', null],
    ['one character', 'K'],
    ['only spaces', '   '],
    ['longer than the search takes', 'a'.repeat(101)],
    ['a control character', 'Kø\u0000ge'],
  ])('is dropped when %s', (_, value) => {
    expect(parseSearchParam(value)).toBeNull();
    expect(formatSearchParam(value)).toEqual([]);
  });

  it('is trimmed', () => {
    expect(parseSearchParam('  Køge ')).toBe('Køge');
  });
});
