import { useEffect } from 'react';
import { useAppStore, useAppStoreApi } from '../store/useAppStore';
import { CompareDialog } from './CompareDialog';
import { ErrorBanner } from './ErrorBanner';
import { Header } from './Header';
import { LoadingIndicator } from './LoadingIndicator';
import { MapView } from './MapView';
import { Sidebar } from './Sidebar';
import { SitePanel } from './SitePanel';
import { useT } from './useT';
import { useUrlSync } from './useUrlSync';

/** The shell: header, error banner, sidebar, map, site panel and the plot comparison. */
export function App() {
  const store = useAppStoreApi();
  const t = useT();
  const lang = useAppStore((state) => state.lang);
  useUrlSync(store);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('app.title');
  }, [lang, t]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      // The comparison is modal: Escape closes it first, and only it.
      if (store.getState().compareOpen) store.getState().closeCompare();
      else if (store.getState().selectedSiteId !== null) store.getState().selectSite(null);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);

  return (
    <div className="app">
      <Header />
      <ErrorBanner />
      <main className="app-main">
        <Sidebar />
        <div className="map-area">
          <MapView />
          <LoadingIndicator />
        </div>
        <SitePanel />
      </main>
      <CompareDialog />
    </div>
  );
}
