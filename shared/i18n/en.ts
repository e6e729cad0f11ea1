import type { MessageKey } from './da';
import { enClimate } from './en/climate';
import { enCommon } from './en/common';
import { enFinder } from './en/finder';
import { enSearch } from './en/search';
import { enSketch } from './en/sketch';

/** English UI strings; the key set must equal Danish (tests/unit/shared/i18n/i18n.test.ts checks it). */
export const en: Record<MessageKey, string> = { ...enCommon, ...enFinder, ...enClimate, ...enSketch, ...enSearch };
