import type { Map as MapLibreMap } from 'maplibre-gl';

/** How often, at most, the map paints while its first view is still loading. */
export const FIRST_LOAD_PAINT_INTERVAL_MS = 250;

/** What this reaches into: MapLibre's (6.x) painter, which draws one frame of the style. */
interface PainterLike {
  render(style: unknown, transform: unknown, data: { moving?: boolean }): void;
}

/** The part of the map used here (public API). */
type MapLike = Pick<MapLibreMap, 'areTilesLoaded' | 'triggerRepaint' | 'once'>;

/** Ends the first load's steps: MapLibre paints as it does by itself again. Calling it again does nothing. */
export type EndFirstLoad = () => void;

/**
 * Paints the map's first load in steps at most `intervalMs` apart, instead of once for every tile and source that
 * comes in. A frame costs little on a graphics card, but 60–250 ms of both cores in a software renderer (headless
 * Chromium, a thin client or a virtual desktop without a GPU), where the first load is a string of frames that
 * each show a little more. While one is drawn the page's main thread is blocked, and whatever a map worker asks of
 * it waits: a tile with names waits for its fonts there, finishes a frame late and costs one more (issue #16: names
 * cost the page load a frame or two). With the paints spaced the thread answers between them.
 *
 * The first paint (the background) and the one that completes the view are never held: a paint is held only while
 * tiles in view are still loading and the camera stands still, and one held is made up within `intervalMs`. Once
 * the returned function is called (the map is ready with its data), MapLibre paints as it does by itself again:
 * sketching, hovering and panning are never held.
 *
 * It reaches into MapLibre's painter (not public API); null when a MapLibre version no longer has it, which leaves
 * the map as it is (a browser test checks that the first load is held and that later paints are not).
 */
export function paintFirstLoadInSteps(
  map: MapLike,
  intervalMs: number = FIRST_LOAD_PAINT_INTERVAL_MS,
  now: () => number = () => performance.now(),
): EndFirstLoad | null {
  const painter = (map as unknown as { painter?: PainterLike }).painter;
  if (painter === undefined || typeof painter.render !== 'function') return null;
  const own = painter.render;
  let lastPaint = -Infinity;
  let makeUp: ReturnType<typeof setTimeout> | null = null;
  painter.render = function (this: PainterLike, style, transform, data) {
    const at = now();
    const sinceLast = at - lastPaint;
    if (sinceLast < intervalMs && data.moving !== true && !map.areTilesLoaded()) {
      makeUp ??= setTimeout(() => {
        makeUp = null;
        map.triggerRepaint();
      }, intervalMs - sinceLast);
      return;
    }
    lastPaint = at;
    own.call(this, style, transform, data);
  };
  const end = () => {
    painter.render = own;
    if (makeUp !== null) clearTimeout(makeUp);
    makeUp = null;
  };
  map.once('remove', end);
  return end;
}
