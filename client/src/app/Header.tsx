import { useAppStore } from '../store/useAppStore';
import { AccountMenu } from '../features/auth/AccountMenu';
import { TimelineLink } from '../features/site/TimelineLink';
import { SearchBox } from '../features/search';
import { useT } from './useT';

/** The page header: title, the presentation for council meetings and the language switch. */
export function Header() {
  const t = useT();
  const lang = useAppStore((state) => state.lang);
  const setLang = useAppStore((state) => state.setLang);
  const presenting = useAppStore((state) => state.presentStep !== null);
  const goToStep = useAppStore((state) => state.goToStep);
  const stopPresentation = useAppStore((state) => state.stopPresentation);
  const other = lang === 'da' ? 'en' : 'da';
  return (
    <header className="app-header">
      <div className="app-header__titles">
        <h1 className="app-header__title">{t('app.title')}</h1>
        <p className="app-header__subtitle">{t('app.subtitle')}</p>
      </div>
      <SearchBox />
      <button
        type="button"
        className="button button--ghost app-header__present"
        data-testid="presentation-toggle"
        aria-pressed={presenting}
        onClick={() => (presenting ? stopPresentation() : goToStep(1))}
      >
        {t('present.start')}
      </button>
      <TimelineLink />
      <AccountMenu />
      <button
        type="button"
        className="button button--ghost"
        data-testid="lang-switch"
        lang={other}
        aria-label={t('lang.switchLabel')}
        onClick={() => void setLang(other)}
      >
        {t('lang.switch')}
      </button>
    </header>
  );
}
