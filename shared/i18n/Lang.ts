/** The UI languages: Danish first, English second. */
export type Lang = 'da' | 'en';

export const LANGS: readonly Lang[] = ['da', 'en'];

export const DEFAULT_LANG: Lang = 'da';

/** BCP 47 locale used for number and date formatting in each UI language. */
export const LOCALES: Record<Lang, string> = { da: 'da-DK', en: 'en-GB' };

export function isLang(value: unknown): value is Lang {
  return value === 'da' || value === 'en';
}
