import type { FloodExtent } from './FloodExtent';
import type { AppState } from '../../store/AppState';
import type { ClimateScenario } from './ClimateScenario';

/** The climate view's swipe (issue #7): scenario A stays on the main map, B's flood goes to the second map. */
export interface SwipeComparison {
  a: ClimateScenario;
  b: ClimateScenario;
  /** B's flood as last loaded; null while it loads (the second map then shows no water). */
  flood: FloodExtent | null;
}

/**
 * The swipe the map shows: only while the climate tab is open with a comparison chosen as a swipe and no
 * presentation runs (it owns the map's flood then, see shownFloods); else null, and the second map goes.
 */
export function swipeComparison(
  state: Pick<
    AppState,
    'presentStep' | 'sidebarTab' | 'climate' | 'climateCompare' | 'climateCompareView' | 'climateCompareExtent'
  >,
): SwipeComparison | null {
  if (state.presentStep !== null || state.sidebarTab !== 'climate') return null;
  if (state.climateCompare === null || state.climateCompareView !== 'swipe') return null;
  return { a: state.climate, b: state.climateCompare, flood: state.climateCompareExtent };
}
