import { describe, expect, it } from 'vitest';
import { restingSnap, SHEET_PEEK_PX, snapHeights } from '../../../../client/src/app/sheetSnaps';

describe('the bottom sheet’s snap points (issue #20)', () => {
  it('peeks with the tabs, halves the room and leaves a strip at the top when full', () => {
    const heights = snapHeights(796);
    expect(heights.peek).toBe(SHEET_PEEK_PX);
    expect(heights.half).toBe(398);
    expect(heights.full).toBeGreaterThan(heights.half);
    expect(heights.full).toBeLessThan(796);
  });

  it('never makes the full sheet lower than the peek on a tiny screen', () => {
    const heights = snapHeights(90);
    expect(heights.full).toBeGreaterThanOrEqual(heights.peek);
  });

  it('comes to rest at the nearest snap point after a slow drag', () => {
    expect(restingSnap({ height: 150, available: 796, speed: 0 })).toBe('peek');
    expect(restingSnap({ height: 420, available: 796, speed: 0.1 })).toBe('half');
    expect(restingSnap({ height: 700, available: 796, speed: -0.1 })).toBe('full');
  });

  it('goes on to the next snap point beyond the release after a flick', () => {
    // Let go just above half while flicking down: down to the peek, not back up to half.
    expect(restingSnap({ height: 420, available: 796, speed: -2 })).toBe('half');
    expect(restingSnap({ height: 380, available: 796, speed: -2 })).toBe('peek');
    expect(restingSnap({ height: 420, available: 796, speed: 2 })).toBe('full');
    expect(restingSnap({ height: 130, available: 796, speed: 2 })).toBe('half');
    expect(restingSnap({ height: 772, available: 796, speed: 2 })).toBe('full');
    expect(restingSnap({ height: 112, available: 796, speed: -2 })).toBe('peek');
  });
});
