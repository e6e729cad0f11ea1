import { describe, expect, it } from 'vitest';
import { FLOOD_LEVEL_RANGE, FLOOD_SCENARIOS } from '@shared/flood/floodScenarios';

describe('flood scenarios', () => {
  it('are sorted by level and inside the accepted range', () => {
    const levels = FLOOD_SCENARIOS.map((s) => s.level);
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
    expect(Math.min(...levels)).toBeGreaterThanOrEqual(FLOOD_LEVEL_RANGE.min);
    expect(Math.max(...levels)).toBeLessThanOrEqual(FLOOD_LEVEL_RANGE.max);
  });
});
