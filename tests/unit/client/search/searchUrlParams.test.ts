import { describe, expect, it } from 'vitest';
import { formatUrlState, parseUrlState, DEFAULT_URL_STATE } from '../../../../client/src/app/urlState';
import {
  formatPickParam,
  formatSearchParam,
  parsePickParam,
  parseSearchParam,
} from '../../../../client/src/features/search/searchUrlParams';

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

describe('the link’s sel= (a parcel or address picked from the search)', () => {
  it('round-trips a parcel and an address through the link, beside q=', () => {
    for (const sel of [
      { type: 'parcel' as const, id: '990000001' },
      { type: 'address' as const, id: '0a3f5081-0000-4000-8000-000000000001' },
    ]) {
      const link = formatUrlState({ ...DEFAULT_URL_STATE, q: 'Søndre Teglvej 1', sel });
      expect(link).toContain(`sel=${sel.type}:${sel.id}`);
      expect(parseUrlState(link)).toMatchObject({ q: 'Søndre Teglvej 1', sel });
    }
  });

  it('reads an address id in upper case as PostgreSQL writes it, in lower case', () => {
    expect(parsePickParam('address:0A3F5081-0000-4000-8000-00000000000A')).toEqual({
      type: 'address',
      id: '0a3f5081-0000-4000-8000-00000000000a',
    });
  });

  it.each([
    ['absent', null],
    ['without a type', '990000001'],
    ['of a kind the link selects otherwise', 'site:kn-05'],
    ['a parcel id that is no number', 'parcel:12b'],
    ['a parcel id of 0', 'parcel:0'],
    ['an address id that is no uuid', 'address:990000001'],
    ['an address id with more after it', 'address:0a3f5081-0000-4000-8000-000000000001x'],
  ])('is dropped when %s', (_, value) => {
    expect(parsePickParam(value)).toBeNull();
    expect(parseUrlState(value === null ? '' : `?sel=${encodeURIComponent(value)}`).sel).toBeNull();
  });

  it('writes nothing for no pick or a malformed one', () => {
    expect(formatPickParam(null)).toEqual([]);
    expect(formatPickParam({ type: 'parcel', id: '1; DROP' })).toEqual([]);
  });
});
