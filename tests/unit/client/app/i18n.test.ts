import { describe, expect, it } from 'vitest';
import { isLangLoaded, loadLang, translate } from '../../../../client/src/app/i18n';
import { da } from '@shared/i18n/da';
import { en } from '@shared/i18n/en';

// Issue #17: the browser holds Danish from the start and fetches English when it is first asked for.
describe('client catalogues', () => {
  it('answer in Danish until English has been loaded, then in English', async () => {
    expect(isLangLoaded('da')).toBe(true);
    expect(isLangLoaded('en')).toBe(false);
    expect(translate('en', 'timeline.titleSite', { name: 'KN-05' })).toBe(
      da['timeline.titleSite'].replace('{name}', 'KN-05'),
    );
    await loadLang('en');
    expect(isLangLoaded('en')).toBe(true);
    expect(translate('en', 'timeline.titleSite', { name: 'KN-05' })).toBe(
      en['timeline.titleSite'].replace('{name}', 'KN-05'),
    );
    expect(translate('da', 'timeline.titleSite', { name: 'KN-05' })).toBe(
      da['timeline.titleSite'].replace('{name}', 'KN-05'),
    );
  });
});
