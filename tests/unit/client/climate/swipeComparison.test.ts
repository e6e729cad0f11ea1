import { beforeAll, describe, expect, it } from 'vitest';
import { loadLang } from '../../../../client/src/app/i18n';
import { swipeTexts } from '../../../../client/src/map/swipeTexts';
import { swipeComparison } from '../../../../client/src/features/climate/swipeComparison';
import { floodExtent } from '../fixtures';

// English is fetched on first use in the browser (client/src/app/i18n.ts); these tests render in it too.
beforeAll(() => loadLang('en'));

describe('swipeComparison (issue #7)', () => {
  const base = {
    presentStep: null,
    sidebarTab: 'climate' as const,
    climate: { level: 3.45, dike: 'without' as const },
    climateCompare: { level: 1.8, dike: 'with' as const },
    climateCompareView: 'swipe' as const,
    climateCompareExtent: floodExtent(1.8, 'with'),
  };

  it('puts scenario B’s flood on the second map while the climate tab swipes', () => {
    expect(swipeComparison(base)).toEqual({
      a: base.climate,
      b: base.climateCompare,
      flood: base.climateCompareExtent,
    });
  });

  it('keeps the second map, without water, while B’s flood loads', () => {
    expect(swipeComparison({ ...base, climateCompareExtent: null })?.flood).toBeNull();
  });

  it('has no second map as an overlay, without scenario B, in another tab or while presenting', () => {
    expect(swipeComparison({ ...base, climateCompareView: 'overlay' })).toBeNull();
    expect(swipeComparison({ ...base, climateCompare: null })).toBeNull();
    expect(swipeComparison({ ...base, sidebarTab: 'finder' })).toBeNull();
    expect(swipeComparison({ ...base, presentStep: 2 })).toBeNull();
  });
});

describe('swipeTexts', () => {
  it('names each side’s scenario in Danish and English', () => {
    const scenarios = { a: { level: 1.8, dike: 'with' as const }, b: { level: 3.45, dike: 'without' as const } };
    expect(swipeTexts({ ...scenarios, lang: 'da' })).toEqual({
      labelA: 'A: 1,80 m med Køge Dige',
      labelB: 'B: 3,45 m uden diget',
      divider: 'Skillelinje mellem A og B',
    });
    expect(swipeTexts({ ...scenarios, lang: 'en' })).toMatchObject({
      labelA: 'A: 1.80 m with Køge Dike',
      labelB: 'B: 3.45 m without the dike',
    });
  });
});
