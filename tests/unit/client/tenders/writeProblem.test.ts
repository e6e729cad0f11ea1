import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../client/src/api/ApiError';
import { ProblemError } from '../../../../client/src/api/ProblemError';
import { writeProblemOf } from '../../../../client/src/features/tenders/WriteProblem';

const problem = (status: number, body: Record<string, unknown> = {}) =>
  new ProblemError({ status, title: 'x', detail: null, body, retryAfterSeconds: null });

describe('writeProblemOf', () => {
  it('reads 412 as a stale version', () => {
    expect(writeProblemOf(problem(412, { current_version: 4 }))).toEqual({ kind: 'stale' });
  });

  it('reads 409 as an illegal transition with the allowed states', () => {
    expect(
      writeProblemOf(problem(409, { from: 'planned', allowed: ['in_preparation', 'withdrawn', 'bogus'] })),
    ).toEqual({ kind: 'illegal', from: 'planned', allowed: ['in_preparation', 'withdrawn'] });
  });

  it('reads 400 with the fields at fault, without the body. prefix', () => {
    const error = problem(400, { 'invalid-params': [{ name: 'body.notice_url', reason: 'must match https' }] });
    expect(writeProblemOf(error)).toEqual({
      kind: 'invalid',
      fields: [{ name: 'notice_url', reason: 'must match https' }],
    });
  });

  it('reads 401 and 403 as no right to change', () => {
    expect(writeProblemOf(new ApiError({ status: 401, title: 'Unauthorized' }))).toEqual({
      kind: 'denied',
      status: 401,
    });
    expect(writeProblemOf(problem(403))).toEqual({ kind: 'denied', status: 403 });
  });

  it('keeps anything else as a message', () => {
    expect(writeProblemOf(new Error('boom'))).toEqual({ kind: 'error', message: 'boom' });
  });
});
