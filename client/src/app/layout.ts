import { useSyncExternalStore } from 'react';

/**
 * The layouts (issue #20). Phones: the map fills the screen and the panels are a bottom sheet. Tablets: one side
 * panel that folds away. Desktops: the tabs on the left, the site on the right. The CSS holds the same widths
 * (styles/responsive.css).
 */
export const PHONE_QUERY = '(max-width: 699px)';

/** Whether the media query matches, following it as the window changes. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
  );
}
