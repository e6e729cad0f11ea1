import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * The part of MapLibre's (6.x) Style this relies on: `_updatePlacement` runs the names' collision placement once a
 * frame and answers whether another frame must follow; the placement it keeps has a `stale` flag.
 */
interface PlacingStyle {
  _updatePlacement(
    transform: unknown,
    showCollisionBoxes: boolean,
    fadeDuration: number,
    crossSourceCollisions: boolean,
    forceFullPlacement?: boolean,
  ): boolean;
  pauseablePlacement?: { isDone(): boolean };
  placement?: { stale: boolean };
}

const settled = new WeakSet<object>();

/**
 * With `fadeDuration: 0` MapLibre places every name in full in the frame it draws, yet when that frame brought new
 * names it marks the placement stale and draws the whole map once more, unchanged, before it goes idle (the mark
 * is there for placement spread over several frames, which a zero fade never does). Drawing a frame is cheap on a
 * graphics card but costs 100–200 ms in a software renderer (headless Chromium, a thin client), so names cost the
 * page load a frame (issue #16). This wraps the style's placement step: with a zero fade and the placement done,
 * nothing is stale and no frame is owed. Other fades keep MapLibre's own answer.
 *
 * It reaches into MapLibre's Style (not public API); `true` when the step was found and wrapped (once per class),
 * `false` when a MapLibre version no longer has it, which leaves MapLibre as it is (a browser test checks `true`).
 */
export function settlePlacementInOneFrame(map: MapLibreMap): boolean {
  const style = (map as unknown as { style?: PlacingStyle }).style;
  const proto = style ? (Object.getPrototypeOf(style) as PlacingStyle | null) : null;
  if (proto === null || typeof proto._updatePlacement !== 'function') return false;
  if (settled.has(proto)) return true;
  settled.add(proto);
  proto._updatePlacement = wrapPlacement(proto._updatePlacement);
  return true;
}

/** The wrapped placement step (exported for its unit test). */
export function wrapPlacement(update: PlacingStyle['_updatePlacement']): PlacingStyle['_updatePlacement'] {
  return function (this: PlacingStyle, transform, showCollisionBoxes, fadeDuration, crossSourceCollisions, force) {
    const again = update.call(this, transform, showCollisionBoxes, fadeDuration, crossSourceCollisions, force);
    if (!again || fadeDuration !== 0 || this.pauseablePlacement?.isDone() !== true || !this.placement) return again;
    this.placement.stale = false;
    return false;
  };
}
