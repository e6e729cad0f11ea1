import { daClimate } from './da/climate';
import { daCommon } from './da/common';
import { daFinder } from './da/finder';
import { daSearch } from './da/search';
import { daSketch } from './da/sketch';

/**
 * Danish UI strings: the default language. Data text (names, action texts) is never translated. The strings live
 * in one file per part of the app (./da/), so that no catalogue is too long to read.
 */
export const da = { ...daCommon, ...daFinder, ...daClimate, ...daSketch, ...daSearch } as const;

/** A key of the UI string tables. */
export type MessageKey = keyof typeof da;

/** True for strings that are keys of the UI tables, e.g. `kind.${site.kind}` for a kind the tables know. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(da, key);
}
