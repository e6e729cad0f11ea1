import { lazy, Suspense, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/useAppStore';
import { useT } from '../../app/useT';

/** Few log in: the dialog's code loads when it first opens. */
const LoginDialog = lazy(() => import('./LoginDialog').then((module) => ({ default: module.LoginDialog })));

/** The header's account control: "Log ind" for a visitor; the display name, role and "Log ud" when logged in. */
export function AccountMenu() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const { user, logout } = useAppStore(useShallow((state) => ({ user: state.user, logout: state.logout })));
  return (
    <div className="account-menu" data-testid="account-menu">
      {user === null ? (
        <button
          type="button"
          className="button button--ghost"
          data-testid="login-open"
          aria-haspopup="dialog"
          aria-label={t('account.loginLabel')}
          onClick={() => setOpen(true)}
        >
          {t('account.login')}
        </button>
      ) : (
        <>
          <span className="account-menu__user" data-testid="account-user">
            {t('account.signedInAs', { name: user.display_name, role: t(`role.${user.role}`) })}
          </span>
          <button type="button" className="button button--ghost" data-testid="logout" onClick={() => void logout()}>
            {t('account.logout')}
          </button>
        </>
      )}
      {open && user === null && (
        <Suspense fallback={null}>
          <LoginDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
