import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../client/src/api/ApiError';
import type { KoegeApi } from '../../../../client/src/api/KoegeApi';
import { ProblemError } from '../../../../client/src/api/ProblemError';
import type { EditableTender } from '../../../../client/src/features/tenders/WorkflowTypes';
import { createAppStore } from '../../../../client/src/store/createAppStore';
import { EMPTY_FINDER_FILTERS } from '../../../../client/src/features/finder/FinderFilters';
import { COLLECTIONS, floodAffected, floodExtent, LAYERS, POLICY, siteDetail } from '../fixtures';
import { visitorWorkflowApi } from './visitorWorkflowApi';

const PLANNER = { display_name: 'Planlægger Test', role: 'planner' as const };

const tenderOf = (overrides: Partial<EditableTender> = {}): EditableTender => ({
  site_id: 'kn-1',
  status: 'planned',
  planned_year: 2026,
  opens_on: null,
  closes_on: null,
  notice_url: null,
  version: 3,
  updated_at: '2026-01-01T00:00:00Z',
  allowed: ['in_preparation', 'withdrawn'],
  ...overrides,
});

const problem = (status: number, body: Record<string, unknown> = {}, retryAfterSeconds: number | null = null) =>
  new ProblemError({ status, title: 'x', detail: null, body, retryAfterSeconds });

/** A fake of the HTTP edge that counts calls, with a planner logged in unless overridden. */
function fakeApi(overrides: Partial<KoegeApi> = {}) {
  const calls: string[] = [];
  const api: KoegeApi = {
    getLayers: async () => {
      calls.push('getLayers');
      return { layers: [...LAYERS] };
    },
    getLayerFeatures: async (layerId) => {
      const found = COLLECTIONS[layerId];
      if (!found) throw new ApiError({ status: 404, title: 'Not Found' });
      return found;
    },
    getSite: async (siteId) => {
      calls.push(`getSite ${siteId}`);
      return siteDetail(siteId);
    },
    getPolicy: async () => POLICY,
    getPlots: async (query: string) => {
      calls.push(`getPlots ${query}`.trim());
      return { count: 0, plots: [] };
    },
    getFloodExtent: async (level, dike) => floodExtent(level, dike),
    getFloodAffected: async (level, dike) => floodAffected(level, dike),
    getSiteFlood: async () => {
      throw new ApiError({ status: 404, title: 'Not Found' });
    },
    ...visitorWorkflowApi(),
    getMe: async () => ({ user: PLANNER, csrf_token: 'csrf-1' }),
    getTenderTransitions: async () => ({ states: [], transitions: {}, requires: { open: ['opens_on'] } }),
    getTender: async () => {
      calls.push('getTender');
      return tenderOf();
    },
    ...overrides,
  };
  return { api, calls };
}

async function plannerStore(overrides: Partial<KoegeApi> = {}) {
  const { api, calls } = fakeApi(overrides);
  // An unfiltered finder (its list is then every plot): what the reloads after a save depend on.
  const store = createAppStore({ api, initial: { site: 'kn-1', finder: EMPTY_FINDER_FILTERS } });
  await store.getState().loadMe();
  await store.getState().loadEditTender();
  calls.length = 0;
  return { store, calls };
}

describe('authSlice', () => {
  it('knows a visitor from GET /api/auth/me', async () => {
    const { api } = fakeApi({ getMe: async () => ({ user: null }) });
    const store = createAppStore({ api });
    await store.getState().loadMe();
    expect(store.getState()).toMatchObject({ user: null, csrfToken: null, authStatus: 'ready' });
  });

  it('keeps the user and the CSRF token after a login', async () => {
    const { api } = fakeApi({ login: async () => ({ user: PLANNER, csrf_token: 'csrf-2' }) });
    const store = createAppStore({ api });
    expect(await store.getState().login('planner@example.dk', 'secret')).toBe(true);
    expect(store.getState()).toMatchObject({ user: PLANNER, csrfToken: 'csrf-2', loginFailure: null });
  });

  it('says wrong e-mail or password on 401', async () => {
    const { api } = fakeApi({ login: () => Promise.reject(problem(401)) });
    const store = createAppStore({ api });
    expect(await store.getState().login('a@b.dk', 'x')).toBe(false);
    expect(store.getState().loginFailure).toEqual({ kind: 'credentials' });
  });

  it('passes on the Retry-After of a 429', async () => {
    const { api } = fakeApi({ login: () => Promise.reject(problem(429, {}, 42)) });
    const store = createAppStore({ api });
    await store.getState().login('a@b.dk', 'x');
    expect(store.getState().loginFailure).toEqual({ kind: 'rate-limited', retryAfterSeconds: 42 });
  });

  it('logs out with the CSRF token and forgets the account', async () => {
    const sent: string[] = [];
    const { api } = fakeApi({ logout: async (token) => void sent.push(token) });
    const store = createAppStore({ api });
    await store.getState().loadMe();
    await store.getState().logout();
    expect(sent).toEqual(['csrf-1']);
    expect(store.getState()).toMatchObject({ user: null, csrfToken: null });
  });
});

describe('tenderEditSlice', () => {
  it('sends the version seen and the CSRF token', async () => {
    const sent: unknown[] = [];
    const { store } = await plannerStore({
      changeTender: async (siteId, change, token) => {
        sent.push({ siteId, change, token });
        return { ...tenderOf({ status: 'in_preparation', version: 4 }) };
      },
    });
    await store.getState().saveTender({ to: 'in_preparation', note: 'Klar' });
    expect(sent).toEqual([
      { siteId: 'kn-1', change: { to: 'in_preparation', note: 'Klar', version: 3 }, token: 'csrf-1' },
    ]);
  });

  it('after a save takes the tender from the answer and reloads only what changed: layers, site, a loaded list', async () => {
    const { store, calls } = await plannerStore({
      changeTender: async () => tenderOf({ status: 'in_preparation', version: 4 }),
    });
    store.setState({
      plotsStatus: 'ready',
      tenderTransitions: { states: [], transitions: { in_preparation: ['open', 'withdrawn'] }, requires: {} },
    });
    expect(await store.getState().saveTender({ to: 'in_preparation' })).toBe(true);
    // Neither the tender nor the state machine is asked for again (issue #17: five GETs per save were too many).
    expect([...calls].sort()).toEqual(['getLayers', 'getPlots', 'getSite kn-1']);
    expect(store.getState()).toMatchObject({
      tenderSavedTo: 'in_preparation',
      tenderProblem: null,
      editTender: { status: 'in_preparation', version: 4, allowed: ['open', 'withdrawn'] },
    });
  });

  it('after a save, an unfiltered finder list is every plot too: all plots are not asked for a second time', async () => {
    const { store, calls } = await plannerStore({
      changeTender: async () => tenderOf({ status: 'open', version: 4 }),
    });
    store.setState({ plotsStatus: 'ready', allPlotsStatus: 'ready' });
    await store.getState().saveTender({ to: 'open' });
    await new Promise((r) => setTimeout(r, 0));
    expect(calls.filter((c) => c.startsWith('getPlots'))).toEqual(['getPlots']);
    // With a filter the list is not every plot: those load as well, once.
    calls.length = 0;
    store.setState({ finderFilters: { ...store.getState().finderFilters, minAreaM2: 10_000 } });
    await store.getState().saveTender({ to: 'open' });
    await new Promise((r) => setTimeout(r, 0));
    expect(calls.filter((c) => c.startsWith('getPlots')).sort()).toEqual(['getPlots', 'getPlots ?min_area=10000']);
  });

  it('on a stale version says so and reloads the tender', async () => {
    const { store, calls } = await plannerStore({
      changeTender: () => Promise.reject(problem(412, { current_version: 5 })),
    });
    expect(await store.getState().saveTender({ to: 'withdrawn' })).toBe(false);
    expect(store.getState().tenderProblem).toEqual({ kind: 'stale' });
    expect(calls).toEqual(expect.arrayContaining(['getTender', 'getSite kn-1']));
    expect(calls).not.toContain('getLayers');
  });

  it('forgets the account when the server says the session is gone', async () => {
    const { store } = await plannerStore({ changeTender: () => Promise.reject(problem(401)) });
    await store.getState().saveTender({ to: 'withdrawn' });
    expect(store.getState()).toMatchObject({ user: null, tenderProblem: { kind: 'denied', status: 401 } });
  });
});

describe('progressEditSlice', () => {
  const detail = {
    number: '3.6',
    progress: 'not_started' as const,
    progress_note: null,
    progress_updated_at: null,
    version: 1,
    history: [],
  };

  it('saves with the version seen, then reloads the history', async () => {
    const sent: unknown[] = [];
    let loads = 0;
    const { api } = fakeApi({
      getActionProgress: async () => {
        loads += 1;
        return detail;
      },
      changeActionProgress: async (number, change, token) => {
        sent.push({ number, change, token });
        return { ...detail, progress: 'in_progress', version: 2 };
      },
    });
    const store = createAppStore({ api });
    await store.getState().loadMe();
    await store.getState().loadActionProgress('3.6');
    expect(await store.getState().saveActionProgress('3.6', { progress: 'in_progress' })).toBe(true);
    expect(sent).toEqual([{ number: '3.6', change: { progress: 'in_progress', version: 1 }, token: 'csrf-1' }]);
    expect(loads).toBe(2);
  });
});
