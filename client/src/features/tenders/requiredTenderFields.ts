import type { TenderStatus } from '@shared/schemas/common';
import type { TenderTransitions } from './WorkflowTypes';
import type { TenderMove } from './tenderEditSlice';

/** The schedule fields a tender move may carry. */
export const TENDER_FIELDS = ['planned_year', 'opens_on', 'closes_on', 'notice_url'] as const;
export type TenderField = (typeof TENDER_FIELDS)[number];

/** What the form's fields hold, as typed (strings; empty when not filled in). */
export type TenderFieldValues = Record<TenderField, string>;

export const EMPTY_TENDER_FIELDS: TenderFieldValues = { planned_year: '', opens_on: '', closes_on: '', notice_url: '' };

const isField = (name: string): name is TenderField => (TENDER_FIELDS as readonly string[]).includes(name);

/**
 * The fields a move to `to` needs, in the form's order, from the server's state machine
 * (`GET /api/tenders/transitions`: planned needs planned_year; open needs opens_on, closes_on and notice_url).
 */
export function requiredTenderFields({
  requires,
  to,
}: {
  requires: TenderTransitions['requires'];
  to: TenderStatus;
}): TenderField[] {
  const needed = new Set((requires[to] ?? []).filter(isField));
  return TENDER_FIELDS.filter((field) => needed.has(field));
}

/**
 * The body of a move to `to`: only the fields that state needs, trimmed (the year as a number), and the note
 * when there is one. Returns a new object; what the server refuses it names with a 400.
 */
export function buildTenderMove({
  to,
  fields,
  values,
  note,
}: {
  to: TenderStatus;
  fields: readonly TenderField[];
  values: TenderFieldValues;
  note: string;
}): TenderMove {
  const move: TenderMove = { to };
  for (const field of fields) {
    const value = values[field].trim();
    if (value === '') continue;
    if (field === 'planned_year') move.planned_year = Number(value);
    else move[field] = value;
  }
  if (note.trim() !== '') move.note = note.trim();
  return move;
}
