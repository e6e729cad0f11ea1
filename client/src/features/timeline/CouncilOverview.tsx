import type { PolicyOverviewData } from '../tenders';
import { ACTION_PROGRESS } from '../../api/vocabulary';
import { mapHrefOf } from '../expose';
import type { Lang } from '@shared/i18n/Lang';
import type { MessageKey } from '@shared/i18n/da';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * Per initiative: how many actions have not started, are in progress or are done (as a bar and in words), and
 * the sites serving it, each linking to the map. `names` gives site names where the page knows them.
 */
export function CouncilOverview({
  initiatives,
  names,
  lang,
  siteOnly,
  t,
}: {
  initiatives: PolicyOverviewData['initiatives'];
  names: ReadonlyMap<string, string>;
  lang: Lang;
  siteOnly: boolean;
  t: T;
}) {
  return (
    <section className="timeline-page__section" aria-labelledby="overview-heading" data-testid="council-overview">
      <h2 id="overview-heading">{t('timeline.overviewHeading')}</h2>
      <p className="muted">{siteOnly ? t('timeline.overviewSiteIntro') : t('timeline.overviewIntro')}</p>
      {initiatives.length === 0 && <p className="muted">{t('timeline.noInitiatives')}</p>}
      <ul className="overview">
        {initiatives.map((initiative) => {
          const total = ACTION_PROGRESS.reduce((sum, p) => sum + initiative.counts[p], 0);
          const summary = ACTION_PROGRESS.map((p) => `${initiative.counts[p]} ${t(`progress.${p}`)}`).join(' · ');
          return (
            <li key={initiative.number} className="overview__item" data-testid={`overview-${initiative.number}`}>
              <h3 className="overview__title">
                <span className="overview__number">{t('policy.initiative', { number: initiative.number })}</span>{' '}
                <span lang="da">{initiative.title}</span>
              </h3>
              <div className="overview__bar" aria-hidden="true">
                {ACTION_PROGRESS.map((p) =>
                  initiative.counts[p] === 0 ? null : (
                    <span
                      key={p}
                      className={`overview__segment overview__segment--${p}`}
                      style={{ width: `${(100 * initiative.counts[p]) / Math.max(1, total)}%` }}
                    />
                  ),
                )}
              </div>
              <p className="overview__counts">{t('timeline.countsLabel', { summary })}</p>
              <p className="overview__sites">
                <strong>{t('timeline.sites')}: </strong>
                {initiative.site_ids.length === 0
                  ? t('timeline.noSites')
                  : initiative.site_ids.map((id, i) => (
                      <span key={id}>
                        {i > 0 && ', '}
                        <a href={mapHrefOf({ id, lang })}>{names.get(id) ?? id}</a>
                      </span>
                    ))}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
