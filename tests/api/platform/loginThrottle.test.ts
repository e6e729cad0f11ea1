import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import {
  ACCOUNT_BACKOFF_CAP_SECONDS,
  ACCOUNT_FREE_FAILURES,
  ACCOUNT_WINDOW_SECONDS,
  accountKey,
} from '../../../server/src/platform/auth/loginAttemptRepository';
import { testApp } from '../testApp';
import { expectProblem } from '../expectProblem';
import { createAccount, testClient } from '../workflowFixtures';

let app: FastifyInstance;
let client: pg.Client;

beforeAll(async () => {
  app = await testApp();
  client = await testClient();
});
afterAll(async () => {
  await client.end();
  await app.close();
});

const WRONG = 'wrong-password-19';

/** Ten client addresses of their own per case and run, so no per-address count is shared (issue #19). */
const tenAddresses = () => {
  const net = randomBytes(4).toString('hex');
  return Array.from({ length: 10 }, (_, i) => `fd19:${net.slice(0, 4)}:${net.slice(4)}::${i + 1}`);
};

const unknownEmail = () => `nobody.${randomBytes(6).toString('hex')}@test.koege.example`;

const attempt = (email: string, password: string, remoteAddress: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress });

/**
 * Moves an e-mail's failures so that the newest is now: the wait then runs from this moment, whatever time the
 * password checks (scrypt, slow on a loaded machine) took.
 */
const justNow = (email: string) =>
  client.query(
    `UPDATE login_attempt SET at = at + (now() - (SELECT max(at) FROM login_attempt WHERE key_hash = $1))
      WHERE key_hash = $1`,
    [accountKey(email)],
  );

/** One wrong guess from each address, all answered 401, as if they had come at once. */
async function guessFromEach(email: string, addresses: string[]) {
  for (const address of addresses) expectProblem(await attempt(email, WRONG, address), 401);
  await justNow(email);
}

/** Moves an e-mail's counted failures `seconds` into the past, as if that much time had gone by. */
const age = (email: string, seconds: number) =>
  client.query('UPDATE login_attempt SET at = at - make_interval(secs => $2) WHERE key_hash = $1', [
    accountKey(email),
    seconds,
  ]);

const accountRows = async (email: string) =>
  (
    await client.query<{ n: number }>('SELECT count(*)::int AS n FROM login_attempt WHERE key_hash = $1', [
      accountKey(email),
    ])
  ).rows[0]!.n;

const retryAfter = (res: { headers: Record<string, unknown> }) => Number(res.headers['retry-after']);

describe('login throttling per account (issue #19)', () => {
  it('ten addresses get ten guesses at one account, then 429 with a Retry-After that doubles per failure', async () => {
    const target = await createAccount(client, 'planner');
    const addresses = tenAddresses();
    expect(addresses).toHaveLength(ACCOUNT_FREE_FAILURES);
    await guessFromEach(target.email, addresses);
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const refused = await attempt(target.email, WRONG, addresses[i]!);
      expectProblem(refused, 429);
      waits.push(retryAfter(refused));
      await age(target.email, retryAfter(refused));
      expectProblem(await attempt(target.email, WRONG, addresses[i + 1]!), 401);
      await justNow(target.email);
    }
    expect(waits).toEqual([1, 2, 4]);
  });

  it('a different account from the same addresses is unaffected', async () => {
    const target = await createAccount(client, 'planner');
    const other = await createAccount(client, 'planner');
    const addresses = tenAddresses();
    await guessFromEach(target.email, addresses);
    expectProblem(await attempt(target.email, WRONG, addresses[0]!), 429);
    expectProblem(await attempt(other.email, WRONG, addresses[0]!), 401);
    expect((await attempt(other.email, other.password, addresses[1]!)).statusCode).toBe(200);
  });

  it('refuses even the right password during the wait; after it, the right password succeeds and clears', async () => {
    const target = await createAccount(client, 'planner');
    const addresses = tenAddresses();
    await guessFromEach(target.email, addresses);
    const waiting = await attempt(target.email, target.password, addresses[0]!);
    expectProblem(waiting, 429);
    expect(waiting.cookies).toHaveLength(0);
    await age(target.email, retryAfter(waiting));
    const ok = await attempt(target.email.toUpperCase(), target.password, addresses[1]!);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await accountRows(target.email)).toBe(0);
    // Cleared: the next slip is an ordinary 401 at once, not a wait.
    expectProblem(await attempt(target.email, WRONG, addresses[2]!), 401);
  });

  it('throttles an unknown e-mail exactly like an account, so the answers tell nothing', async () => {
    const known = await createAccount(client, 'planner');
    const unknown = unknownEmail();
    const addresses = tenAddresses();
    for (const address of addresses) {
      const [a, b] = [await attempt(known.email, WRONG, address), await attempt(unknown, WRONG, address)];
      expectProblem(b, 401);
      expect(b.body).toBe(a.body);
    }
    await Promise.all([justNow(known.email), justNow(unknown)]);
    const [a, b] = [await attempt(known.email, WRONG, addresses[0]!), await attempt(unknown, WRONG, addresses[0]!)];
    expectProblem(b, 429);
    expect(b.body).toBe(a.body);
    expect(b.headers['retry-after']).toBe(a.headers['retry-after']);
  });

  it('a refused attempt leaves no row, so hammering a waiting account neither grows the table nor the wait', async () => {
    const unknown = unknownEmail();
    const addresses = tenAddresses();
    await guessFromEach(unknown, addresses);
    const first = await attempt(unknown, WRONG, addresses[0]!);
    expectProblem(first, 429);
    for (const address of addresses) expectProblem(await attempt(unknown, WRONG, address), 429);
    expect(await accountRows(unknown)).toBe(ACCOUNT_FREE_FAILURES);
    expect(retryAfter(await attempt(unknown, WRONG, addresses[1]!))).toBeLessThanOrEqual(retryAfter(first));
  });

  it('caps the wait at 15 minutes however many failures there are', async () => {
    const unknown = unknownEmail();
    await client.query('INSERT INTO login_attempt (key_hash) SELECT $1 FROM generate_series(1, 200)', [
      accountKey(unknown),
    ]);
    const refused = await attempt(unknown, WRONG, tenAddresses()[0]!);
    expectProblem(refused, 429);
    expect(retryAfter(refused)).toBeGreaterThan(ACCOUNT_BACKOFF_CAP_SECONDS - 60);
    expect(retryAfter(refused)).toBeLessThanOrEqual(ACCOUNT_BACKOFF_CAP_SECONDS);
    await age(unknown, ACCOUNT_BACKOFF_CAP_SECONDS);
    expectProblem(await attempt(unknown, WRONG, tenAddresses()[0]!), 401);
  });

  it('keeps failures past the 60 s clean-up of the per-minute limits and drops them after the hour', async () => {
    const unknown = unknownEmail();
    const addresses = tenAddresses();
    await guessFromEach(unknown, addresses);
    await age(unknown, 120);
    expectProblem(await attempt(unknown, WRONG, addresses[0]!), 401);
    expect(await accountRows(unknown)).toBe(ACCOUNT_FREE_FAILURES + 1);
    await age(unknown, ACCOUNT_WINDOW_SECONDS);
    expectProblem(await attempt(unknown, WRONG, addresses[1]!), 401);
    expect(await accountRows(unknown)).toBe(1);
  });
});
