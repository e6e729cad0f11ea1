import { describe, expect, it } from 'vitest';
import { PLAN_USES, SLUG_PATTERN, TENDER_STATUSES, THEMES } from '../../../client/src/api/vocabulary';
import {
  PlanUse,
  SlugPattern,
  TENDER_STATUSES as SERVER_STATUSES,
  THEMES as SERVER_THEMES,
} from '../../../server/src/schemas/common';

// The client keeps copies so that TypeBox stays out of the browser bundle; they must not drift.
describe('client vocabulary', () => {
  it('has the server’s slug pattern', () => {
    expect(SLUG_PATTERN).toBe(SlugPattern);
  });

  it('has the server’s themes and tender statuses, in order', () => {
    expect(THEMES).toEqual(SERVER_THEMES);
    expect(TENDER_STATUSES).toEqual(SERVER_STATUSES);
  });

  it('has the server’s plan uses', () => {
    expect([...PLAN_USES].sort()).toEqual(PlanUse.anyOf.map((literal) => literal.const).sort());
  });
});
