import type { SiteDetail } from '@shared/schemas/site';
import type { KoegeApi } from '../../api/KoegeApi';
import { DIKE_LAYER_ID } from '../../map/ids';
import type { AppSlice, LoadStatus } from '../../store/AppState';
import { errorMessage } from '../../store/errorMessage';
import { floodLevelText } from '../finder';
import { DEFAULT_CLIMATE_COMPARE_VIEW, type ClimateCompareView } from './ClimateCompareView';
import { clampLevel, DEFAULT_CLIMATE, type ClimateScenario } from './ClimateScenario';
import type { FloodAffected } from './FloodAffected';
import type { FloodExtent } from './FloodExtent';
import { latestOnly, type FloodExtents } from './floodExtents';

/** Quiet time after the last slider step before the flood is asked for, in ms (issue #7). */
export const CLIMATE_DEBOUNCE_MS = 150;

export interface ClimateSlice {
  /** Scenario A: the level and dike state the climate view shows. */
  climate: ClimateScenario;
  /** Scenario B of the comparison; null when the comparison is off. */
  climateCompare: ClimateScenario | null;
  /** How B is shown next to A while the comparison is on: drawn under A, or on a swiped second map. */
  climateCompareView: ClimateCompareView;
  /** The flood of scenario A as last loaded (kept while a newer one loads). */
  climateExtent: FloodExtent | null;
  /** The flood of scenario B as last loaded; null without a comparison. */
  climateCompareExtent: FloodExtent | null;
  /** The sites scenario A floods, in the API's order. */
  climateAffected: FloodAffected | null;
  climateStatus: LoadStatus;
  climateError: string | null;
  /** Køge Dige's sections with their details, loaded once for the dike panel. */
  dikeSections: SiteDetail[];
  dikeStatus: LoadStatus;
  /**
   * Changes scenario A (the level is kept within 0–4 m at whole centimetres) and loads its flood; with `debounce`
   * (slider moves) only after CLIMATE_DEBOUNCE_MS without another change.
   */
  setClimate(patch: Partial<ClimateScenario>, options?: { debounce?: boolean }): void;
  /** Turns the comparison on with scenario B, changes B, or (null) turns it off. */
  setClimateCompare(scenario: ClimateScenario | null): void;
  /** Shows the comparison as an overlay or a swipe; nothing is loaded, both show the same floods. */
  setClimateCompareView(view: ClimateCompareView): void;
  /** Loads the floods and the affected sites of the current scenarios; only the latest request's answers land. */
  loadClimate(): Promise<void>;
  loadDike(): Promise<void>;
}

const keyOf = (scenario: ClimateScenario | null) =>
  scenario === null ? '' : `${floodLevelText(scenario.level)}/${scenario.dike}`;

export function createClimateSlice({
  api,
  floodExtents,
}: {
  api: KoegeApi;
  floodExtents: FloodExtents;
}): AppSlice<ClimateSlice> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const turns = latestOnly();
  // The affected list's request still running: a newer one aborts it (the extents are shared, never aborted).
  let running: AbortController | null = null;
  // The scenarios the shown answers belong to ("1.8/with|3.45/without"), so that an unchanged request is not repeated.
  let loadedKey: string | null = null;

  return (set, get) => {
    const schedule = (debounce: boolean) => {
      clearTimeout(timer);
      timer = undefined;
      if (debounce) timer = setTimeout(() => void get().loadClimate(), CLIMATE_DEBOUNCE_MS);
      else void get().loadClimate();
    };

    return {
      climate: DEFAULT_CLIMATE,
      climateCompare: null,
      climateCompareView: DEFAULT_CLIMATE_COMPARE_VIEW,
      climateExtent: null,
      climateCompareExtent: null,
      climateAffected: null,
      climateStatus: 'idle',
      climateError: null,
      dikeSections: [],
      dikeStatus: 'idle',
      setClimate(patch, { debounce = false } = {}) {
        const current = get().climate;
        const climate = { ...current, ...patch, level: clampLevel(patch.level ?? current.level) };
        if (keyOf(climate) === keyOf(current)) return;
        set({ climate });
        schedule(debounce);
      },
      setClimateCompare(scenario) {
        const climateCompare = scenario === null ? null : { ...scenario, level: clampLevel(scenario.level) };
        if (keyOf(climateCompare) === keyOf(get().climateCompare)) return;
        set({ climateCompare, ...(climateCompare === null ? { climateCompareExtent: null } : {}) });
        schedule(false);
      },
      setClimateCompareView(climateCompareView) {
        set({ climateCompareView });
      },
      async loadClimate() {
        clearTimeout(timer);
        timer = undefined;
        const { climate, climateCompare, climateStatus } = get();
        const key = `${keyOf(climate)}|${keyOf(climateCompare)}`;
        if (key === loadedKey && climateStatus === 'ready') return;
        running?.abort();
        const controller = new AbortController();
        running = controller;
        const ticket = turns.take();
        set({ climateStatus: 'loading', climateError: null });
        try {
          const [extent, affected, compareExtent] = await Promise.all([
            floodExtents.get(climate.level, climate.dike),
            api.getFloodAffected(climate.level, climate.dike, { signal: controller.signal }),
            climateCompare === null
              ? Promise.resolve(null)
              : floodExtents.get(climateCompare.level, climateCompare.dike),
          ]);
          if (!ticket.isLatest()) return;
          running = null;
          loadedKey = key;
          set({
            climateExtent: extent,
            climateAffected: affected,
            climateCompareExtent: compareExtent,
            climateStatus: 'ready',
          });
        } catch (error) {
          // An aborted request was replaced by a newer one, which reports for itself.
          if (!ticket.isLatest()) return;
          running = null;
          set({ climateStatus: 'error', climateError: errorMessage(error) });
        }
      },
      async loadDike() {
        if (get().dikeStatus === 'loading' || get().dikeStatus === 'ready') return;
        set({ dikeStatus: 'loading' });
        try {
          const { features } = await api.getLayerFeatures(DIKE_LAYER_ID);
          const dikeSections = await Promise.all(features.map((feature) => api.getSite(feature.id)));
          set({ dikeSections, dikeStatus: 'ready' });
        } catch {
          // The dike panel's figures come from the seed facts; without the sections it says they are missing.
          set({ dikeStatus: 'error' });
        }
      },
    };
  };
}
