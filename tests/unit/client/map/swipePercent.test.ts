import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clampSwipePercent,
  SWIPE_START_PERCENT,
  swipeClipPath,
  swipePercentAtPointer,
  swipePercentForKey,
} from '../../../../client/src/map/swipePercent';

describe('the swipe divider’s position (issue #7)', () => {
  it.each([
    ['ArrowRight', 50, 55],
    ['ArrowUp', 50, 55],
    ['ArrowLeft', 50, 45],
    ['ArrowDown', 50, 45],
    ['ArrowRight', 98, 100],
    ['ArrowLeft', 3, 0],
    ['Home', 40, 0],
    ['End', 40, 100],
  ])('%s from %i % goes to %i %', (key, percent, expected) => {
    expect(swipePercentForKey({ key, percent })).toBe(expected);
  });

  it('leaves other keys to the page', () => {
    expect(swipePercentForKey({ key: 'Tab', percent: 50 })).toBeUndefined();
    expect(swipePercentForKey({ key: 'a', percent: 50 })).toBeUndefined();
  });

  it('follows the pointer within the frame and stops at its edges', () => {
    expect(swipePercentAtPointer({ clientX: 300, left: 100, width: 800 })).toBe(25);
    expect(swipePercentAtPointer({ clientX: 50, left: 100, width: 800 })).toBe(0);
    expect(swipePercentAtPointer({ clientX: 1200, left: 100, width: 800 })).toBe(100);
    // A frame with no width yet (hidden): the middle, never NaN.
    expect(swipePercentAtPointer({ clientX: 10, left: 0, width: 0 })).toBe(SWIPE_START_PERCENT);
  });

  it('clips the second map to the right of the divider', () => {
    expect(swipeClipPath(30)).toBe('inset(0 0 0 30%)');
    expect(swipeClipPath(130)).toBe('inset(0 0 0 100%)');
  });

  it('always gives a whole percentage within 0–100', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: false }), (value) => {
        const percent = clampSwipePercent(value);
        return Number.isInteger(percent) && percent >= 0 && percent <= 100;
      }),
      { seed: 7 },
    );
  });
});
