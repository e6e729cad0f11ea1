import { ApiError } from '../../api/ApiError';
import { ProblemError } from '../../api/ProblemError';
import { TENDER_STATUSES } from '../../api/vocabulary';
import type { TenderStatus } from '@shared/schemas/common';

/** Why a change (a tender move, an action's progress) was refused, in the terms a form shows. */
export type WriteProblem =
  | { kind: 'stale' }
  | { kind: 'illegal'; from: TenderStatus | null; allowed: TenderStatus[] }
  | { kind: 'invalid'; fields: { name: string; reason: string }[] }
  | { kind: 'denied'; status: 401 | 403 }
  | { kind: 'error'; message: string };

const isStatus = (value: unknown): value is TenderStatus =>
  typeof value === 'string' && (TENDER_STATUSES as readonly string[]).includes(value);

/**
 * Reads a failed change's problem+json: 412 stale version, 409 illegal transition (with the allowed states),
 * 400 with the fields at fault (`body.` stripped from their names), 401/403 no right to change.
 */
export function writeProblemOf(error: unknown): WriteProblem {
  if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
    return { kind: 'denied', status: error.status };
  }
  if (error instanceof ProblemError) {
    if (error.status === 412) return { kind: 'stale' };
    if (error.status === 409) {
      const allowed = Array.isArray(error.body.allowed) ? error.body.allowed.filter(isStatus) : [];
      return { kind: 'illegal', from: isStatus(error.body.from) ? error.body.from : null, allowed };
    }
    if (error.status === 400) {
      const fields = error.invalidParams.map(({ name, reason }) => ({ name: name.replace(/^body[./]/, ''), reason }));
      if (fields.length > 0) return { kind: 'invalid', fields };
    }
  }
  return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
}
