import { SHEET_SNAPS, type SheetSnap } from '../store/uiSlice';

/** The sheet's height at its lowest snap point: its handle and the tabs, in CSS pixels. */
export const SHEET_PEEK_PX = 112;
/** What the sheet leaves of the map's area at its highest snap point, in CSS pixels. */
const SHEET_FULL_GAP_PX = 24;
/** A flick faster than this (px per ms) carries the sheet one snap point on in its direction. */
const FLICK_SPEED = 0.5;

/** The sheet's height at each snap point in a space `available` px high (the area under the header). */
export function snapHeights(available: number): Record<SheetSnap, number> {
  const full = Math.max(SHEET_PEEK_PX, available - SHEET_FULL_GAP_PX);
  return { peek: Math.min(SHEET_PEEK_PX, full), half: Math.round(available / 2), full };
}

/**
 * Where a dragged sheet comes to rest: after a flick (speed in px per ms, upwards positive), the next snap point
 * beyond where it was let go in the flick's direction; else the nearest one.
 */
export function restingSnap({
  height,
  available,
  speed,
}: {
  height: number;
  available: number;
  speed: number;
}): SheetSnap {
  const heights = snapHeights(available);
  const byHeight = [...SHEET_SNAPS].sort((a, b) => heights[a] - heights[b]);
  if (speed >= FLICK_SPEED) return byHeight.find((snap) => heights[snap] > height) ?? 'full';
  if (speed <= -FLICK_SPEED) return byHeight.reverse().find((snap) => heights[snap] < height) ?? 'peek';
  return byHeight.reduce((best, snap) =>
    Math.abs(heights[snap] - height) < Math.abs(heights[best] - height) ? snap : best,
  );
}
