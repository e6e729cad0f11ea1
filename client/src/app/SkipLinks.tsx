import type { MouseEvent } from 'react';
import { useAppStore } from '../store/useAppStore';
import { useT } from './useT';

/** Where the skip links lead (issue #20): the map, and the finder's results past its long form. */
export const MAP_TARGET_ID = 'map';
export const RESULTS_TARGET_ID = 'finder-results-heading';

/**
 * Moves focus to an element once it is in the page (the results render when the finder tab opens); for the map,
 * to its canvas, where the arrow and +/- keys move it.
 */
function focusWhenPresent(id: string, tries = 20): void {
  const element = document.getElementById(id);
  const target = element?.querySelector<HTMLElement>('canvas[tabindex]') ?? element;
  if (target) {
    target.focus();
    target.scrollIntoView({ block: 'start' });
  } else if (tries > 0) {
    requestAnimationFrame(() => focusWhenPresent(id, tries - 1));
  }
}

/** Links that keyboard users meet first: past the header and the 15 layer checkboxes, to the map or the results. */
export function SkipLinks() {
  const t = useT();
  const setTab = useAppStore((state) => state.setSidebarTab);
  const follow = (id: string, before?: () => void) => (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    before?.();
    focusWhenPresent(id);
  };
  return (
    <nav className="skip-links" aria-label={t('layout.skipLinks')}>
      <a className="skip-link" href={`#${MAP_TARGET_ID}`} data-testid="skip-map" onClick={follow(MAP_TARGET_ID)}>
        {t('layout.skipToMap')}
      </a>
      <a
        className="skip-link"
        href={`#${RESULTS_TARGET_ID}`}
        data-testid="skip-results"
        onClick={follow(RESULTS_TARGET_ID, () => setTab('finder'))}
      >
        {t('layout.skipToResults')}
      </a>
    </nav>
  );
}
