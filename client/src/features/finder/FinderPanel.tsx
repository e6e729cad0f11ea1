import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/useAppStore';
import { FinderForm } from './FinderForm';
import { FINDER_PARAMS } from './finderUrlParams';
import { FinderResults } from './FinderResults';
import { IgnoredParamsNotice } from '../../app/IgnoredParamsNotice';
import { ShortlistSection } from '../shortlist';
import { useT } from '../../app/useT';

/** The plot finder (issue #4): filters above, the matching plots below; the map dims the others. */
export function FinderPanel() {
  const t = useT();
  const { plotsStatus, loadPlots } = useAppStore(
    useShallow((state) => ({ plotsStatus: state.plotsStatus, loadPlots: state.loadPlots })),
  );
  useEffect(() => {
    if (plotsStatus === 'idle') void loadPlots();
  }, [plotsStatus, loadPlots]);

  return (
    <section className="panel finder-panel" data-testid="finder-panel" aria-labelledby="finder-panel-heading">
      <h2 id="finder-panel-heading" className="panel__heading">
        {t('finder.heading')}
      </h2>
      <IgnoredParamsNotice params={FINDER_PARAMS} message="finder.ignored" testId="finder-ignored" />
      <ShortlistSection />
      <FinderForm />
      <FinderResults />
    </section>
  );
}
