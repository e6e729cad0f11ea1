import { Suspense } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SiteDetail, Tender } from '@shared/schemas/site';
import { formatArea } from '@shared/i18n/formatArea';
import { formatDate } from '@shared/i18n/formatDate';
import { formatLength } from '@shared/i18n/formatLength';
import { formatNumber } from '@shared/i18n/formatNumber';
import type { Lang } from '@shared/i18n/Lang';
import { useAppStore } from '../../store/useAppStore';
import { isMessageKey } from '../../app/i18n';
import { ExposeLink } from '../expose';
import { ShortlistToggle } from '../shortlist';
import { TenderHistory } from '../tenders';
import { CoveringPlansSection } from './CoveringPlansSection';
import { SiteTimelineLink } from './SiteTimelineLink';
import { TenderWorkflowForm } from '../tenders';
import { canEditWorkflow } from '../auth';
import { TenderStatusBadge } from '../tenders';
import { useT } from '../../app/useT';
import { Fact } from './Fact';
import { PlanFacts } from './PlanFacts';

/** The selected site: facts, tender, linked policy actions, source and accuracy. */
export function SitePanel() {
  const t = useT();
  const { selectedSiteId, site, siteStatus, lang, selectSite } = useAppStore(
    useShallow((state) => ({
      selectedSiteId: state.selectedSiteId,
      site: state.site,
      siteStatus: state.siteStatus,
      lang: state.lang,
      selectSite: state.selectSite,
    })),
  );
  if (selectedSiteId === null) return null;
  return (
    <aside className="site-panel" data-testid="site-panel" aria-labelledby="site-panel-heading">
      <div className="site-panel__top">
        <h2 id="site-panel-heading" className="site-panel__heading">
          {site?.name ?? selectedSiteId}
        </h2>
        <button
          type="button"
          className="button button--icon"
          data-testid="site-panel-close"
          aria-label={t('site.closeLabel')}
          title={t('site.close')}
          onClick={() => selectSite(null)}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {siteStatus === 'loading' && (
        <p className="panel__muted" role="status" data-testid="site-loading">
          {t('loading.site')}
        </p>
      )}
      {siteStatus === 'error' && <p className="panel__muted">{t('error.site')}</p>}
      {site && <SiteBody site={site} lang={lang} />}
    </aside>
  );
}

function SiteBody({ site, lang }: { site: SiteDetail; lang: Lang }) {
  const t = useT();
  const editor = useAppStore((state) => canEditWorkflow(state.user));
  const kindKey = `kind.${site.kind}`;
  const kindLabel = isMessageKey(kindKey) ? t(kindKey) : site.kind;
  return (
    <div className="site-panel__body">
      <p className="site-panel__kind">
        {kindLabel}
        {site.plan_use && ` · ${t(`planUse.${site.plan_use}`)}`}
      </p>
      {site.kind === 'plot' && (
        <p className="site-panel__shortlist">
          <ShortlistToggle plotId={site.id} name={site.name} />{' '}
          <ExposeLink plot={site} lang={lang} testId="site-expose-link" />
        </p>
      )}
      {/* Data truth: say at once, not only at the bottom, when the drawn shape is not a real boundary. */}
      {site.accuracy === 'illustrative' && (
        <p className="warning" role="note" data-testid="site-illustrative-warning">
          {t('accuracy.warningIllustrative')}
        </p>
      )}

      <section aria-labelledby="site-facts">
        <h3 id="site-facts" className="site-panel__subheading">
          {t('site.facts')}
        </h3>
        <dl className="facts">
          {site.area_m2 !== null && (
            <Fact className="facts__row" label={t('site.area')} testId="site-area">
              {formatArea({ m2: site.area_m2, lang })}
            </Fact>
          )}
          {site.length_m !== null && (
            <Fact className="facts__row" label={t('site.length')} testId="site-length">
              {formatLength({ metres: site.length_m, lang })}
            </Fact>
          )}
          <PlanFacts site={site} lang={lang} t={t} rowClassName="facts__row" />
        </dl>
        {site.description && (
          <p className="site-panel__description" lang="da">
            {site.description}
          </p>
        )}
      </section>

      <CoveringPlansSection plans={site.plans} />

      <AttributesSection attributes={site.attributes} lang={lang} />

      <TenderSection tender={site.tender} lang={lang} />
      {site.tender !== null && editor && (
        <Suspense fallback={null}>
          <TenderWorkflowForm siteId={site.id} />
        </Suspense>
      )}
      {site.tender !== null && <SiteTimelineLink siteId={site.id} />}

      <section aria-labelledby="site-actions-heading">
        <h3 id="site-actions-heading" className="site-panel__subheading">
          {t('site.actions')}
        </h3>
        {site.actions.length === 0 && <p className="muted">{t('site.noActions')}</p>}
        <ul className="linked-actions" data-testid="site-actions">
          {site.actions.map((action) => (
            <li key={action.number} className="linked-action">
              <p className="linked-action__text">
                <strong className="linked-action__number">{action.number}</strong> <span lang="da">{action.text}</span>
              </p>
              <p className="linked-action__meta">
                {t('policy.initiative', { number: action.initiative.number })}:{' '}
                <span lang="da">{action.initiative.title}</span> · {t(`progress.${action.progress}`)}
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="site-source-heading">
        <h3 id="site-source-heading" className="site-panel__subheading">
          {t('site.source')}
        </h3>
        <p className="site-panel__source" lang="da">
          {site.source}
        </p>
        <div className="accuracy" data-testid="site-accuracy" data-accuracy={site.accuracy}>
          <p>
            <strong>{t('site.accuracy')}:</strong> {t(`accuracy.${site.accuracy}`)}
          </p>
          {site.accuracy === 'approximate' && (
            <p className="warning warning--mild" role="note">
              {t('accuracy.warningApproximate')}
            </p>
          )}
        </div>
      </section>
    </div>
  );
}

/** A plain attribute value as text (numbers in the UI language, lists joined); null for anything else. */
function attributeText(value: unknown, lang: Lang): string | null {
  if (typeof value === 'number') return formatNumber({ value, lang, maxFractionDigits: 2 });
  if (typeof value === 'string' && value !== '') return value;
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) return value.join(', ');
  return null;
}

/** Free-form attributes from the seed data; only plain values are shown, as text, under translated labels. */
function AttributesSection({ attributes, lang }: { attributes: Record<string, unknown>; lang: Lang }) {
  const t = useT();
  const rows = Object.entries(attributes).flatMap(([key, value]) => {
    const text = attributeText(value, lang);
    const labelKey = `attr.${key}`;
    return text === null ? [] : [{ key, text, label: isMessageKey(labelKey) ? t(labelKey) : key.replace(/_/g, ' ') }];
  });
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="site-attributes-heading">
      <h3 id="site-attributes-heading" className="site-panel__subheading">
        {t('site.attributes')}
      </h3>
      <dl className="facts">
        {rows.map(({ key, text, label }) => (
          <Fact className="facts__row" key={key} label={label}>
            <span lang="da">{text}</span>
          </Fact>
        ))}
      </dl>
    </section>
  );
}

function TenderSection({ tender, lang }: { tender: Tender | null; lang: Lang }) {
  const t = useT();
  return (
    <section aria-labelledby="site-tender-heading">
      <h3 id="site-tender-heading" className="site-panel__subheading">
        {t('site.tender')}
      </h3>
      {tender === null ? (
        <p className="muted">{t('site.noTender')}</p>
      ) : (
        <>
          <dl className="facts">
            <Fact className="facts__row" label={t('site.tenderStatus')}>
              <TenderStatusBadge status={tender.status} lang={lang} testId="site-tender-status" />
            </Fact>
            {tender.planned_year !== null && (
              <Fact className="facts__row" label={t('site.plannedYear')}>
                {String(tender.planned_year)}
              </Fact>
            )}
            {tender.opens_on !== null && (
              <Fact className="facts__row" label={t('site.opensOn')}>
                {formatDate({ isoDate: tender.opens_on, lang })}
              </Fact>
            )}
            {tender.closes_on !== null && (
              <Fact className="facts__row" label={t('site.closesOn')}>
                {formatDate({ isoDate: tender.closes_on, lang })}
              </Fact>
            )}
          </dl>
          <h4 className="site-panel__minorheading">{t('site.history')}</h4>
          <TenderHistory history={tender.history} lang={lang} variant="panel" />
        </>
      )}
    </section>
  );
}
