import { da, type MessageKey } from './da';
import { en } from './en';
import { fillMessage } from './fillMessage';
import type { Lang } from './Lang';

export { isMessageKey } from './da';

const TABLES: Record<Lang, Record<MessageKey, string>> = { da, en };

/**
 * Looks up a UI string and fills its placeholders, with both catalogues loaded: the server's translate. The browser
 * loads a language's catalogue when it is first used (client/src/app/i18n.ts).
 */
export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return fillMessage(TABLES[lang][key], params);
}
