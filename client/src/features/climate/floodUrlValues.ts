import type { DikeState } from '@shared/schemas/flood';
import { FLOOD_LEVEL_RANGE } from '@shared/flood/floodScenarios';

/** A flood level as the API takes it (server/src/modules/flood/parseFloodLevel.ts): metres, at most two decimals. */
const FLOOD_LEVEL = /^\d{1,2}(\.\d{1,2})?$/;

/** A still-water level in metres DVR90 within the flood model's range (issue #7), from a link; else undefined. */
export function parseFloodLevel(text: string): number | undefined {
  if (!FLOOD_LEVEL.test(text)) return undefined;
  const metres = Number(text);
  return metres >= FLOOD_LEVEL_RANGE.min && metres <= FLOOD_LEVEL_RANGE.max ? metres : undefined;
}

/** `with` or `without` (the dike), from a link; else undefined. */
export function parseDike(text: string): DikeState | undefined {
  return text === 'with' || text === 'without' ? text : undefined;
}
