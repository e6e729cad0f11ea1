import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../store/useAppStore';
import { AccountMenu } from '../features/auth/AccountMenu';
import { TimelineLink } from '../features/site/TimelineLink';
import { SearchBox } from '../features/search';
import { useT } from './useT';

/**
 * The page header: title, the presentation for council meetings, the timeline, the account and the language
 * switch. On a phone (issue #20) the controls fold into a menu behind one button.
 */
export function Header() {
  const t = useT();
  const lang = useAppStore((state) => state.lang);
  const setLang = useAppStore((state) => state.setLang);
  const presenting = useAppStore((state) => state.presentStep !== null);
  const goToStep = useAppStore((state) => state.goToStep);
  const stopPresentation = useAppStore((state) => state.stopPresentation);
  const other = lang === 'da' ? 'en' : 'da';
  const [menuOpen, setMenuOpen] = useState(false);
  const headerRef = useRef<HTMLElement>(null);

  // The open menu closes on Escape and on a press outside the header (a dialog it opened is not outside).
  useEffect(() => {
    if (!menuOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setMenuOpen(false);
    };
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      if (target && !headerRef.current?.contains(target) && !target.closest('[role="dialog"]')) setMenuOpen(false);
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('pointerdown', onPointerDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('pointerdown', onPointerDown);
    };
  }, [menuOpen]);

  return (
    <header className="app-header" ref={headerRef}>
      <div className="app-header__titles">
        <h1 className="app-header__title">{t('app.title')}</h1>
        <p className="app-header__subtitle">{t('app.subtitle')}</p>
      </div>
      <SearchBox />
      <button
        type="button"
        className="button button--ghost app-header__menu-toggle"
        data-testid="header-menu-toggle"
        aria-expanded={menuOpen}
        aria-controls="header-actions"
        aria-label={t('layout.menuLabel')}
        onClick={() => setMenuOpen(!menuOpen)}
      >
        <span className="app-header__menu-icon" aria-hidden="true" />
        {t('layout.menu')}
      </button>
      <div
        id="header-actions"
        className={`app-header__actions${menuOpen ? ' app-header__actions--open' : ''}`}
        data-testid="header-actions"
      >
        <button
          type="button"
          className="button button--ghost app-header__present"
          data-testid="presentation-toggle"
          aria-pressed={presenting}
          onClick={() => {
            setMenuOpen(false);
            if (presenting) stopPresentation();
            else goToStep(1);
          }}
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
      </div>
    </header>
  );
}
