import { describe, expect, it } from 'vitest';
import { DEFAULT_URL_STATE, formatUrlState, parseUrlState } from '../../../../client/src/app/urlState';
import { DEFAULT_CLIMATE } from '../../../../client/src/features/climate/ClimateScenario';

describe('climate view parameters', () => {
  it('read the level, the dike state, scenario B and the presentation step', () => {
    const state = parseUrlState('?tab=climate&level=1.8&dike=without&compare_to=3.45/with&present=3');
    expect(state).toMatchObject({
      tab: 'climate',
      climate: { level: 1.8, dike: 'without' },
      climateCompare: { level: 3.45, dike: 'with' },
      present: 3,
      ignored: [],
    });
  });

  it('default to the 2023 storm with the dike, no comparison and no presentation', () => {
    expect(parseUrlState('?tab=climate')).toMatchObject({
      climate: DEFAULT_CLIMATE,
      climateCompare: null,
      present: null,
      ignored: [],
    });
  });

  it.each([
    ['a level above 4 m', 'level=4.01', 'level'],
    ['a negative level', 'level=-1', 'level'],
    ['three decimals', 'level=1.805', 'level'],
    ['exponent notation', 'level=1e0', 'level'],
    ['text', 'level=high', 'level'],
    ['an unknown dike state', 'dike=maybe', 'dike'],
    ['scenario B without a dike state', 'compare_to=2.8', 'compare_to'],
    ['scenario B with a bad level', 'compare_to=9/with', 'compare_to'],
    ['scenario B with extra parts', 'compare_to=2.8/with/x', 'compare_to'],
    ['step 0', 'present=0', 'present'],
    ['a step with a sign', 'present=-2', 'present'],
    ['a fractional step', 'present=1.5', 'present'],
    ['a huge step', 'present=100', 'present'],
  ])('ignore and report %s', (_, query, param) => {
    const state = parseUrlState(`?tab=climate&${query}`);
    expect(state.ignored).toEqual([param]);
    expect(state.climate).toEqual(DEFAULT_CLIMATE);
    expect(state.climateCompare).toBeNull();
    expect(state.present).toBeNull();
  });

  it('report a bad climate parameter next to bad finder parameters, keeping the good ones', () => {
    const state = parseUrlState('?tab=climate&status=nope&level=7&dike=without');
    expect(state.ignored).toEqual(['status', 'level']);
    expect(state.climate).toEqual({ level: DEFAULT_CLIMATE.level, dike: 'without' });
  });

  it('are written only while the climate tab is open, the step whenever presenting', () => {
    const climate = { level: 2.3, dike: 'without' as const };
    const climateCompare = { level: 3.45, dike: 'with' as const };
    expect(formatUrlState({ ...DEFAULT_URL_STATE, tab: 'climate', climate, climateCompare })).toBe(
      '?tab=climate&level=2.3&dike=without&compare_to=3.45/with',
    );
    expect(formatUrlState({ ...DEFAULT_URL_STATE, tab: 'finder', climate, climateCompare })).toBe('?tab=finder');
    expect(formatUrlState({ ...DEFAULT_URL_STATE, present: 3 })).toBe('?present=3');
  });

  it('round-trip through a link', () => {
    const state = {
      ...DEFAULT_URL_STATE,
      tab: 'climate' as const,
      climate: { level: 0.05, dike: 'with' as const },
      climateCompare: { level: 4, dike: 'without' as const },
      present: 10,
    };
    expect(parseUrlState(formatUrlState(state))).toEqual(state);
  });
});
