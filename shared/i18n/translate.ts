import { da, type MessageKey } from './da';
import { en } from './en';
import type { Lang } from './Lang';

const TABLES: Record<Lang, Record<MessageKey, string>> = { da, en };

/** Looks up a UI string and fills `{name}` placeholders; unknown placeholders stay visible so they get noticed. */
export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return TABLES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** True for strings that are keys of the UI tables, e.g. `kind.${site.kind}` for a kind the tables know. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(da, key);
}
