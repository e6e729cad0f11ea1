import type { FloodExtent } from './FloodExtent';
import type { AppState } from '../../store/AppState';

/** The floods the map draws: one main extent and, in the climate view's comparison, scenario B under it. */
export interface ShownFloods {
  main: FloodExtent | null;
  comparison: FloodExtent | null;
}

/**
 * Which flood the map shows (issue #7): the presentation's while it runs, else the climate view's while its tab is
 * open, else the plot finder's filter while the finder is open (it filters only there), else none. One map layer,
 * one owner at a time.
 */
export function shownFloods(
  state: Pick<
    AppState,
    | 'presentStep'
    | 'presentFlood'
    | 'sidebarTab'
    | 'climateExtent'
    | 'climateCompare'
    | 'climateCompareExtent'
    | 'finderFilters'
    | 'floodExtent'
  >,
): ShownFloods {
  if (state.presentStep !== null) return { main: state.presentFlood, comparison: null };
  if (state.sidebarTab === 'climate') {
    return { main: state.climateExtent, comparison: state.climateCompare === null ? null : state.climateCompareExtent };
  }
  if (state.sidebarTab === 'finder' && state.finderFilters.floodLevel !== null) {
    return { main: state.floodExtent, comparison: null };
  }
  return { main: null, comparison: null };
}
