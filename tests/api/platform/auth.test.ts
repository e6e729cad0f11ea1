import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { buildApp } from '../../../server/src/app';
import { LOGIN_LIMIT_PER_ACCOUNT } from '../../../server/src/platform/auth/loginAttemptRepository';
import { testApp } from '../testApp';
import { expectProblem } from '../expectProblem';
import { authHeaders, createAccount, login, testClient, type TestAccount } from '../workflowFixtures';

const IP = '10.6.0.1';
let app: FastifyInstance;
let client: pg.Client;
let planner: TestAccount;
let admin: TestAccount;

beforeAll(async () => {
  app = await testApp();
  client = await testClient();
  planner = await createAccount(client, 'planner');
  admin = await createAccount(client, 'admin');
});
afterAll(async () => {
  await client.end();
  await app.close();
});

const attempt = (email: string, password: string, remoteAddress = IP) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress });

describe('login', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and returns the CSRF token and public user', async () => {
    const res = await attempt(planner.email.toUpperCase(), planner.password);
    expect(res.statusCode, res.body).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'koege_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie.secure).toBeFalsy();
    const body = res.json();
    expect(body.user).toEqual({ display_name: planner.displayName, role: 'planner' });
    expect(body.csrf_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.body).not.toContain(planner.email);
  });

  it('stores only a hash of the session token', async () => {
    const res = await attempt(planner.email, planner.password);
    const token = res.cookies.find((c) => c.name === 'koege_session')!.value;
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM user_session WHERE encode(token_hash, 'escape') LIKE '%' || $1 || '%' OR csrf_token = $1`,
      [token],
    );
    expect(rows[0].n).toBe(0);
    const hashed = await client.query(
      `SELECT count(*)::int AS n FROM user_session WHERE token_hash = sha256(convert_to($1, 'UTF8'))`,
      [token],
    );
    expect(hashed.rows[0].n).toBe(1);
  });

  it('answers an unknown e-mail, a wrong password and a disabled account the same way', async () => {
    const disabled = await createAccount(client, 'planner');
    await client.query('UPDATE app_user SET disabled_at = now() WHERE id = $1', [disabled.id]);
    // A new e-mail per run: a fixed one would gather failures across runs on one database and meet the back-off.
    const unknown = await attempt(`nobody.${Date.now()}@test.koege.example`, 'whatever-password');
    const wrong = await attempt(admin.email, 'wrong-password-123');
    const off = await attempt(disabled.email, disabled.password);
    for (const res of [unknown, wrong, off]) {
      expectProblem(res, 401);
      expect(res.cookies).toHaveLength(0);
    }
    expect(wrong.body).toBe(unknown.body);
    expect(off.body).toBe(unknown.body);
  });

  it('rate-limits attempts per address and e-mail with 429 and Retry-After; other addresses are unaffected', async () => {
    const target = await createAccount(client, 'planner');
    const ip = '10.6.9.9';
    for (let i = 0; i < LOGIN_LIMIT_PER_ACCOUNT; i++)
      expectProblem(await attempt(target.email, 'wrong-password-1', ip), 401);
    const limited = await attempt(target.email, target.password, ip);
    expectProblem(limited, 429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited.cookies).toHaveLength(0);
    expect((await attempt(target.email, target.password, '10.6.9.10')).statusCode).toBe(200);
  });

  it('400 naming the field for malformed bodies, never a 500', async () => {
    expectProblem(
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'x' } }),
      400,
      'body.password',
    );
    expectProblem(
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@b', password: 1 } }),
      400,
      'body.password',
    );
    expectProblem(
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'a@b', password: 'x'.repeat(300) },
      }),
      400,
      'body.password',
    );
    expectProblem(
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: "' OR 1=1 --", password: 'x' } }),
      400,
      'body.email',
    );
  });

  it('marks the cookie Secure when the public address is https', async () => {
    const engine = inject('engine');
    const secure = await buildApp({
      db: { connectionString: inject('databaseUrl'), engine, poolSize: 1 },
      clientRoot: '/nonexistent',
      publicUrl: 'https://kort.koege.example',
    });
    try {
      const res = await secure.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: planner.email, password: planner.password },
        remoteAddress: IP,
      });
      expect(res.cookies.find((c) => c.name === 'koege_session')?.secure).toBe(true);
    } finally {
      await secure.close();
    }
  });
});

describe('session', () => {
  it('/me tells who is logged in; logout needs the CSRF token and ends the session in the database', async () => {
    expect((await app.inject('/api/auth/me')).json()).toEqual({ user: null });
    const s = await login(app, planner, IP);
    const me = await app.inject({ url: '/api/auth/me', headers: { cookie: s.cookie } });
    expect(me.json()).toEqual({ user: { display_name: planner.displayName, role: 'planner' }, csrf_token: s.csrf });
    expectProblem(
      await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } }),
      403,
      'x-csrf-token',
    );
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: authHeaders(s) });
    expect(out.statusCode).toBe(204);
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie: s.cookie } })).json()).toEqual({ user: null });
  });

  it('is shared through the database: a second app instance accepts it', async () => {
    const s = await login(app, planner, IP);
    const other = await testApp();
    try {
      const me = await other.inject({ url: '/api/auth/me', headers: { cookie: s.cookie } });
      expect(me.json().user?.role).toBe('planner');
    } finally {
      await other.close();
    }
  });

  it('rejects an expired session', async () => {
    const s = await login(app, planner, IP);
    await client.query(`UPDATE user_session SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
      planner.id,
    ]);
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie: s.cookie } })).json()).toEqual({ user: null });
    expectProblem(
      await app.inject({
        method: 'POST',
        url: '/api/actions/2.1/progress',
        headers: authHeaders(s),
        payload: { progress: 'done', version: 1 },
      }),
      401,
    );
  });

  it('a garbage cookie is no session', async () => {
    const res = await app.inject({ url: '/api/auth/me', headers: { cookie: "koege_session=' OR 1=1 --" } });
    expect(res.json()).toEqual({ user: null });
  });
});

describe('roles', () => {
  it('account management: 401 anonymous, 403 planner, 200 admin', async () => {
    expectProblem(await app.inject('/api/admin/users'), 401);
    const p = await login(app, planner, IP);
    expectProblem(await app.inject({ url: '/api/admin/users', headers: { cookie: p.cookie } }), 403);
    expectProblem(
      await app.inject({
        method: 'POST',
        url: '/api/admin/users',
        headers: authHeaders(p),
        payload: { email: 'x@y.dk', display_name: 'X', role: 'admin', password: 'long-enough-password' },
      }),
      403,
    );
    const a = await login(app, admin, IP);
    const list = await app.inject({ url: '/api/admin/users', headers: { cookie: a.cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.json().users.some((u: { id: number }) => u.id === planner.id)).toBe(true);
  });

  it('an admin adds, renames and disables accounts; disabling ends sessions; duplicates are 409', async () => {
    const a = await login(app, admin, IP);
    const email = `new.${Date.now()}@test.koege.example`;
    const payload = { email, display_name: 'Ny Planlægger', role: 'planner', password: 'a-long-enough-password' };
    const created = await app.inject({ method: 'POST', url: '/api/admin/users', headers: authHeaders(a), payload });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    expectProblem(
      await app.inject({
        method: 'POST',
        url: '/api/admin/users',
        headers: authHeaders(a),
        payload: { ...payload, email: email.toUpperCase() },
      }),
      409,
    );
    const account = { id, email, password: payload.password, displayName: payload.display_name };
    const s = await login(app, account, IP);
    const off = await app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${id}`,
      headers: authHeaders(a),
      payload: { disabled: true },
    });
    expect(off.json()).toMatchObject({ disabled: true });
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie: s.cookie } })).json()).toEqual({ user: null });
    expectProblem(await attempt(email, payload.password), 401);
  });

  it('refuses an e-mail as display name, a short password, and an admin demoting themselves', async () => {
    const a = await login(app, admin, IP);
    const post = (payload: object) =>
      app.inject({ method: 'POST', url: '/api/admin/users', headers: authHeaders(a), payload });
    expectProblem(
      await post({ email: 'q@b.dk', display_name: 'q@b.dk', role: 'planner', password: 'long-enough-pw' }),
      400,
      'body.display_name',
    );
    expectProblem(
      await post({ email: 'q@b.dk', display_name: 'Q', role: 'planner', password: 'short' }),
      400,
      'body.password',
    );
    expectProblem(
      await post({ email: 'q@b.dk', display_name: 'Q', role: 'root', password: 'long-enough-pw' }),
      400,
      'body.role',
    );
    expectProblem(
      await app.inject({
        method: 'PATCH',
        url: `/api/admin/users/${admin.id}`,
        headers: authHeaders(a),
        payload: { role: 'planner' },
      }),
      409,
    );
    expectProblem(
      await app.inject({
        method: 'PATCH',
        url: '/api/admin/users/999999',
        headers: authHeaders(a),
        payload: { role: 'planner' },
      }),
      404,
    );
  });

  it('refuses bidirectional controls in a display name and a NUL byte in an e-mail, naming them (issue #19)', async () => {
    const a = await login(app, admin, IP);
    const before = (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM app_user')).rows[0]!.n;
    const post = (payload: object) =>
      app.inject({ method: 'POST', url: '/api/admin/users', headers: authHeaders(a), payload });
    const account = { email: `bidi.${Date.now()}@test.koege.example`, role: 'planner', password: 'long-enough-pw' };
    for (const name of ['Anna \u202Enessuh\u202C', 'Bo\u2066x\u2069', 'C\u200Ed', 'D\u061C']) {
      expectProblem(await post({ ...account, display_name: name }), 400, 'body.display_name');
    }
    expectProblem(await post({ ...account, email: 'nul\u0000@koege.dk', display_name: 'Nul' }), 400, 'body.email');
    expectProblem(
      await app.inject({
        method: 'PATCH',
        url: `/api/admin/users/${planner.id}`,
        headers: authHeaders(a),
        payload: { display_name: 'Planner \u202Eflipped' },
      }),
      400,
      'body.display_name',
    );
    expect((await client.query<{ n: number }>('SELECT count(*)::int AS n FROM app_user')).rows[0]!.n).toBe(before);
  });
});
