import { describe, expect, it } from 'vitest';
import { PLAN_USES, TENDER_STATUSES, THEMES } from '../../../../client/src/api/vocabulary';
import { da } from '@shared/i18n/da';
import { en } from '@shared/i18n/en';
import { translate } from '@shared/i18n/translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI strings', () => {
  it('have the same keys in Danish and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(da).sort());
  });

  it('have no empty values', () => {
    for (const table of [da, en]) {
      for (const [key, value] of Object.entries(table)) expect(value.trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(da) as (keyof typeof da)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(da[key]));
    }
  });

  it('label every tender status, plan use and theme', () => {
    const keys = Object.keys(da);
    for (const status of TENDER_STATUSES) expect(keys).toContain(`status.${status}`);
    for (const use of PLAN_USES) expect(keys).toContain(`planUse.${use}`);
    for (const theme of THEMES) expect(keys).toContain(`theme.${theme}`);
  });

  it('name the app in each language', () => {
    expect(da['app.title']).toBe('Køge Erhvervskort');
    expect(en['app.title']).toBe('Køge Business Map');
  });
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('da', 'policy.siteCountOther', { count: 3 })).toBe('3 områder');
    expect(translate('en', 'policy.siteCountOther', { count: 3 })).toBe('3 sites');
  });

  it('leaves a missing placeholder visible', () => {
    expect(translate('en', 'policy.siteCountOther')).toBe('{count} sites');
  });
});
