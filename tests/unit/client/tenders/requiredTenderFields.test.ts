import { describe, expect, it } from 'vitest';
import {
  buildTenderMove,
  EMPTY_TENDER_FIELDS,
  requiredTenderFields,
} from '../../../../client/src/features/tenders/requiredTenderFields';

// As GET /api/tenders/transitions answers.
const REQUIRES = { planned: ['planned_year'], open: ['opens_on', 'closes_on', 'notice_url'] };

describe('requiredTenderFields', () => {
  it('asks for the planned year to plan a tender', () => {
    expect(requiredTenderFields({ requires: REQUIRES, to: 'planned' })).toEqual(['planned_year']);
  });

  it('asks for the dates and the notice link to open a tender, in the form order', () => {
    expect(requiredTenderFields({ requires: { open: ['notice_url', 'opens_on', 'closes_on'] }, to: 'open' })).toEqual([
      'opens_on',
      'closes_on',
      'notice_url',
    ]);
  });

  it('asks for nothing to withdraw', () => {
    expect(requiredTenderFields({ requires: REQUIRES, to: 'withdrawn' })).toEqual([]);
  });

  it('ignores a field the form does not know', () => {
    expect(requiredTenderFields({ requires: { sold: ['buyer'] }, to: 'sold' })).toEqual([]);
  });
});

describe('buildTenderMove', () => {
  it('sends only the fields the state needs, trimmed, and the note', () => {
    const values = {
      planned_year: '2027',
      opens_on: ' 2026-12-01 ',
      closes_on: '2027-01-15',
      notice_url: 'https://udbud.dk/1',
    };
    expect(
      buildTenderMove({ to: 'open', fields: ['opens_on', 'closes_on', 'notice_url'], values, note: ' Annonceret ' }),
    ).toEqual({
      to: 'open',
      opens_on: '2026-12-01',
      closes_on: '2027-01-15',
      notice_url: 'https://udbud.dk/1',
      note: 'Annonceret',
    });
  });

  it('sends the planned year as a number', () => {
    const values = { ...EMPTY_TENDER_FIELDS, planned_year: '2027' };
    expect(buildTenderMove({ to: 'planned', fields: ['planned_year'], values, note: '' })).toEqual({
      to: 'planned',
      planned_year: 2027,
    });
  });

  it('leaves out an empty field, so the server names it', () => {
    expect(buildTenderMove({ to: 'planned', fields: ['planned_year'], values: EMPTY_TENDER_FIELDS, note: '' })).toEqual(
      { to: 'planned' },
    );
  });
});
