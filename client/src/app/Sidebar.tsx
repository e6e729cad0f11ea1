import { lazy, Suspense, type KeyboardEvent } from 'react';
import { useAppStore } from '../store/useAppStore';
import { SIDEBAR_TABS as TABS, type SidebarTab } from '../store/uiSlice';
import { FinderPanel } from '../features/finder/FinderPanel';
import { IgnoredParamsNotice } from './IgnoredParamsNotice';
import { LayerPanel } from '../features/layers/LayerPanel';
import { PolicyPanel } from '../features/policy/PolicyPanel';
import { useT } from './useT';

const TAB_LABELS = {
  layers: 'tabs.layers',
  policy: 'tabs.policy',
  finder: 'tabs.finder',
  climate: 'tabs.climate',
  sketch: 'tabs.sketch',
} as const satisfies Record<SidebarTab, string>;

/** The sketch tab is for the few who plan: its code loads when the tab first opens, not with the map. */
const SketchPanel = lazy(() =>
  import('../features/sketches/SketchPanel').then((module) => ({ default: module.SketchPanel })),
);
/** The climate tab's panels load when it first opens too (its state and the map's flood layers do not wait). */
const ClimatePanel = lazy(() =>
  import('../features/climate/ClimatePanel').then((module) => ({ default: module.ClimatePanel })),
);

/** The presentation's link parameter: when unreadable, the sidebar says so whatever tab is open. */
const PRESENT_PARAM = ['present'] as const;

/** The left sidebar: tabs "Lag", "Politik", "Find grund", "Klima" and "Skitser" (WAI-ARIA tabs pattern, arrow keys move between them). */
export function Sidebar() {
  const t = useT();
  const tab = useAppStore((state) => state.sidebarTab);
  const setTab = useAppStore((state) => state.setSidebarTab);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const next =
      TABS[(TABS.indexOf(tab) + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length] ?? 'layers';
    setTab(next);
    document.getElementById(`tab-${next}`)?.focus();
  };

  return (
    <aside className="sidebar" aria-label={t('tabs.label')}>
      <div className="tabs" role="tablist" aria-label={t('tabs.label')} onKeyDown={onKeyDown}>
        {TABS.map((id) => (
          <button
            key={id}
            id={`tab-${id}`}
            type="button"
            role="tab"
            className="tabs__tab"
            aria-selected={tab === id}
            aria-controls={`tabpanel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
          >
            {t(TAB_LABELS[id])}
          </button>
        ))}
      </div>
      <div className="sidebar__content" role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`}>
        <IgnoredParamsNotice params={PRESENT_PARAM} message="present.ignored" testId="present-ignored" />
        {tab === 'layers' && <LayerPanel />}
        {tab === 'policy' && <PolicyPanel />}
        {tab === 'finder' && <FinderPanel />}
        {tab === 'climate' && (
          <Suspense fallback={<p className="panel__muted">{t('climate.loadingPanel')}</p>}>
            <ClimatePanel />
          </Suspense>
        )}
        {tab === 'sketch' && (
          <Suspense fallback={<p className="panel__muted">{t('sketch.loadingPanel')}</p>}>
            <SketchPanel />
          </Suspense>
        )}
      </div>
    </aside>
  );
}
