import { lazy, Suspense, useEffect } from 'react';
import { useAppStore, useAppStoreApi } from '../store/useAppStore';
import { ErrorBanner } from './ErrorBanner';
import { Header } from './Header';
import { LoadingIndicator } from './LoadingIndicator';
import { MapView } from './MapView';
import { PanelSheet } from './PanelSheet';
import { PanelToggle } from './PanelToggle';
import { SkipLinks } from './SkipLinks';
import { Sidebar } from './Sidebar';
import { SitePanel } from '../features/site/SitePanel';
import { useT } from './useT';
import { useUrlSync } from './useUrlSync';

/** The plot comparison and the presentation are opened by few: their code loads when they first open. */
const CompareDialog = lazy(() =>
  import('../features/sketches/CompareDialog').then((module) => ({ default: module.CompareDialog })),
);
const PresentationPanel = lazy(() =>
  import('../features/presentation/PresentationPanel').then((module) => ({ default: module.PresentationPanel })),
);

/** Whether a key press belongs to a form control (its arrows move a slider or a caret). */
function isFormField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('input, select, textarea, [contenteditable="true"]') !== null;
}

/** The shell: skip links, header, error banner, the panels (sidebar or presentation, site), map and the plot comparison. */
export function App() {
  const store = useAppStoreApi();
  const t = useT();
  const lang = useAppStore((state) => state.lang);
  const presenting = useAppStore((state) => state.presentStep !== null);
  const comparing = useAppStore((state) => state.compareOpen);
  useUrlSync(store);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('app.title');
  }, [lang, t]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const state = store.getState();
      if (state.presentStep !== null && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
        // Arrows that a control or the map already used (a slider, panning) do not change the slide.
        if (event.defaultPrevented || isFormField(event.target)) return;
        state.goToStep(state.presentStep + (event.key === 'ArrowRight' ? 1 : -1));
        return;
      }
      if (event.key !== 'Escape') return;
      // The comparison is modal: Escape closes it first, and only it; then the presentation, then the site.
      if (state.compareOpen) state.closeCompare();
      else if (state.presentStep !== null) state.stopPresentation();
      else if (state.selectedSiteId !== null) state.selectSite(null);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);

  // The panels come before the map in the page's order; the layouts place them (styles/responsive.css).
  return (
    <div className="app">
      <SkipLinks />
      <Header />
      <ErrorBanner />
      <main className="app-main">
        <PanelSheet>
          {presenting ? (
            <Suspense fallback={null}>
              <PresentationPanel />
            </Suspense>
          ) : (
            <Sidebar />
          )}
          <SitePanel />
        </PanelSheet>
        <div className="map-area">
          <MapView />
          <PanelToggle />
          <LoadingIndicator />
        </div>
      </main>
      {comparing && (
        <Suspense fallback={null}>
          <CompareDialog />
        </Suspense>
      )}
    </div>
  );
}
