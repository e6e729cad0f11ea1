import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { paintFirstLoadInSteps } from '../../../../client/src/map/paintFirstLoadInSteps';

// The surface of a MapLibre map this uses: its painter (a frame drawn per call), whether the tiles in view are in,
// a repaint request, and its events.
function standInMap() {
  const painted: number[] = [];
  const listeners = new Map<string, (() => void)[]>();
  const map = {
    tilesLoaded: false,
    repaints: 0,
    painter: {
      render(_style: unknown, _transform: unknown, _data: { moving?: boolean }) {
        painted.push(Date.now());
      },
    },
    areTilesLoaded: () => map.tilesLoaded,
    triggerRepaint: () => void map.repaints++,
    once(type: string, listener: () => void) {
      listeners.set(type, [...(listeners.get(type) ?? []), listener]);
      return map;
    },
    fire(type: string) {
      for (const listener of listeners.get(type) ?? []) listener();
      listeners.delete(type);
    },
    /** One frame of MapLibre's render loop at `at` ms (the timers that are due by then have run). */
    frame(at: number, moving = false) {
      vi.advanceTimersByTime(at - Date.now());
      map.painter.render({}, {}, { moving });
    },
  };
  return { map, painted };
}

describe('painting the first load in steps', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => vi.useRealTimers());

  const install = (map: ReturnType<typeof standInMap>['map']) =>
    paintFirstLoadInSteps(map as never, 250, () => Date.now());

  it('paints the first frame, holds those that follow within the interval while tiles load, and makes one up', () => {
    const { map, painted } = standInMap();
    const end = install(map);
    expect(end).not.toBeNull();
    map.frame(0);
    map.frame(60);
    map.frame(120);
    expect(painted).toEqual([0]);
    // The held frames are made up once, when the interval since the last paint is over.
    vi.advanceTimersByTime(129);
    expect(map.repaints).toBe(0);
    vi.advanceTimersByTime(1);
    expect(map.repaints).toBe(1);
    map.frame(250);
    expect(painted).toEqual([0, 250]);
    vi.advanceTimersByTime(1000);
    expect(map.repaints).toBe(1);
  });

  it('never holds the frame that completes the view, nor one while the camera moves', () => {
    const { map, painted } = standInMap();
    install(map);
    map.frame(0);
    map.frame(40, true);
    map.tilesLoaded = true;
    map.frame(80);
    expect(painted).toEqual([0, 40, 80]);
  });

  it('paints every frame once the first load has ended, or the map is gone', () => {
    const { map, painted } = standInMap();
    const end = install(map)!;
    map.frame(0);
    map.frame(10);
    end();
    map.frame(20);
    map.frame(30);
    expect(painted).toEqual([0, 20, 30]);
    // The frame held before the end is not made up: MapLibre paints on its own.
    vi.advanceTimersByTime(1000);
    expect(map.repaints).toBe(0);
    end();

    const gone = standInMap();
    install(gone.map);
    gone.map.frame(2000);
    gone.map.fire('remove');
    gone.map.frame(2005);
    expect(gone.painted).toEqual([2000, 2005]);
  });

  it('leaves a MapLibre without a painter alone', () => {
    expect(paintFirstLoadInSteps({} as never)).toBeNull();
    expect(paintFirstLoadInSteps({ painter: {} } as never)).toBeNull();
  });
});
