import { FLOOD_LEVEL_RANGE } from '@shared/flood/floodScenarios';
import { HttpProblem } from '../../platform/errors';

/**
 * A water level in metres DVR90 (0–4, at most two decimals, issue #7) as whole centimetres, the unit extents
 * are stored in; anything else is a 400 naming `name`.
 */
export function parseFloodLevel(name: string, text: string): number {
  const reason = `must be a water level in metres DVR90 from ${FLOOD_LEVEL_RANGE.min} to ${FLOOD_LEVEL_RANGE.max}, with at most two decimals`;
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(text)) throw HttpProblem.badRequest(name, reason);
  const levelCm = Math.round(Number(text) * 100);
  if (levelCm < FLOOD_LEVEL_RANGE.min * 100 || levelCm > FLOOD_LEVEL_RANGE.max * 100) {
    throw HttpProblem.badRequest(name, reason);
  }
  return levelCm;
}
