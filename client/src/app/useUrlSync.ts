import { useEffect } from 'react';
import type { AppStore } from '../store/createAppStore';
import { formatUrlState, linkWithoutView, urlStateOf } from './urlState';

/** Quiet time after the last camera move before the link is rewritten, in ms. */
const VIEW_DEBOUNCE_MS = 300;

/**
 * Keeps the address bar a permalink of the state; the only writer of the address (issue #17). A change of the link
 * without its camera (linkWithoutView) is written at once; camera moves are debounced. replaceState only: panning
 * must not fill history.
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
    let lastLink = linkWithoutView(store.getState());
    const unsubscribe = store.subscribe((state, prev) => {
      const link = linkWithoutView(state);
      if (link !== lastLink) {
        lastLink = link;
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
