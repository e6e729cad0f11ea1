/**
 * How the climate view shows scenario B next to A (issue #7): `overlay` draws B under A on the one map, `swipe` puts
 * B on a second map over the first, cut at a divider the user drags.
 */
export type ClimateCompareView = 'overlay' | 'swipe';

/** The comparison opens as the overlay, the view the legend's colours describe. */
export const DEFAULT_CLIMATE_COMPARE_VIEW: ClimateCompareView = 'overlay';

/** `overlay` or `swipe`, from a link; else undefined. */
export function parseClimateCompareView(text: string): ClimateCompareView | undefined {
  return text === 'overlay' || text === 'swipe' ? text : undefined;
}
