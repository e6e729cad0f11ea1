import { randomBytes } from 'node:crypto';
import { expect, inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { hashPassword } from '../../server/src/platform/auth/passwordHash';
import type { Role } from '../../server/src/platform/auth/roles';
import { createUser } from '../../server/src/platform/auth/userRepository';
import { testApp } from './testApp';

/** A client on the run's test database; end it in afterAll. */
export async function testClient(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: inject('ownerDatabaseUrl') });
  await client.connect();
  return client;
}

export interface TestAccount {
  id: number;
  email: string;
  password: string;
  displayName: string;
}

/** A fresh account with a unique e-mail, made through the same repository the admin routes use. */
export async function createAccount(client: pg.Client, role: Role, name = `Test ${role}`): Promise<TestAccount> {
  const suffix = randomBytes(6).toString('hex');
  const email = `${role}.${suffix}@test.koege.example`;
  const password = `pw-${randomBytes(12).toString('hex')}`;
  const user = await createUser(client, {
    email,
    displayName: `${name} ${suffix}`,
    role,
    passwordHash: await hashPassword(password),
  });
  return { id: user!.id, email, password, displayName: user!.display_name };
}

export interface Session {
  cookie: string;
  csrf: string;
}

/**
 * Logs in and returns the cookie and CSRF token. Each test file passes its own client address, so the
 * per-address login limit of one file never bites another.
 */
export async function login(app: FastifyInstance, account: TestAccount, remoteAddress: string): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: account.email, password: account.password },
    remoteAddress,
  });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'koege_session')!;
  return { cookie: `koege_session=${cookie.value}`, csrf: res.json<{ csrf_token: string }>().csrf_token };
}

/** What a test file of planner writes works with. */
export interface PlannerFile {
  app: FastifyInstance;
  client: pg.Client;
  planner: TestAccount;
  session: Session;
}

/** An app, a client on the test database and a new planner logged in from `ip`; close it in afterAll. */
export async function openPlannerFile(name: string, ip: string): Promise<PlannerFile> {
  const app = await testApp();
  const client = await testClient();
  const planner = await createAccount(client, 'planner', name);
  return { app, client, planner, session: await login(app, planner, ip) };
}

export async function closePlannerFile({ app, client }: Pick<PlannerFile, 'app' | 'client'>): Promise<void> {
  await client.end();
  await app.close();
}

/** Headers of a state-changing request made with the session. */
export const authHeaders = (s: Session, extra: Record<string, string> = {}) => ({
  cookie: s.cookie,
  'x-csrf-token': s.csrf,
  ...extra,
});

export const FIXTURE_LAYER = 'test-workflow';

/**
 * A plot of its own for workflow tests, in a layer of its own (`layer`, by default {@link FIXTURE_LAYER}), so no
 * seed tender (which other files assert) ever changes. It takes kn-01's shape, so tiles at kn-01's place carry it.
 * Starts as not_planned, version 1.
 */
export async function createFixturePlot(client: pg.Client, id: string, layer = FIXTURE_LAYER): Promise<void> {
  await client.query(
    `INSERT INTO layer (id, title_da, title_en, theme, geometry_type, sort_order)
     VALUES ($1, 'Testlag', 'Test layer', 'erhverv', 'polygon', 9999) ON CONFLICT (id) DO NOTHING`,
    [layer],
  );
  await client.query(
    `INSERT INTO site (id, layer_id, name, kind, geom, plan_use, source, accuracy)
     SELECT $1, $2, 'Testgrund ' || $1, 'plot', geom, 'production', 'API test fixture', 'illustrative'
       FROM site WHERE id = 'kn-01'`,
    [id, layer],
  );
  await client.query(`INSERT INTO tender (site_id, status) VALUES ($1, 'not_planned')`, [id]);
}

/**
 * Removes the fixture layer (`layer`, by default {@link FIXTURE_LAYER}) with its plots, tenders and their events.
 * Events are append-only for everyone (the test for that is in tenderWorkflow.test.ts); only this cleanup of rows that tests made on a throwaway
 * database switches the triggers off, for its own transaction, as the superuser it connects as. Other files
 * count plots and layers and compare them with the seed, so the fixture must not outlive its file.
 */
export async function dropFixtures(client: pg.Client, layer = FIXTURE_LAYER): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SET LOCAL session_replication_role = replica');
    const sites = `SELECT id FROM site WHERE layer_id = $1`;
    await client.query(
      `DELETE FROM tender_event WHERE tender_id IN (SELECT id FROM tender WHERE site_id IN (${sites}))`,
      [layer],
    );
    await client.query(`DELETE FROM tender WHERE site_id IN (${sites})`, [layer]);
    await client.query('DELETE FROM site_action WHERE site_id IN (SELECT id FROM site WHERE layer_id = $1)', [layer]);
    await client.query('DELETE FROM site WHERE layer_id = $1', [layer]);
    await client.query('DELETE FROM layer WHERE id = $1', [layer]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
}
