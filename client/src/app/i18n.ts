import { da, type MessageKey } from '@shared/i18n/da';
import { fillMessage } from '@shared/i18n/fillMessage';
import type { Lang } from '@shared/i18n/Lang';

export { isMessageKey } from '@shared/i18n/da';

type Catalogue = Record<MessageKey, string>;

/**
 * The UI catalogues the browser holds. Danish, the default, comes with the first load; English is a chunk of its
 * own, fetched when it is first asked for, so that a Danish visit does not download it (issue #17's bundle budget).
 */
const catalogues: Partial<Record<Lang, Catalogue>> = { da };

/** Makes `lang`'s catalogue available to translate(); resolves at once when it already is. */
export async function loadLang(lang: Lang): Promise<void> {
  if (catalogues[lang] !== undefined) return;
  if (lang === 'en') catalogues.en = (await import('@shared/i18n/en')).en;
}

/** True when translate() can answer in `lang` without falling back to Danish. */
export function isLangLoaded(lang: Lang): boolean {
  return catalogues[lang] !== undefined;
}

/** A UI string in `lang`, placeholders filled; Danish until `lang`'s catalogue has arrived (see loadLang). */
export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return fillMessage((catalogues[lang] ?? da)[key], params);
}
