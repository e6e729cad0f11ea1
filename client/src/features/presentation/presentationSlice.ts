import { DIKE_CREST_LEVEL } from '@shared/flood/floodScenarios';
import { MUNICIPALITY_LAYER_ID } from '../../map/ids';
import type { AppSlice } from '../../store/AppState';
import type { ClimateScenario } from '../climate';
import { latestOnly, type FloodExtent, type FloodExtents } from '../climate';
import { summariseInitiative } from '../policy';

/** The flood the dike step shows to make its point: the dike's design level with no dike (issue #7). */
export const PRESENTATION_FLOOD: Readonly<ClimateScenario> = { level: DIKE_CREST_LEVEL, dike: 'without' };

export interface PresentationSlice {
  /** The presentation's step (1-based: one per policy initiative); null when not presenting. */
  presentStep: number | null;
  /** The flood the current step shows (only the dike's step has one). */
  presentFlood: FloodExtent | null;
  /** Starts the presentation (for council meetings) at `step` (default 1), or moves it there. */
  goToStep(step: number): void;
  stopPresentation(): void;
  /**
   * Frames the current step on the map (its sites' layers shown, their joint bbox fitted, else the municipality)
   * once the policy and the layers it needs are loaded; does nothing for a step already framed.
   */
  framePresentation(): void;
}

export function createPresentationSlice({ floodExtents }: { floodExtents: FloodExtents }): AppSlice<PresentationSlice> {
  let framed: number | null = null;
  const turns = latestOnly();

  return (set, get) => {
    const showFlood = async (step: number) => {
      const ticket = turns.take();
      // A failure only leaves the step without its flood; the next visit asks again (failures are not cached).
      const extent = await floodExtents.get(PRESENTATION_FLOOD.level, PRESENTATION_FLOOD.dike).catch(() => null);
      if (ticket.isLatest() && get().presentStep === step) set({ presentFlood: extent });
    };

    return {
      presentStep: null,
      presentFlood: null,
      goToStep(step) {
        const count = get().policy?.initiatives.length;
        const clamped = Math.max(1, Math.min(count ?? step, Math.round(step)));
        if (clamped === get().presentStep) return;
        set({ presentStep: clamped, presentFlood: null });
        get().framePresentation();
      },
      stopPresentation() {
        framed = null;
        set({ presentStep: null, presentFlood: null });
      },
      framePresentation() {
        const { presentStep: step, policy, layers } = get();
        if (step === null || step === framed || policy === null) return;
        const initiatives = policy.initiatives;
        if (step > initiatives.length) {
          // A link's step beyond the policy's last initiative shows the last one.
          get().goToStep(initiatives.length);
          return;
        }
        const summary = summariseInitiative(initiatives[step - 1]!);
        const bbox = summary.bbox ?? layers.find((layer) => layer.id === MUNICIPALITY_LAYER_ID)?.bbox ?? null;
        if (bbox === null) return; // the layers are still loading: framed when they arrive
        framed = step;
        if (summary.layers.length > 0) get().setLayersVisible(summary.layers, true);
        get().focusOn(bbox);
        if (summary.showsFlood) void showFlood(step);
      },
    };
  };
}
