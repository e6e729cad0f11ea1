import { describe, expect, it } from 'vitest';
import { DEFAULT_URL_STATE, formatUrlState, parseUrlState } from '../../../../client/src/app/urlState';
import { parseClimateCompareView } from '../../../../client/src/features/climate/ClimateCompareView';

const climateCompare = { level: 1.8, dike: 'with' as const };

describe('the comparison view in the link (compare_view=, issue #7)', () => {
  it('reads a swipe and an explicit overlay', () => {
    expect(parseUrlState('?tab=climate&compare_to=1.8/with&compare_view=swipe')).toMatchObject({
      climateCompare,
      climateCompareView: 'swipe',
      ignored: [],
    });
    expect(parseUrlState('?tab=climate&compare_to=1.8/with&compare_view=overlay')).toMatchObject({
      climateCompareView: 'overlay',
      ignored: [],
    });
  });

  it('defaults to the overlay when absent or empty', () => {
    expect(parseUrlState('?tab=climate&compare_to=1.8/with').climateCompareView).toBe('overlay');
    expect(parseUrlState('?tab=climate&compare_view=').ignored).toEqual([]);
  });

  it.each([
    ['an unknown view', 'compare_view=side'],
    ['upper case', 'compare_view=SWIPE'],
    ['a list', 'compare_view=swipe,overlay'],
  ])('ignores and reports %s, keeping scenario B', (_, query) => {
    const state = parseUrlState(`?tab=climate&compare_to=1.8/with&${query}`);
    expect(state.ignored).toEqual(['compare_view']);
    expect(state.climateCompareView).toBe('overlay');
    expect(state.climateCompare).toEqual(climateCompare);
  });

  it('is written after scenario B, only for the swipe, only with a scenario B and only in the climate tab', () => {
    const swipe = { ...DEFAULT_URL_STATE, climateCompare, climateCompareView: 'swipe' as const };
    expect(formatUrlState({ ...swipe, tab: 'climate' })).toBe(
      '?tab=climate&level=1.8&dike=with&compare_to=1.8/with&compare_view=swipe',
    );
    expect(formatUrlState({ ...swipe, tab: 'climate', climateCompareView: 'overlay' })).toBe(
      '?tab=climate&level=1.8&dike=with&compare_to=1.8/with',
    );
    expect(formatUrlState({ ...swipe, tab: 'climate', climateCompare: null })).toBe('?tab=climate&level=1.8&dike=with');
    expect(formatUrlState({ ...swipe, tab: 'finder' })).toBe('?tab=finder');
  });

  it('round-trips a swipe link', () => {
    const search = '?tab=climate&level=3.45&dike=without&compare_to=1.8/with&compare_view=swipe';
    expect(formatUrlState(parseUrlState(search))).toBe(search);
  });

  it('parses only the two views', () => {
    expect(parseClimateCompareView('swipe')).toBe('swipe');
    expect(parseClimateCompareView('overlay')).toBe('overlay');
    expect(parseClimateCompareView('Swipe')).toBeUndefined();
  });
});
