import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DIKE_CREST_LEVEL } from '@shared/flood/floodScenarios';
import { formatLength } from '@shared/i18n/formatLength';
import { formatLevel } from '@shared/i18n/formatLevel';
import { overtopsDike } from './ClimateScenario';
import { useAppStore } from '../../store/useAppStore';
import { useT } from '../../app/useT';

/** Køge Dige (issue #7): its sections, their status, the crest, what it protects, and whether the level overtops it. */
export function DikePanel() {
  const t = useT();
  const { sections, status, loadDike, level, dike, lang, selectSite } = useAppStore(
    useShallow((state) => ({
      sections: state.dikeSections,
      status: state.dikeStatus,
      loadDike: state.loadDike,
      level: state.climate.level,
      dike: state.climate.dike,
      lang: state.lang,
      selectSite: state.selectSite,
    })),
  );
  useEffect(() => {
    if (status === 'idle') void loadDike();
  }, [status, loadDike]);
  const over = overtopsDike(level);
  const params = {
    level: formatLevel({ metres: level, lang }),
    crest: formatLevel({ metres: DIKE_CREST_LEVEL, lang }),
  };

  return (
    <section className="climate-section" aria-labelledby="dike-heading" data-testid="dike-panel">
      <h3 id="dike-heading" className="climate-section__heading">
        {t('dike.heading')}
      </h3>
      <p className={over ? 'warning' : 'climate-dike__verdict'} data-testid="dike-overtop" data-overtops={String(over)}>
        {t(over ? 'dike.overtops' : 'dike.holds', params)}
        {dike === 'without' && ` ${t('dike.shownWithout')}`}
      </p>
      <dl className="dike-facts">
        <dt>{t('dike.crest')}</dt>
        <dd>{t('dike.crestValue', { crest: params.crest })}</dd>
        <dt>{t('dike.protects')}</dt>
        <dd>{t('dike.protectsValue')}</dd>
        <dt>{t('dike.source')}</dt>
        <dd>koege.dk (Køge Dige)</dd>
      </dl>
      {status === 'loading' && <p className="muted">{t('dike.loading')}</p>}
      {status === 'error' && <p className="muted">{t('dike.error')}</p>}
      {sections.length > 0 && (
        <ul className="dike-sections" aria-label={t('dike.sections')}>
          {sections.map((section) => {
            const { status: sectionStatus, from, to } = section.attributes;
            return (
              <li key={section.id} className="dike-section" data-testid="dike-section">
                <button type="button" className="link-button" onClick={() => selectSite(section.id, section.layer)}>
                  <span lang="da">{section.name}</span>
                </button>
                <span className="dike-section__line">
                  {typeof from === 'string' && typeof to === 'string' && <span lang="da">{`${from} – ${to}`}</span>}
                  {section.length_m !== null && ` · ${formatLength({ metres: section.length_m, lang })}`}
                </span>
                {typeof sectionStatus === 'string' && (
                  <span className="dike-section__line">
                    {t('dike.status')}: <span lang="da">{sectionStatus}</span>
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
