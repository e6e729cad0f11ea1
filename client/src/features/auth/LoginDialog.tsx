import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { LoginFailure } from './authSlice';
import { useAppStore } from '../../store/useAppStore';
import { useT } from '../../app/useT';

/** The login failure as a sentence; the server says the same for an unknown e-mail and a wrong password. */
function failureText(failure: LoginFailure, t: ReturnType<typeof useT>): string {
  switch (failure.kind) {
    case 'credentials':
      return t('account.wrongCredentials');
    case 'rate-limited':
      return failure.retryAfterSeconds === null
        ? t('account.rateLimitedLater')
        : t('account.rateLimited', { seconds: failure.retryAfterSeconds });
    case 'error':
      return t('account.error', { message: failure.message });
  }
}

/**
 * The staff login as a modal dialog: e-mail, password, and the server's refusal in words. Escape and Cancel
 * close it; `onClose` is called after a login too, and the opener gets the focus back.
 */
export function LoginDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const headingId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { login, loginPending, loginFailure, clearLoginFailure } = useAppStore(
    useShallow((state) => ({
      login: state.login,
      loginPending: state.loginPending,
      loginFailure: state.loginFailure,
      clearLoginFailure: state.clearLoginFailure,
    })),
  );

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    emailRef.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      clearLoginFailure();
      const back = opener?.isConnected
        ? opener
        : document.querySelector<HTMLElement>('[data-testid="account-menu"] button');
      back?.focus();
    };
  }, [clearLoginFailure]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await login(email.trim(), password)) onClose();
    else setPassword('');
  };

  return (
    <dialog
      ref={dialogRef}
      className="login-dialog"
      data-testid="login-dialog"
      aria-labelledby={headingId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => {
        // Escape closes the dialog only, not the site panel behind it (the shell listens on window).
        if (event.key === 'Escape') event.stopPropagation();
      }}
    >
      <form className="login-dialog__form" onSubmit={(event) => void onSubmit(event)}>
        <h2 id={headingId} className="site-panel__heading">
          {t('account.dialogTitle')}
        </h2>
        <label className="field">
          <span className="field__label">{t('account.email')}</span>
          <input
            ref={emailRef}
            type="email"
            name="email"
            autoComplete="username"
            required
            maxLength={254}
            value={email}
            data-testid="login-email"
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('account.password')}</span>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            maxLength={256}
            value={password}
            data-testid="login-password"
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {loginFailure !== null && (
          <p className="form-error" role="alert" data-testid="login-error">
            {failureText(loginFailure, t)}
          </p>
        )}
        <div className="login-dialog__buttons">
          <button type="submit" className="button" data-testid="login-submit" disabled={loginPending}>
            {loginPending ? t('account.pending') : t('account.submit')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('account.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
