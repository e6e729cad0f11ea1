import { describe, expect, it } from 'vitest';
import { formatArea } from '@shared/i18n/formatArea';
import { formatDate, formatDateTime } from '@shared/i18n/formatDate';
import { formatLength } from '@shared/i18n/formatLength';

describe('formatArea', () => {
  it('writes hectares with the m² in brackets in Danish', () => {
    expect(formatArea({ m2: 123_456, lang: 'da' })).toBe('12,3 ha (123.456 m²)');
  });

  it('writes hectares with the m² in brackets in English', () => {
    expect(formatArea({ m2: 123_456, lang: 'en' })).toBe('12.3 ha (123,456 m²)');
  });

  it('keeps two decimals below one hectare', () => {
    expect(formatArea({ m2: 4_321, lang: 'da' })).toBe('0,43 ha (4.321 m²)');
  });

  it('rounds the m² to whole square metres', () => {
    expect(formatArea({ m2: 25_000.6, lang: 'en' })).toBe('2.5 ha (25,001 m²)');
  });

  it('groups large areas', () => {
    expect(formatArea({ m2: 1_234_567, lang: 'da' })).toBe('123,5 ha (1.234.567 m²)');
  });
});

describe('formatLength', () => {
  it('writes metres below a kilometre', () => {
    expect(formatLength({ metres: 850.4, lang: 'da' })).toBe('850 m');
  });

  it('writes kilometres with the metres in brackets', () => {
    expect(formatLength({ metres: 2_412, lang: 'da' })).toBe('2,4 km (2.412 m)');
  });
});

describe('formatDate', () => {
  it('never shifts a calendar date by a time zone', () => {
    expect(formatDate({ isoDate: '2026-03-01', lang: 'en' })).toBe('1 March 2026');
  });

  it('writes Danish month names', () => {
    expect(formatDate({ isoDate: '2026-03-01', lang: 'da' })).toBe('1. marts 2026');
  });

  it('returns an unparsable date as given', () => {
    expect(formatDate({ isoDate: 'soon', lang: 'da' })).toBe('soon');
    expect(formatDateTime({ isoDateTime: 'soon', lang: 'da' })).toBe('soon');
  });

  it('writes date-times in Danish local time', () => {
    expect(formatDateTime({ isoDateTime: '2025-06-30T22:30:00Z', lang: 'en' })).toContain('1 Jul 2025');
  });
});
