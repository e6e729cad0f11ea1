import { useCallback, useEffect } from 'react';
import type { KoegeApi } from '../api/KoegeApi';
import { mapHrefOf } from '../features/expose/exposeUrl';
import type { MessageKey } from '@shared/i18n/da';
import type { Lang } from '@shared/i18n/Lang';
import { translate } from '../app/i18n';
import { ChangeList } from '../features/timeline/ChangeList';
import { CouncilOverview } from '../features/timeline/CouncilOverview';
import { loadTimelinePage, type TimelinePageData } from '../features/timeline/loadTimelinePage';
import { TenderTimeline } from '../features/timeline/TenderTimeline';
import { timelineHref, type TimelineTarget } from '../features/timeline/timelineUrl';
import { usePageData } from '../app/usePageData';
import '../features/timeline/timeline.css';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * The public transparency page (issue #5), a page of its own like the exposé: the council overview of the action
 * plan, the tender timeline 2024–2028 (planned against actual) and every change, for all plots or for one site.
 */
export function TimelinePage({ api, target, lang }: { api: KoegeApi; target: TimelineTarget; lang: Lang }) {
  const t = useCallback<T>((key, params) => translate(lang, key, params), [lang]);
  const siteId = target.kind === 'site' ? target.siteId : null;
  const { state, retry } = usePageData<TimelinePageData>(
    target.kind === 'invalid' ? null : () => loadTimelinePage({ api, siteId }),
    siteId ?? '(all)',
  );

  const data = state.status === 'ready' ? state.data : null;
  const siteName = data?.timeline.plots.find((plot) => plot.site_id === siteId)?.site_name ?? siteId;
  const title = siteId === null ? t('timeline.titleAll') : t('timeline.titleSite', { name: siteName ?? '' });

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${title} – ${t('app.title')}`;
  }, [lang, title, t]);

  // The browser test's marker: the page has settled (loaded, not found or failed).
  useEffect(() => {
    document.documentElement.dataset.timelineStatus = state.status;
  }, [state.status]);

  const other: Lang = lang === 'da' ? 'en' : 'da';
  return (
    <div className="timeline-page">
      <nav className="timeline-page__toolbar" aria-label={t('timeline.link')}>
        <a href={mapHrefOf({ id: siteId, lang })} data-testid="timeline-back">
          <span aria-hidden="true">← </span>
          {t('timeline.back')}
        </a>
        {siteId !== null && <a href={timelineHref({ siteId: null, lang })}>{t('timeline.allPlots')}</a>}
        <a
          href={timelineHref({ siteId, lang: other })}
          lang={other}
          hrefLang={other}
          aria-label={t('lang.switchLabel')}
        >
          {t('lang.switch')}
        </a>
      </nav>
      <main className="timeline-page__main" data-testid="timeline-page">
        <h1 className="timeline-page__title">{title}</h1>
        <p className="timeline-page__intro">{t('timeline.intro')}</p>
        {state.status === 'loading' && (
          <p role="status" className="muted">
            {t('timeline.loading')}
          </p>
        )}
        {state.status === 'not-found' && (
          <p className="warning" data-testid="timeline-not-found">
            {t('timeline.notFound')}
          </p>
        )}
        {state.status === 'error' && (
          <div className="warning" role="alert">
            <p>{t('timeline.error', { message: state.message })}</p>
            <button type="button" className="button button--small" onClick={retry}>
              {t('timeline.retry')}
            </button>
          </div>
        )}
        {data !== null && (
          <>
            <CouncilOverview
              initiatives={
                siteId === null
                  ? data.overview.initiatives
                  : data.overview.initiatives.filter((initiative) => initiative.site_ids.includes(siteId))
              }
              names={data.names}
              lang={lang}
              siteOnly={siteId !== null}
              t={t}
            />
            <TenderTimeline timeline={data.timeline} lang={lang} t={t} linkRows={siteId === null} />
            <ChangeList events={data.timeline.events} truncated={data.timeline.truncated} lang={lang} t={t} />
          </>
        )}
      </main>
    </div>
  );
}
