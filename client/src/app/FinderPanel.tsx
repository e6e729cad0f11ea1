import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/useAppStore';
import { FinderForm } from './FinderForm';
import { FinderResults } from './FinderResults';
import { ShortlistSection } from './ShortlistSection';
import { useT } from './useT';

/** The plot finder (issue #4): filters above, the matching plots below; the map dims the others. */
export function FinderPanel() {
  const t = useT();
  const { plotsStatus, loadPlots, ignoredParams, dismissIgnoredParams } = useAppStore(
    useShallow((state) => ({
      plotsStatus: state.plotsStatus,
      loadPlots: state.loadPlots,
      ignoredParams: state.ignoredParams,
      dismissIgnoredParams: state.dismissIgnoredParams,
    })),
  );
  useEffect(() => {
    if (plotsStatus === 'idle') void loadPlots();
  }, [plotsStatus, loadPlots]);

  return (
    <section className="panel finder-panel" data-testid="finder-panel" aria-labelledby="finder-panel-heading">
      <h2 id="finder-panel-heading" className="panel__heading">
        {t('finder.heading')}
      </h2>
      {ignoredParams.length > 0 && (
        <div className="warning warning--mild finder-notice" role="note" data-testid="finder-ignored">
          <p>{t('finder.ignored')}</p>
          <button type="button" className="button button--small button--ghost" onClick={dismissIgnoredParams}>
            {t('finder.ignoredDismiss')}
          </button>
        </div>
      )}
      <ShortlistSection />
      <FinderForm />
      <FinderResults />
    </section>
  );
}
