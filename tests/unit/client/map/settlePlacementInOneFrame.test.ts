import { describe, expect, it } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { settlePlacementInOneFrame, wrapPlacement } from '../../../../client/src/map/settlePlacementInOneFrame';

// MapLibre's Style as the placement step sees it: `again` is what MapLibre's own step answers.
const styleWith = ({ again, done, stale }: { again: boolean; done: boolean; stale: boolean }) => ({
  pauseablePlacement: { isDone: () => done },
  placement: { stale },
  _updatePlacement: () => again,
});

describe('the placement step with a zero fade', () => {
  const step = (style: ReturnType<typeof styleWith>, fade: number) =>
    wrapPlacement(style._updatePlacement).call(style, {}, false, fade, true);

  it('owes no frame once the placement is done: the frame drawn had every name', () => {
    const style = styleWith({ again: true, done: true, stale: true });
    expect(step(style, 0)).toBe(false);
    expect(style.placement.stale).toBe(false);
  });

  it('keeps MapLibre’s answer with a fade, or while the placement is not done', () => {
    const fading = styleWith({ again: true, done: true, stale: true });
    expect(step(fading, 300)).toBe(true);
    expect(fading.placement.stale).toBe(true);
    const unfinished = styleWith({ again: true, done: false, stale: false });
    expect(step(unfinished, 0)).toBe(true);
    expect(step(styleWith({ again: false, done: true, stale: false }), 0)).toBe(false);
  });

  it('wraps a Style class once, and leaves a MapLibre without the step alone', () => {
    class Style {
      calls = 0;
      pauseablePlacement = { isDone: () => true };
      placement = { stale: true };
      _updatePlacement() {
        this.calls++;
        return true;
      }
    }
    const style = new Style();
    const map = { style } as unknown as MapLibreMap;
    const own = Style.prototype._updatePlacement;
    expect(settlePlacementInOneFrame(map)).toBe(true);
    const wrapped = Style.prototype._updatePlacement;
    expect(wrapped).not.toBe(own);
    // A second map of the same class finds it wrapped already.
    expect(settlePlacementInOneFrame({ style: new Style() } as unknown as MapLibreMap)).toBe(true);
    expect(Style.prototype._updatePlacement).toBe(wrapped);
    expect(style._updatePlacement.call(style)).toBe(true); // no zero fade given: MapLibre's answer
    expect(style.calls).toBe(1);
    expect(settlePlacementInOneFrame({ style: {} } as unknown as MapLibreMap)).toBe(false);
    expect(settlePlacementInOneFrame({} as unknown as MapLibreMap)).toBe(false);
  });
});
