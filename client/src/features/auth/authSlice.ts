import type { KoegeApi } from '../../api/KoegeApi';
import { ProblemError } from '../../api/ProblemError';
import type { AuthUser } from '../tenders';
import type { AppSlice, LoadStatus } from '../../store/AppState';
import { errorMessage } from '../../store/errorMessage';

/** Why a login failed: the server answers one 401 for unknown e-mail, wrong password and disabled account. */
export type LoginFailure =
  | { kind: 'credentials' }
  | { kind: 'rate-limited'; retryAfterSeconds: number | null }
  | { kind: 'error'; message: string };

export interface AuthSlice {
  /** The logged-in account (display name and role); null for a visitor. */
  user: AuthUser | null;
  /** The session's CSRF token, sent with every change; the session itself is an HttpOnly cookie. */
  csrfToken: string | null;
  /** Progress of `GET /api/auth/me` at start. */
  authStatus: LoadStatus;
  loginPending: boolean;
  loginFailure: LoginFailure | null;
  /** Asks the server who is logged in (the cookie survives reloads). */
  loadMe(): Promise<void>;
  /** Logs in; resolves true on success. */
  login(email: string, password: string): Promise<boolean>;
  logout(): Promise<void>;
  /** Forgets the account after the server said the session is gone (401 on a change). */
  sessionEnded(): void;
  clearLoginFailure(): void;
}

/** True when the account may change tenders and action progress (planner or admin). */
export function canEditWorkflow(user: AuthUser | null): boolean {
  return user?.role === 'planner' || user?.role === 'admin';
}

export function createAuthSlice({ api }: { api: KoegeApi }): AppSlice<AuthSlice> {
  return (set, get) => ({
    user: null,
    csrfToken: null,
    authStatus: 'idle',
    loginPending: false,
    loginFailure: null,
    async loadMe() {
      set({ authStatus: 'loading' });
      try {
        const me = await api.getMe();
        set({ user: me.user, csrfToken: me.csrf_token ?? null, authStatus: 'ready' });
      } catch {
        // Who is logged in only adds editing; the public map works without knowing.
        set({ authStatus: 'error' });
      }
    },
    async login(email, password) {
      set({ loginPending: true, loginFailure: null });
      try {
        const answer = await api.login(email, password);
        set({ user: answer.user, csrfToken: answer.csrf_token, loginPending: false });
        return true;
      } catch (error) {
        const loginFailure: LoginFailure =
          error instanceof ProblemError && error.status === 401
            ? { kind: 'credentials' }
            : error instanceof ProblemError && error.status === 429
              ? { kind: 'rate-limited', retryAfterSeconds: error.retryAfterSeconds }
              : { kind: 'error', message: errorMessage(error) };
        set({ loginPending: false, loginFailure });
        return false;
      }
    },
    async logout() {
      const token = get().csrfToken;
      try {
        if (token !== null) await api.logout(token);
      } catch {
        // Logged out here even when the server could not be reached: the session then expires on its own.
      }
      get().sessionEnded();
    },
    sessionEnded() {
      set({ user: null, csrfToken: null });
    },
    clearLoginFailure: () => set({ loginFailure: null }),
  });
}
