import { describe, expect, it } from 'vitest';
import { ConcurrencyBudget } from '../../../../server/src/platform/cost';
import { HttpProblem } from '../../../../server/src/platform/errors';

/** Work that ends when `release` is called. */
function held() {
  let release = () => {};
  const done = new Promise<void>((r) => (release = r));
  return { work: () => done, release: () => release() };
}

describe('ConcurrencyBudget (issue #19)', () => {
  it('refuses past its own limit with 503 and Retry-After, and frees the slot when the work ends', async () => {
    const budget = new ConcurrencyBudget('geometry', 1);
    const first = held();
    const running = budget.run(first.work);
    expect(budget.running).toBe(1);
    const refused = await budget.run(async () => 'ran').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HttpProblem);
    expect((refused as HttpProblem).status).toBe(503);
    expect((refused as HttpProblem).headers).toEqual({ 'retry-after': expect.stringMatching(/^\d+$/) });
    first.release();
    await running;
    expect(budget.running).toBe(0);
    await expect(budget.run(async () => 'ran')).resolves.toBe('ran');
  });

  it('kinds under one parent share its limit: a full parent refuses another kind with room of its own', async () => {
    const total = new ConcurrencyBudget('expensive', 2);
    const geometry = new ConcurrencyBudget('geometry', 2, total);
    const ogc = new ConcurrencyBudget('ogc', 2, total);
    const a = held();
    const b = held();
    const runs = [geometry.run(a.work), geometry.run(b.work)];
    expect(total.running).toBe(2);
    await expect(ogc.run(async () => 'ran')).rejects.toMatchObject({ status: 503 });
    expect(ogc.running).toBe(0);
    a.release();
    await runs[0];
    expect(total.running).toBe(1);
    await expect(ogc.run(async () => 'ran')).resolves.toBe('ran');
    b.release();
    await runs[1];
    expect([total.running, geometry.running, ogc.running]).toEqual([0, 0, 0]);
  });

  it('a failing piece of work gives its slot back in both budgets', async () => {
    const total = new ConcurrencyBudget('expensive', 1);
    const flood = new ConcurrencyBudget('flood', 1, total);
    await expect(flood.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect([total.running, flood.running]).toEqual([0, 0]);
  });
});
