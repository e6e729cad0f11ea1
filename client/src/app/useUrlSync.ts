import { useEffect } from 'react';
import type { AppStore } from '../store/createAppStore';
import { formatUrlState, urlStateOf } from './urlState';

/** Quiet time after the last camera move before the link is rewritten, in ms. */
const VIEW_DEBOUNCE_MS = 300;

/**
 * Keeps the address bar a permalink of the state. Discrete changes (site, action, language, layers,
 * tab, finder filters, shortlist, comparison, climate scenario,
 * presentation step, selected sketch)
 * are written at once; camera moves are debounced. replaceState only: panning must not fill history.
 */
export function useUrlSync(store: AppStore): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const write = () => {
      clearTimeout(timer);
      timer = undefined;
      const search = formatUrlState(urlStateOf(store.getState()));
      if (search !== window.location.search) {
        window.history.replaceState(
          window.history.state,
          '',
          `${window.location.pathname}${search}${window.location.hash}`,
        );
      }
    };
    write();
    const unsubscribe = store.subscribe((state, prev) => {
      if (
        state.selectedSiteId !== prev.selectedSiteId ||
        state.selectedAction !== prev.selectedAction ||
        state.lang !== prev.lang ||
        state.hiddenLayerIds !== prev.hiddenLayerIds ||
        state.sidebarTab !== prev.sidebarTab ||
        state.finderFilters !== prev.finderFilters ||
        state.shortlist !== prev.shortlist ||
        state.compareIds !== prev.compareIds ||
        state.compareOpen !== prev.compareOpen ||
        state.climate !== prev.climate ||
        state.climateCompare !== prev.climateCompare ||
        state.climateCompareView !== prev.climateCompareView ||
        state.presentStep !== prev.presentStep ||
        state.selectedSketchId !== prev.selectedSketchId
      ) {
        write();
      } else if (state.view !== prev.view) {
        clearTimeout(timer);
        timer = setTimeout(write, VIEW_DEBOUNCE_MS);
      }
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [store]);
}
