import { useCallback, useEffect } from 'react';
import type { KoegeApi } from '../api/KoegeApi';
import type { Plot } from '@shared/schemas/plot';
import type { SiteDetail, Tender } from '@shared/schemas/site';
import { formatArea } from '@shared/i18n/formatArea';
import { formatDate } from '@shared/i18n/formatDate';
import { formatLength } from '@shared/i18n/formatLength';
import type { Lang } from '@shared/i18n/Lang';
import type { MessageKey } from '@shared/i18n/da';
import { isMessageKey, translate } from '../app/i18n';
import { ExposeFloodSection } from '../features/expose/ExposeFloodSection';
import { ExposeMap } from '../features/expose/ExposeMap';
import { mapHrefOf } from '../features/expose/exposeUrl';
import { loadExpose, type ExposeData } from '../features/expose/loadExpose';
import { TenderHistory } from '../features/tenders/TenderHistory';
import { TenderStatusBadge } from '../features/tenders/TenderStatusBadge';
import { usePageData } from '../app/usePageData';
import { Fact } from '../features/site/Fact';
import { PlanFacts } from '../features/site/PlanFacts';
import '../features/expose/expose.css';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The municipality's own site: the only contact route the exposé names (no invented people or numbers). */
const CONTACT_SITE = 'koege.dk';
const CONTACT_URL = 'https://www.koege.dk';

/**
 * A printable exposé of one plot (issue #4): a full page instead of the map shell, laid out for A4 portrait.
 * `id` is null when the link's id cannot be a site id; the page then says "not found" without asking the API.
 */
export function ExposePage({ api, id, lang }: { api: KoegeApi; id: string | null; lang: Lang }) {
  const t = useCallback<T>((key, params) => translate(lang, key, params), [lang]);
  const { state, retry } = usePageData<ExposeData>(id === null ? null : () => loadExpose({ api, id }), id ?? '');

  const name = state.status === 'ready' ? state.data.site.name : null;
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = name === null ? `${t('expose.link')} – ${t('app.title')}` : t('expose.docTitle', { name });
  }, [lang, name, t]);

  // The browser test's marker: the page has settled (loaded, not found or failed).
  useEffect(() => {
    const root = document.documentElement;
    if (state.status === 'loading') {
      delete root.dataset.exposeReady;
    } else {
      root.dataset.exposeReady = 'true';
    }
    root.dataset.exposeStatus = state.status;
  }, [state.status]);

  const siteId = state.status === 'ready' ? state.data.site.id : id;
  return (
    <div className="expose">
      <nav className="expose__toolbar no-print" aria-label={t('expose.toolbar')}>
        <a className="expose__back" href={mapHrefOf({ id: siteId, lang })} data-testid="expose-back">
          <span aria-hidden="true">← </span>
          {t('expose.back')}
        </a>
        {state.status === 'ready' && (
          <button type="button" className="button" data-testid="expose-print" onClick={() => window.print()}>
            {t('expose.print')}
          </button>
        )}
        {state.status === 'ready' && (
          <a
            className="button"
            href={`/api/plots/${encodeURIComponent(state.data.site.id)}/expose.pdf?lang=${lang}`}
            download
            data-testid="expose-download-pdf"
          >
            {t('expose.downloadPdf')}
          </a>
        )}
      </nav>
      <main className="expose__page" data-testid="expose">
        {state.status === 'loading' && (
          <p role="status" className="muted">
            {t('expose.loading')}
          </p>
        )}
        {state.status === 'not-found' && (
          <div className="expose__notfound" data-testid="expose-not-found">
            <h1 className="expose__title">{t('expose.notFoundTitle')}</h1>
            <p>{id === null ? t('expose.notFoundNoId') : t('expose.notFound', { id })}</p>
          </div>
        )}
        {state.status === 'error' && (
          <div className="warning" role="alert" data-testid="expose-error">
            <p>
              {t('expose.error')} <span className="error-banner__detail">{state.message}</span>
            </p>
            <button type="button" className="button button--small" onClick={retry}>
              {t('error.retry')}
            </button>
          </div>
        )}
        {state.status === 'ready' && <ExposeBody data={state.data} lang={lang} t={t} />}
      </main>
    </div>
  );
}

function ExposeBody({ data, lang, t }: { data: ExposeData; lang: Lang; t: T }) {
  const { site, plot } = data;
  const kindKey = `kind.${site.kind}`;
  const pageUrl = `${window.location.origin}${window.location.pathname}${window.location.search}`;
  return (
    <article className="expose__article" aria-labelledby="expose-title">
      <header className="expose__header">
        <p className="expose__kicker">{t('expose.kicker')}</p>
        <h1 id="expose-title" className="expose__title" data-testid="expose-name">
          {site.name}
        </h1>
        <p className="expose__kind">
          {isMessageKey(kindKey) ? t(kindKey) : site.kind}
          {site.plan_use && ` · ${t(`planUse.${site.plan_use}`)}`}
        </p>
      </header>

      {site.accuracy === 'illustrative' && (
        <p className="warning" role="note" data-testid="expose-illustrative-warning">
          {t('accuracy.warningIllustrative')}
        </p>
      )}

      <section className="expose__section expose__section--map" aria-labelledby="expose-map-heading">
        <h2 id="expose-map-heading" className="expose__heading">
          {t('expose.map')}
        </h2>
        <figure className="expose__figure">
          <ExposeMap
            frame={data.frame}
            features={data.features}
            lang={lang}
            labels={{
              title: t('expose.mapTitle', { name: site.name }),
              desc: (scale) => t('expose.mapDesc', { scale }),
              north: t('expose.north'),
            }}
          />
          <figcaption className="expose__caption">
            <ul className="expose__legend">
              {(['plot', 'neighbour', 'motorway', 'rail', 'station'] as const).map((role) => (
                <li key={role}>
                  <span className={`expose__swatch expose__swatch--${role}`} aria-hidden="true" />
                  {t(`expose.legend.${role}`)}
                </li>
              ))}
            </ul>
            <p className="muted">{t('expose.mapNote')}</p>
          </figcaption>
        </figure>
      </section>

      <KeyFigures site={site} plot={plot} lang={lang} t={t} />
      <ExposeFloodSection flood={data.flood} lang={lang} t={t} />
      <TenderSection tender={site.tender} lang={lang} t={t} />

      <section className="expose__section" aria-labelledby="expose-actions-heading">
        <h2 id="expose-actions-heading" className="expose__heading">
          {t('expose.actions')}
        </h2>
        {site.actions.length === 0 ? (
          <p className="muted">{t('site.noActions')}</p>
        ) : (
          <ul className="expose__actions" data-testid="expose-actions">
            {site.actions.map((action) => (
              <li key={action.number} data-action={action.number}>
                <p>
                  <strong>{action.number}</strong> <span lang="da">{action.text}</span>
                </p>
                <p className="muted">
                  {t('policy.initiative', { number: action.initiative.number })}:{' '}
                  <span lang="da">{action.initiative.title}</span> · {t(`progress.${action.progress}`)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="expose__section" aria-labelledby="expose-source-heading">
        <h2 id="expose-source-heading" className="expose__heading">
          {t('expose.source')}
        </h2>
        <p lang="da">{site.source}</p>
        <p data-testid="expose-accuracy" data-accuracy={site.accuracy}>
          <strong>{t('site.accuracy')}:</strong> {t(`accuracy.${site.accuracy}`)}
        </p>
        {site.accuracy === 'approximate' && (
          <p className="warning warning--mild" role="note">
            {t('accuracy.warningApproximate')}
          </p>
        )}
      </section>

      <section className="expose__section" aria-labelledby="expose-contact-heading" data-testid="expose-contact">
        <h2 id="expose-contact-heading" className="expose__heading">
          {t('expose.contact')}
        </h2>
        <p>
          <strong>{t('expose.contactName')}</strong>
        </p>
        <p>
          {t('expose.contactVia', { site: '' })}
          <a href={CONTACT_URL}>{CONTACT_SITE}</a>
        </p>
      </section>

      <p className="expose__generated muted">{t('expose.generated', { url: pageUrl })}</p>
    </article>
  );
}

function KeyFigures({ site, plot, lang, t }: { site: SiteDetail; plot: Plot | null; lang: Lang; t: T }) {
  const notSet = <span className="muted">{t('site.notSet')}</span>;
  const nearest = (value: Plot['nearest_station']) =>
    value === null
      ? notSet
      : t('expose.distanceTo', { distance: formatLength({ metres: value.distance_m, lang }), name: value.name });
  return (
    <section className="expose__section" aria-labelledby="expose-facts-heading">
      <h2 id="expose-facts-heading" className="expose__heading">
        {t('expose.facts')}
      </h2>
      <dl className="expose__facts">
        <Fact className="expose__fact" label={t('expose.areaHa')} testId="expose-area">
          {site.area_m2 !== null ? formatArea({ m2: site.area_m2, lang }) : notSet}
        </Fact>
        <PlanFacts site={site} lang={lang} t={t} rowClassName="expose__fact" />
        <Fact className="expose__fact" label={t('expose.nearestStation')} testId="expose-station">
          {plot === null ? <span className="muted">{t('expose.notComputed')}</span> : nearest(plot.nearest_station)}
        </Fact>
        <Fact className="expose__fact" label={t('expose.nearestJunction')} testId="expose-junction">
          {plot === null ? <span className="muted">{t('expose.notComputed')}</span> : nearest(plot.nearest_junction)}
        </Fact>
      </dl>
      {site.description && (
        <p className="expose__description" lang="da">
          {site.description}
        </p>
      )}
    </section>
  );
}

function TenderSection({ tender, lang, t }: { tender: Tender | null; lang: Lang; t: T }) {
  return (
    <section className="expose__section" aria-labelledby="expose-tender-heading">
      <h2 id="expose-tender-heading" className="expose__heading">
        {t('expose.tender')}
      </h2>
      {tender === null ? (
        <p className="muted">{t('site.noTender')}</p>
      ) : (
        <>
          <dl className="expose__facts">
            <Fact className="expose__fact" label={t('site.tenderStatus')}>
              <TenderStatusBadge status={tender.status} lang={lang} testId="expose-tender-status" />
            </Fact>
            <Fact className="expose__fact" label={t('site.plannedYear')}>
              {tender.planned_year !== null ? String(tender.planned_year) : <span className="muted">–</span>}
            </Fact>
            <Fact className="expose__fact" label={t('site.opensOn')}>
              {tender.opens_on !== null ? formatDate({ isoDate: tender.opens_on, lang }) : '–'}
            </Fact>
            <Fact className="expose__fact" label={t('site.closesOn')}>
              {tender.closes_on !== null ? formatDate({ isoDate: tender.closes_on, lang }) : '–'}
            </Fact>
          </dl>
          <h3 className="expose__subheading">{t('site.history')}</h3>
          <TenderHistory history={tender.history} lang={lang} variant="print" testId="expose-history" />
        </>
      )}
    </section>
  );
}
