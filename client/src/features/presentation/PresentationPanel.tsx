import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatLevel } from '@shared/i18n/formatLevel';
import { PRESENTATION_FLOOD } from './presentationSlice';
import { summariseInitiative } from '../policy';
import { useAppStore } from '../../store/useAppStore';
import { useT } from '../../app/useT';

/**
 * The presentation for council meetings (issue #7): one step per policy initiative, in large type, with its goal and
 * how far its actions have come, while the map frames its sites. ArrowRight/ArrowLeft move, Esc leaves (App.tsx).
 */
export function PresentationPanel() {
  const t = useT();
  const { step, policy, policyStatus, lang, flood, goToStep, stop } = useAppStore(
    useShallow((state) => ({
      step: state.presentStep,
      policy: state.policy,
      policyStatus: state.policyStatus,
      lang: state.lang,
      flood: state.presentFlood,
      goToStep: state.goToStep,
      stop: state.stopPresentation,
    })),
  );
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Each step is a new slide: screen readers and the keyboard start at its heading.
    headingRef.current?.focus();
  }, [step, policyStatus]);
  if (step === null) return null;
  const count = policy?.initiatives.length ?? 0;
  const initiative = policy?.initiatives[step - 1];
  const summary = initiative === undefined ? null : summariseInitiative(initiative);
  const link = `?present=${step}${lang === 'en' ? '&lang=en' : ''}`;

  return (
    <section
      className="presentation"
      data-testid="presentation"
      data-step={step}
      aria-labelledby="presentation-heading"
      aria-roledescription={t('present.roleDescription')}
    >
      <p className="presentation__kicker" data-testid="presentation-progress">
        {t('present.stepOf', { step, count: count || '…' })}
      </p>
      {initiative === undefined || summary === null ? (
        <h2 id="presentation-heading" ref={headingRef} tabIndex={-1} className="presentation__title">
          {t('loading.policy')}
        </h2>
      ) : (
        <>
          <h2 id="presentation-heading" ref={headingRef} tabIndex={-1} className="presentation__title">
            <span className="presentation__number">{t('policy.initiative', { number: initiative.number })}</span>
            <span lang="da">{initiative.title}</span>
          </h2>
          <p className="presentation__goal">
            <strong>{t('policy.goal')}: </strong>
            <span lang="da">{initiative.goal}</span>
          </p>
          <h3 className="presentation__subheading">{t('present.actions', { count: initiative.actions.length })}</h3>
          <ul className="presentation__progress" data-testid="presentation-progress-counts">
            {(['not_started', 'in_progress', 'done'] as const).map((progress) => (
              <li key={progress} className={`presentation__count presentation__count--${progress}`}>
                <span className="presentation__count-number" data-testid={`presentation-count-${progress}`}>
                  {summary.progress[progress]}
                </span>
                {t(`progress.${progress}`)}
              </li>
            ))}
          </ul>
          <p className="presentation__map-note">
            {summary.sites.length === 0
              ? t('present.noSites')
              : summary.sites.length === 1
                ? t('present.sitesOne')
                : t('present.sitesOther', { count: summary.sites.length })}
          </p>
          {summary.showsFlood && (
            <p className="warning warning--mild presentation__flood" data-testid="presentation-flood">
              {t('present.flood', { level: formatLevel({ metres: PRESENTATION_FLOOD.level, lang }) })}
              {flood !== null &&
                ` ${t('climate.terrain', { terrain: t(`flood.terrain.${flood.properties.accuracy}`) })}`}
            </p>
          )}
        </>
      )}
      <nav className="presentation__nav" aria-label={t('present.navLabel')}>
        <button
          type="button"
          className="button presentation__button"
          data-testid="presentation-prev"
          disabled={step <= 1}
          onClick={() => goToStep(step - 1)}
        >
          {t('present.previous')}
        </button>
        <button
          type="button"
          className="button presentation__button"
          data-testid="presentation-next"
          disabled={count > 0 && step >= count}
          onClick={() => goToStep(step + 1)}
        >
          {t('present.next')}
        </button>
        <button
          type="button"
          className="button button--ghost presentation__button"
          data-testid="presentation-exit"
          onClick={stop}
        >
          {t('present.exit')}
        </button>
      </nav>
      <p className="presentation__hint">{t('present.keys')}</p>
      <p className="presentation__hint">
        <a href={link} data-testid="presentation-link">
          {t('present.link')}
        </a>
      </p>
    </section>
  );
}
