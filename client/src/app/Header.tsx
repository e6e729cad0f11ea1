import { useAppStore } from '../store/useAppStore';
import { useT } from './useT';

/** The page header: title and the language switch. */
export function Header() {
  const t = useT();
  const lang = useAppStore((state) => state.lang);
  const setLang = useAppStore((state) => state.setLang);
  const other = lang === 'da' ? 'en' : 'da';
  return (
    <header className="app-header">
      <div className="app-header__titles">
        <h1 className="app-header__title">{t('app.title')}</h1>
        <p className="app-header__subtitle">{t('app.subtitle')}</p>
      </div>
      <button
        type="button"
        className="button button--ghost"
        data-testid="lang-switch"
        lang={other}
        aria-label={t('lang.switchLabel')}
        onClick={() => setLang(other)}
      >
        {t('lang.switch')}
      </button>
    </header>
  );
}
