/**
 * The swipe divider's position (issue #7): a percentage of the map's width from its left edge, 0–100, kept whole so
 * that the slider's aria-valuenow and the clip agree.
 */

/** Where the divider starts: the middle, A and B with equal room. */
export const SWIPE_START_PERCENT = 50;

/** One arrow-key step, in percent of the width (the issue's ±5 %). */
export const SWIPE_KEY_STEP = 5;

/** Keeps a position within 0–100 %, whole. */
export function clampSwipePercent(percent: number): number {
  if (!Number.isFinite(percent)) return SWIPE_START_PERCENT;
  return Math.min(100, Math.max(0, Math.round(percent)));
}

/**
 * The position a key moves the divider to, or undefined for a key the divider does not take (it then does nothing,
 * and the key goes on to the page). Left/Down step left, Right/Up step right, Home and End go to the edges, as the
 * ARIA slider pattern has it.
 */
export function swipePercentForKey({ key, percent }: { key: string; percent: number }): number | undefined {
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return clampSwipePercent(percent - SWIPE_KEY_STEP);
    case 'ArrowRight':
    case 'ArrowUp':
      return clampSwipePercent(percent + SWIPE_KEY_STEP);
    case 'Home':
      return 0;
    case 'End':
      return 100;
    default:
      return undefined;
  }
}

/** The position under the pointer: `clientX` and the frame's `left` and `width` in CSS pixels. */
export function swipePercentAtPointer({
  clientX,
  left,
  width,
}: {
  clientX: number;
  left: number;
  width: number;
}): number {
  return width > 0 ? clampSwipePercent(((clientX - left) / width) * 100) : SWIPE_START_PERCENT;
}

/** The second map's CSS clip-path: it shows only right of the divider, where scenario B is. */
export function swipeClipPath(percent: number): string {
  return `inset(0 0 0 ${clampSwipePercent(percent)}%)`;
}
